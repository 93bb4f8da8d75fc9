"use client";

import { useT } from "../i18n/locale-provider";
import type { Autoplay, Step } from "../sequence/run-model";
import { KeyHelp } from "./key-help";
import type { RunKeys } from "./use-run-keys";

/**
 * What the keyboard needs on the page in either view: the list of keys, and a live region that says where
 * the run is after a key moved it. A key changes the page without moving focus, so without this a screen
 * reader user would not hear that anything happened.
 */
export function KeysLayer({ keys, step, autoplay, presenter }: { keys: RunKeys; step: Step; autoplay: Autoplay; presenter: boolean }) {
  const t = useT();
  const where = [
    step >= 0 ? t({ en: "Step {n} of 6", nb: "Steg {n} av 6" }, { n: step }) : t({ en: "Not started", nb: "Ikke startet" }),
    autoplay === "paused" ? t({ en: "Run all paused", nb: "«Kjør alle» er satt på pause" }) : "",
    presenter ? t({ en: "presenter view", nb: "presentasjonsvisning" }) : "",
  ];
  return (
    <>
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {where.filter(Boolean).join(" · ")}
      </p>
      <KeyHelp open={keys.help} onClose={keys.closeHelp} />
    </>
  );
}
