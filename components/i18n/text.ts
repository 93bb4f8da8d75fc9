import type { Locale } from "./locale";

/**
 * A UI text in both languages, written where it is used: `{ en: "Run all", nb: "Kjør alle" }`. Keeping
 * the pair together means a text cannot be added in one language only (the type requires both), and
 * nobody has to keep a separate dictionary in step with the components.
 */
export type Text = Readonly<Record<Locale, string>>;

export function pick(text: Text, locale: Locale): string {
  return text[locale];
}

/** A text with placeholders: `fill({ en: "{n} checks", nb: "{n} kontroller" }, locale, { n: 3 })`. */
export function fill(text: Text, locale: Locale, values: Readonly<Record<string, string | number>>): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
