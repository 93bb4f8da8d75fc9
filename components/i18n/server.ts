import { headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER, type Locale } from "./locale";
import { fill, type Text } from "./text";

/** The locale `proxy.ts` resolved for this page request (server components only). */
export async function localeNow(): Promise<Locale> {
  const value = (await headers()).get(LOCALE_HEADER);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** `const t = await serverT(); t({ en, nb })` in a server component. */
export async function serverT(): Promise<(text: Text, values?: Readonly<Record<string, string | number>>) => string> {
  const locale = await localeNow();
  return (text, values) => fill(text, locale, values ?? {});
}
