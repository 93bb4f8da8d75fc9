import type { Dialog, Localization } from "../altinn/dialog";

/**
 * What the end-user DTO looks like on the wire, beyond authorization: the language filter, the .NET date
 * format and the casing of `serviceResourceType` (docs/real-systems.md §9). Pure; works on a copy.
 */

interface AcceptedLanguage {
  code: string;
  weight: number;
}

/**
 * `AcceptedLanguages.TryParse`: each entry's base language (`en-US`, `en_US` → `en`) with its q weight
 * (default 1), the highest weight kept per language. A header that does not parse filters nothing.
 */
export function parseAcceptLanguage(header: string | null): AcceptedLanguage[] {
  if (!header) return [];
  const out = new Map<string, number>();
  for (const part of header.split(",")) {
    const [rawCode, rawWeight] = part.split(";");
    const code = rawCode!.trim().replace(/_/g, "-").toLowerCase().split("-")[0]!;
    let weight = 100;
    if (rawWeight !== undefined) {
      const [key, value] = rawWeight.split("=");
      const q = Number(value?.trim());
      if (key?.trim() !== "q" || value === undefined || !Number.isFinite(q) || q < 0 || q > 1) return [];
      weight = Math.trunc(q * 100);
    }
    if (code === "") continue;
    out.set(code, Math.max(out.get(code) ?? 0, weight));
  }
  return [...out].map(([code, weight]) => ({ code, weight }));
}

/**
 * `PruneLocalizations`: keep only the best match, trying the accepted languages by weight, then English and
 * Bokmål (Bokmål first when Danish or Swedish is accepted); keep everything when nothing matches.
 */
function prune(localizations: Localization[] | undefined, accepted: AcceptedLanguage[]): Localization[] | undefined {
  if (!localizations || localizations.length === 0 || accepted.length === 0) return localizations;
  const codes = [...accepted].sort((a, b) => b.weight - a.weight).map((a) => a.code);
  const fallback = codes.some((c) => c === "sv" || c === "da") ? ["nb", "en"] : ["en", "nb"];
  for (const code of [...codes, ...fallback]) {
    const hit = localizations.find((l) => l.languageCode === code);
    if (hit) return [hit];
  }
  return localizations;
}

/** `FilterDialogLocalizations`: content, attachment names, GUI action titles and prompts, transmissions, activities. */
export function filterLocalizations(dialog: Dialog, accepted: AcceptedLanguage[]): Dialog {
  if (accepted.length === 0) return dialog;
  const p = (l: Localization[]) => prune(l, accepted)!;
  const content = Object.fromEntries(Object.entries(dialog.content).map(([k, v]) => [k, v && { ...v, value: p(v.value) }])) as Dialog["content"];
  return {
    ...dialog,
    content,
    attachments: dialog.attachments.map((a) => ({ ...a, displayName: p(a.displayName) })),
    guiActions: dialog.guiActions.map((g) => ({ ...g, title: p(g.title), ...(g.prompt && { prompt: p(g.prompt) }) })),
    transmissions: dialog.transmissions.map((t) => ({
      ...t,
      content: Object.fromEntries(Object.entries(t.content).map(([k, v]) => [k, v && { ...v, value: p(v.value) }])) as typeof t.content,
      attachments: t.attachments.map((a) => ({ ...a, displayName: p(a.displayName) })),
      navigationalActions: t.navigationalActions.map((n) => ({ ...n, title: p(n.title) })),
    })),
    activities: dialog.activities.map((a) => ({ ...a, description: p(a.description) })),
  };
}

const DATE_KEYS = new Set(["createdAt", "updatedAt", "contentUpdatedAt", "dueAt", "expiresAt", "seenAt", "sunsetAt"]);
const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z$/;

/** `UtcDateTimeOffsetConverter` writes `DateTime.ToString("O")` of the UTC instant: seven fractional digits and `Z`. */
function roundTrip(value: string): string {
  const m = ISO.exec(value);
  if (!m) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : roundTrip(new Date(t).toISOString());
  }
  return `${m[1]}.${(m[2] ?? "").padEnd(7, "0")}Z`;
}

/**
 * The DTO as it is serialized: store-only fields (`visibleFrom`, `deletedAt`) dropped, dates in round-trip
 * format, and `serviceResourceType` lower case as the real one reports the resource registry's type.
 */
export function toWire(dialog: Dialog): Dialog {
  const { visibleFrom: _visibleFrom, deletedAt: _deletedAt, ...dto } = dialog;
  const text = JSON.stringify({ ...dto, serviceResourceType: dto.serviceResourceType.toLowerCase() }, (key, value: unknown) =>
    DATE_KEYS.has(key) && typeof value === "string" ? roundTrip(value) : value,
  );
  return JSON.parse(text) as Dialog;
}
