"use client";

import type { Check, VerificationResult } from "@/lib/service-provider/types";
import { useT } from "../i18n/locale-provider";
import { VerdictChip, type Verdict } from "../ui/status";
import { CHECK_LABELS } from "./check-labels";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

function CheckRow({ check, n }: { check: Check; n: number }) {
  const t = useT();
  const verdict: Verdict = check.ok ? (check.skipped ? "info" : "pass") : check.skipped ? "skip" : "fail";
  const word: Record<Verdict, string> = {
    pass: t({ en: "Pass", nb: "OK" }),
    fail: t({ en: "Fail", nb: "Feil" }),
    skip: t({ en: "Not run", nb: "Ikke kjørt" }),
    info: t({ en: "Not asked", nb: "Ikke spurt" }),
  };
  return (
    <li
      data-check={check.code}
      className={`grid grid-cols-[1.75rem_minmax(0,1fr)] gap-x-2 border-b border-line py-1.5 last:border-0 sm:grid-cols-[1.75rem_6.5rem_minmax(0,1fr)] ${verdict === "fail" ? "bg-red-50 dark:bg-red-950/40" : ""}`}
    >
      <span className="text-right font-mono text-sm text-muted tabular-nums">{n}.</span>
      <span className="col-start-2 sm:col-start-auto">
        <VerdictChip verdict={verdict} word={word[verdict]} />
      </span>
      <div className="col-start-2 min-w-0 space-y-0.5 sm:col-start-auto">
        <p>
          <code className="font-mono font-semibold">{check.code}</code> {t(CHECK_LABELS[check.code])}
          {check.failure && (
            <>
              {" "}
              → <code className="font-mono font-semibold text-red-700 dark:text-red-300">{check.failure}</code>
            </>
          )}
        </p>
        {(check.expected !== undefined || check.actual !== undefined) && (
          <p className="font-mono text-[0.8125rem] break-all">
            <span className="text-muted-strong">{t({ en: "expected", nb: "forventet" })}</span> {show(check.expected)}{" "}
            <span className="text-muted-strong">· {t({ en: "actual", nb: "faktisk" })}</span> {show(check.actual)}
          </p>
        )}
        <p lang="en" className="text-sm text-muted-strong">
          {check.detail}
        </p>
      </div>
    </li>
  );
}

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
