"use client";

import { createContext, useCallback, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { fill, type Text } from "./text";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Set once in the root layout from the locale `proxy.ts` resolved for this request. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** `const t = useT(); t({ en: "Next", nb: "Neste" })`, with optional `{placeholders}`. */
export function useT(): (text: Text, values?: Readonly<Record<string, string | number>>) => string {
  const locale = useLocale();
  return useCallback((text: Text, values?: Readonly<Record<string, string | number>>) => fill(text, locale, values ?? {}), [locale]);
}

/**
 * Norwegian content (the seed's dialog titles, party names, a real token's values) inside the page:
 * marked `lang="nb"` when the UI around it is English, so screen readers pronounce it as Norwegian
 * (WCAG 3.1.2, language of parts).
 */
export function Nb({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return locale === "nb" ? <>{children}</> : <span lang="nb">{children}</span>;
}
