import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { Locale } from "../i18n/locale";
import { NB_CLAIMS } from "./entry-texts-nb-claims";
import { NB_DELIVERY } from "./entry-texts-nb-delivery";
import { NB_FAULTS } from "./entry-texts-nb-faults";
import { NB_SIGNING } from "./entry-texts-nb-signing";

/**
 * The catalogue's texts in the reader's language. lib/catalogue stays English (the CLI and the conformance
 * report print it); the Norwegian texts live here, in the UI, keyed by entry id. entry-texts.test.ts fails
 * when an entry has no Norwegian text, so a new entry cannot reach the page in one language only.
 */
export interface EntryTextsNb {
  title: string;
  what: string;
  models: string;
  lesson: string;
  /** Only for entries that set `notInBrowser`. */
  notInBrowser?: string;
}

export const ENTRY_TEXTS_NB: Readonly<Record<string, EntryTextsNb>> = { ...NB_CLAIMS, ...NB_SIGNING, ...NB_DELIVERY, ...NB_FAULTS };

/** An entry's title, what, models, lesson and browser note in `locale` (English, the catalogue's own, when a text is missing). */
export function entryTexts(entry: CatalogueEntry, locale: Locale): EntryTextsNb {
  const own = {
    title: entry.title,
    what: entry.what,
    models: entry.models,
    lesson: entry.lesson,
    ...(entry.notInBrowser && { notInBrowser: entry.notInBrowser }),
  };
  return locale === "nb" ? { ...own, ...ENTRY_TEXTS_NB[entry.id] } : own;
}
