import { isLocale, LOCALE_PARAM } from "../i18n/locale";

/**
 * What the pages share about their links: the query the server was asked for (so the first render already
 * shows what the link asks for), the query written back as settings change, and the link to copy.
 */

/** Next's `searchParams` as a query string (a repeated key keeps its first value, as `URLSearchParams.get` would). */
export function searchOf(params: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) q.set(key, first);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * `query` plus the language the address bar already names: the language is the reader's setting, not
 * the page's, so every link a page writes keeps it (components/i18n/locale.ts).
 */
export function withLang(query: string, search: string = window.location.search): string {
  const lang = new URLSearchParams(search).get(LOCALE_PARAM);
  if (!isLocale(lang)) return query;
  const q = new URLSearchParams(query);
  q.set(LOCALE_PARAM, lang);
  return q.toString();
}

/** Puts `query` into the address bar without a new history entry: settings are not places to go back to. */
export function replaceQuery(query: string): void {
  query = withLang(query);
  const search = query ? `?${query}` : "";
  if (search !== window.location.search) window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
}

/** The absolute link to this page with `query`: what "Copy link" copies. */
export function linkHere(query: string): string {
  query = withLang(query);
  return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ""}`;
}
