"use client";

import type { VerificationResult } from "@/lib/service-provider/types";
import { useT } from "../i18n/locale-provider";
import { CheckRow } from "../token/check-row";
import { VerdictChip } from "../ui/status";

/** Every step-5 check, in the provider's order, with what it compared and the stable code of the first failure. */
export function CheckList({ result }: { result: VerificationResult }) {
  const t = useT();
  const run = result.checks.filter((c) => !c.skipped).length;
  return (
    <div className="space-y-2">
      <p role="status" className={result.valid ? "callout-ok" : "callout-error"}>
        {result.valid ? (
          <>
            <VerdictChip verdict="pass" word={t({ en: "Valid", nb: "Gyldig" })} />{" "}
            {t({ en: "All {n} checks the provider ran passed.", nb: "Alle {n} kontrollene tjenestetilbyderen kjørte, gikk gjennom." }, { n: run })}
          </>
        ) : (
          <>
            <VerdictChip verdict="fail" word={t({ en: "Refused", nb: "Avvist" })} />{" "}
            {t({ en: "First failure: check {check}, code", nb: "Første feil: kontroll {check}, kode" }, { check: result.failure?.code ?? "" })}{" "}
            <code className="font-mono font-semibold">{result.failure?.failure}</code>.{" "}
            {t({ en: "Checks after it were not run (fail closed).", nb: "Kontrollene etter den ble ikke kjørt (feiler lukket)." })}
          </>
        )}
      </p>
      <ol aria-label={t({ en: "Step-5 checks in the provider's order", nb: "Kontrollene i steg 5, i tjenestetilbyderens rekkefølge" })} className="list-none">
        {result.checks.map((c, i) => (
          <CheckRow key={c.code} check={c} n={i + 1} />
        ))}
      </ol>
    </div>
  );
}
