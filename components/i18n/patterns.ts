import type { Locale } from "./locale";
import { fill, type Text } from "./text";

/**
 * Sentences that lib/ writes in English (a verifier's reasons, a report's findings) reach the UI in the reader's
 * language through patterns: the English text of a Text is the sentence with {placeholders} where it carries
 * values, the Norwegian one uses the same placeholders. What no pattern matches stays English, and says so, so
 * a page never shows a Norwegian sentence that does not say what the English one did.
 */
export interface Translated {
  text: string;
  /** The text's language: the reader's, or "en" where it came through untranslated (mark it `lang="en"`). */
  lang: Locale;
}

/** The `lang` attribute a translated text needs: none in the page's own language, "en" where it stayed English. */
export const langAttr = (text: Translated, locale: Locale): Locale | undefined => (text.lang === locale ? undefined : text.lang);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The values an English sentence carries, by placeholder name; null when the sentence is not this pattern. */
function valuesIn(pattern: string, sentence: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern
    .split(/(\{\w+\})/)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (!name) return escape(piece);
      names.push(name);
      // A value never runs over a sentence's end: a pattern must not take a sentence with more after it.
      return "((?:(?!\\. ).)+?)";
    })
    .join("");
  const match = new RegExp(`^${source}$`).exec(sentence);
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) : null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How a placeholder's value becomes the reader's: a table of words, or a function for a value with words inside. */
export type Words = Readonly<Record<string, Readonly<Record<string, string>> | ((value: string) => string)>>;

/**
 * `sentence` in `locale`, by the first pattern it matches. `words` turns values that are words into the
 * reader's (`{ part: { header: "headeren" } }`); a placeholder written with a capital ({Part}) takes the word
 * capitalised, for the start of a sentence.
 */
export function translate(patterns: readonly Text[], sentence: string, locale: Locale, words: Words = {}): Translated {
  if (locale === "en") return { text: sentence, lang: "en" };
  for (const pattern of patterns) {
    const values = valuesIn(pattern.en, sentence);
    if (!values) continue;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const how = words[name];
      const word = typeof how === "function" ? how(value) : (how?.[value] ?? value);
      out[name] = word;
      out[capital(name)] = capital(word);
    }
    return { text: fill(pattern, locale, out), lang: locale };
  }
  return { text: sentence, lang: "en" };
}
