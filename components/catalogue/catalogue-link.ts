import { isLocale, LOCALE_PARAM } from "../i18n/locale";
import { parseInstant } from "../workspace/link-clock";

/**
 * A catalogue entry is played in the sequence view (`/?entry=<id>`). Links carry the entry, a fixed clock
 * when the sender had one and the reader's language — never a token: opening one runs the entry again,
 * with the receiver's own calls.
 */
export function entryHref(entry: string, keep: { at?: string; lang?: string | null } = {}): string {
  const q = new URLSearchParams({ entry });
  if (keep.at) q.set("at", keep.at);
  if (isLocale(keep.lang)) q.set(LOCALE_PARAM, keep.lang);
  return `/?${q.toString()}`;
}

/** Where an old `/catalogue?entry=<id>` link goes now: the sequence view on that entry (an unknown id is said there). */
export function redirectFor(search: string): string | undefined {
  const q = new URLSearchParams(search);
  const entry = q.get("entry");
  if (!entry) return undefined;
  return entryHref(entry, { at: parseInstant(q.get("at")), lang: q.get(LOCALE_PARAM) });
}
