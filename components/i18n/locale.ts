/**
 * The UI's two languages and how a request picks one. Pure functions: `proxy.ts` calls
 * `resolveLocale` per page request, the tests call it directly.
 *
 * Order: `?lang=` in the link (a shared link shows what its sender saw), then the `lang` cookie (the
 * reader's own earlier choice), then `Accept-Language` (RFC 9110 §12.5.4), then English.
 */
export const LOCALES = ["en", "nb"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The query parameter and the cookie that carry an explicit choice. */
export const LOCALE_PARAM = "lang";
/** The request header `proxy.ts` hands the resolved locale to the server components in. */
export const LOCALE_HEADER = "sandbox-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an `Accept-Language` value, or undefined when none is acceptable.
 * Norwegian arrives as `nb`, `no` or `nn` (a Nynorsk reader reads Bokmål far better than English), each
 * possibly with a region; `q=0` means "not this one".
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  let best: { locale: Locale; q: number; index: number } | undefined;
  header.split(",").forEach((part, index) => {
    const [range = "", ...params] = part.trim().split(";");
    const q = qualityOf(params);
    const locale = localeOfRange(range.trim().toLowerCase());
    if (!locale || q <= 0) return;
    if (!best || q > best.q || (q === best.q && index < best.index)) best = { locale, q, index };
  });
  return best?.locale;
}

function qualityOf(params: string[]): number {
  for (const param of params) {
    const [name, value] = param.trim().split("=");
    if (name?.trim().toLowerCase() === "q") {
      const q = Number(value);
      return Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0;
    }
  }
  return 1;
}

function localeOfRange(range: string): Locale | undefined {
  const primary = range.split("-")[0];
  if (primary === "en") return "en";
  if (primary === "nb" || primary === "no" || primary === "nn") return "nb";
  return undefined;
}

export function resolveLocale({ query, cookie, acceptLanguage }: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(query)) return query;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
