import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import type { Check } from "@/lib/service-provider/types";
import { serviceProviderNotes } from "../exchange/trace-notes";

const STEP: Record<number, string> = {
  0: "step 0 (sign-in)",
  3: "step 3 (Dialogporten: no token)",
  4: "step 4 (the request's shape)",
  5: "step 5 (the provider's checks)",
  6: "step 6 (answered)",
};

export function expectation(e: CatalogueEntry): string {
  if (e.expectedOutcome === "accepted") return `accepted at ${STEP[e.expectedStep]}: ${e.expectedCode}`;
  return `caught by ${e.expectedCode}${e.expectedCheck ? ` (check ${e.expectedCheck})` : ""} at ${STEP[e.expectedStep]}`;
}

function checksOf(run: CatalogueRun): Check[] {
  return serviceProviderNotes(run.spExchange).verification?.checks ?? [];
}

function CheckRow({ check, caught }: { check: Check; caught: boolean }) {
  const state = check.ok ? (check.skipped ? "not asked" : "pass") : check.skipped ? "not run" : "fail";
  return (
    <li
      data-check={check.code}
      data-caught={caught ? "true" : undefined}
      aria-current={caught ? "step" : undefined}
      className={`grid grid-cols-[5.5rem_5rem_1fr] gap-x-2 border-b border-line px-1 py-1 last:border-0 ${caught ? "bg-red-50 outline-2 outline-red-600 dark:bg-red-950/40" : ""}`}
    >
      <code className="font-mono font-semibold">{check.code}</code>
      <span className={`chip ${state === "pass" ? "chip-ok" : state === "fail" ? "chip-bad" : "chip-muted"} self-start justify-self-start whitespace-nowrap`}>
        <span aria-hidden="true">{state === "pass" ? "✓" : state === "fail" ? "✗" : "–"}</span> {state}
      </span>
      <span className="min-w-0 text-sm">
        {check.label}
        {caught && (
          <>
            {" "}
            → <code className="font-mono font-semibold text-red-700 dark:text-red-300">{check.failure}</code>
            <span className="sr-only"> (this check caught it)</span>
            <span className="mt-0.5 block text-muted-strong">{check.detail}</span>
          </>
        )}
      </span>
    </li>
  );
}

export function Result({ entry, run }: { entry: CatalogueEntry; run: CatalogueRun }) {
  const checks = checksOf(run);
  const what = run.accepted ? `Accepted (${run.observedCode})` : `Caught by ${run.observedCode}${run.caughtByCheck ? ` — check ${run.caughtByCheck}` : ""}`;
  return (
    <div
      data-testid="catalogue-result"
      data-entry={entry.id}
      data-caught-by={run.caughtBy ?? ""}
      data-check={run.caughtByCheck ?? ""}
      data-matches={String(run.matchesExpectation)}
      className="space-y-2"
    >
      <p className={run.matchesExpectation ? "callout-ok" : "callout-error"}>
        <strong>{what}</strong> at {STEP[run.stoppedAt] ?? `step ${run.stoppedAt}`}.{" "}
        {run.matchesExpectation ? "As the catalogue expects." : `Unexpected: the catalogue expects ${expectation(entry)}.`}
      </p>
      {run.notes.map((n) => (
        <p key={n} className="text-sm text-muted-strong">
          {n}
        </p>
      ))}
      {checks.length > 0 ? (
        <ol aria-label="Step 5: the service provider's checks, in order" className="list-none rounded border border-line">
          {checks.map((c) => (
            <CheckRow key={c.code} check={c} caught={!c.ok && !c.skipped && c.code === run.caughtByCheck} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted-strong">
          {run.stoppedAt === 3
            ? "Dialogporten issued no token, so the service provider was never called."
            : run.stoppedAt === 4
              ? "The service provider refused the request before verifying anything: no checklist."
              : run.accepted
                ? "The service provider accepted the request."
                : "The service provider could not verify anything."}
        </p>
      )}
      <p>
        <strong>Lesson:</strong> {entry.lesson}
      </p>
    </div>
  );
}
