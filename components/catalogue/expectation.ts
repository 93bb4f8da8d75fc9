import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { Text } from "../i18n/text";

type Translate = (text: Text, values?: Readonly<Record<string, string | number>>) => string;

/** Where a run stops, as the catalogue's `expectedStep` and the runner's `stoppedAt` number it. */
const STEP_NAME: Readonly<Record<number, Text>> = {
  0: { en: "step 0 (sign-in)", nb: "steg 0 (innlogging)" },
  3: { en: "step 3 (Dialogporten issues no token)", nb: "steg 3 (Dialogporten utsteder ikke noe token)" },
  4: { en: "step 4 (the request's shape)", nb: "steg 4 (forespørselens form)" },
  5: { en: "step 5 (the service provider's checks)", nb: "steg 5 (tjenestetilbyderens kontroller)" },
  6: { en: "step 6 (answered)", nb: "steg 6 (besvart)" },
};

export const stepName = (step: number, t: Translate): string => (STEP_NAME[step] ? t(STEP_NAME[step]) : t({ en: "step {n}", nb: "steg {n}" }, { n: step }));

/** "caught by X (check Y) at step N", or "accepted at step 6: X", in the reader's language. */
export function expectationText(e: CatalogueEntry, t: Translate): string {
  const step = stepName(e.expectedStep, t);
  if (e.expectedOutcome === "accepted") return t({ en: "accepted at {step}: {code}", nb: "godtatt i {step}: {code}" }, { step, code: e.expectedCode });
  if (e.expectedCheck) {
    return t(
      { en: "caught by {code} (check {check}) at {step}", nb: "fanget av {code} (kontroll {check}) i {step}" },
      { code: e.expectedCode, check: e.expectedCheck, step },
    );
  }
  return t({ en: "caught by {code} at {step}", nb: "fanget av {code} i {step}" }, { code: e.expectedCode, step });
}
