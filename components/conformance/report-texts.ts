import type { CaseResult, ConformanceReport } from "@/lib/conformance/run";
import { findingText, summaryLine } from "@/lib/conformance/report";
import { ENTRY_TEXTS_NB } from "../catalogue/entry-texts";
import type { Locale } from "../i18n/locale";
import { translate, type Translated, type Words } from "../i18n/patterns";

/**
 * The conformance report's sentences in the reader's language. lib/conformance writes them in English (the
 * CLI prints them, the JUnit and JSON downloads carry them); here they are read back as patterns
 * (components/i18n/patterns.ts) and said in Norwegian, and an entry's title and lesson come from the
 * catalogue's Norwegian texts. Whatever does not fit stays English, marked so.
 */

const SUMMARY = [
  {
    en: "{verdict}: valid token {valid}; {refused} of {sent} attacks refused, {skipped} not sent; {n} finding.",
    nb: "{verdict}: gyldig token {valid}; {refused} av {sent} angrep avvist, {skipped} ikke sendt; {n} funn.",
  },
  {
    en: "{verdict}: valid token {valid}; {refused} of {sent} attacks refused, {skipped} not sent; {n} findings.",
    nb: "{verdict}: gyldig token {valid}; {refused} av {sent} angrep avvist, {skipped} ikke sendt; {n} funn.",
  },
  {
    en: "{verdict}: valid token {valid}; {refused} of {sent} attacks refused; {n} finding.",
    nb: "{verdict}: gyldig token {valid}; {refused} av {sent} angrep avvist; {n} funn.",
  },
  {
    en: "{verdict}: valid token {valid}; {refused} of {sent} attacks refused; {n} findings.",
    nb: "{verdict}: gyldig token {valid}; {refused} av {sent} angrep avvist; {n} funn.",
  },
];

const FINDING = [
  {
    en: "{id}: answered {answered} — {what}; it should {should} (the sandbox's provider catches it as {catches}).",
    nb: "{id}: svarte {answered} — {what}; den skulle {should} (sandkassens tjenestetilbyder fanger det som {catches}).",
  },
  { en: "{id}: answered {answered} — {what}; it should {should}.", nb: "{id}: svarte {answered} — {what}; den skulle {should}." },
  {
    en: "{id}: answered {answered}; it should {should} (the sandbox's provider catches it as {catches}).",
    nb: "{id}: svarte {answered}; den skulle {should} (sandkassens tjenestetilbyder fanger det som {catches}).",
  },
  { en: "{id}: answered {answered}; it should {should}.", nb: "{id}: svarte {answered}; den skulle {should}." },
];

const VALID_TITLE = [{ en: "A valid token for dialog {dialog} and action {action}", nb: "Et gyldig token for dialog {dialog} og handling {action}" }];

const PROBLEMS = [
  { en: "The target URL must contain {dialogId} where the dialog id goes.", nb: "Mål-URL-en må inneholde {dialogId} der dialog-ID-en skal stå." },
  { en: "The target URL must be http(s).", nb: "Mål-URL-en må være http(s)." },
  { en: "The target is not a URL.", nb: "Målet er ikke en URL." },
  {
    en: "The action is <action> or <action>,<attribute>, e.g. read or delete,urn:altinn:task:Task_1.",
    nb: "Handlingen er <handling> eller <handling>,<attributt>, for eksempel read eller delete,urn:altinn:task:Task_1.",
  },
  { en: "The method is one of {methods}.", nb: "Metoden er en av {methods}." },
  { en: "The dialog id must be one path segment.", nb: "Dialog-ID-en må være ett stisegment." },
];

const WORDS: Words = {
  verdict: { PASS: "BESTÅTT", FAIL: "IKKE BESTÅTT" },
  valid: { accepted: "godtatt", "NOT accepted": "IKKE godtatt" },
  what: {
    accepted: "godtatt",
    refused: "avvist",
    no_answer: "intet svar",
    "a server error is no refusal": "en serverfeil er ingen avvisning",
    "a redirect is no refusal": "en omdirigering er ingen avvisning",
  },
  should: { "accept it (2xx)": "godta det (2xx)", "refuse it with a 4xx": "avvise det med en 4xx" },
  // `401 (invalid_token)` stays; `no answer (timeout)` gets its words, the error's own stays as the browser said it.
  answered: (value) => value.replace(/^no answer\b/, "intet svar").replace(/^not sent$/, "ikke sendt"),
  catches: (value) => value.replace("(check ", "(kontroll "),
};

export const summaryIn = (report: ConformanceReport, locale: Locale): Translated => translate(SUMMARY, summaryLine(report), locale, WORDS);

export const findingIn = (r: CaseResult, locale: Locale): Translated => translate(FINDING, findingText(r), locale, WORDS);

export const problemIn = (problem: string, locale: Locale): Translated => translate(PROBLEMS, problem, locale);

/** A request's title: the valid token's, or the catalogue entry's own in Norwegian. */
export function titleIn(r: CaseResult, locale: Locale): Translated {
  const nb = locale === "nb" ? ENTRY_TEXTS_NB[r.id]?.title : undefined;
  return nb ? { text: nb, lang: locale } : translate(VALID_TITLE, r.title, locale);
}

export function lessonIn(r: CaseResult, locale: Locale): Translated | null {
  if (!r.lesson) return null;
  const nb = locale === "nb" ? ENTRY_TEXTS_NB[r.id]?.lesson : undefined;
  return nb ? { text: nb, lang: locale } : { text: r.lesson, lang: "en" };
}
