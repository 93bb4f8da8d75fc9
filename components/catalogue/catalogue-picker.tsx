"use client";

import { useId, useState } from "react";
import type { CatalogueEntry } from "@/lib/catalogue/entries";
import { CATALOGUE, findEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import type { Check } from "@/lib/service-provider/types";
import { serviceProviderNotes } from "../exchange/trace-notes";
import { useCatalogueRun } from "./use-catalogue-run";

interface CataloguePickerProps {
  /** The service provider's public origin (as `app/page.tsx` gets it from `configFromEnv`). */
  serviceProviderOrigin: string;
  /** Every finished run, so the page can show its exchanges and highlight `run.caughtByCheck` in its own checklist. */
  onResult?: (run: CatalogueRun, entry: CatalogueEntry) => void;
  /** The entry selected at first (default: the first in the catalogue). */
  initialEntryId?: string;
}

const STEP: Record<number, string> = {
  0: "step 0 (sign-in)",
  3: "step 3 (Dialogporten: no token)",
  4: "step 4 (the request's shape)",
  5: "step 5 (the provider's checks)",
  6: "step 6 (answered)",
};

const attacks = CATALOGUE.filter((e) => e.kind === "attack");
const faults = CATALOGUE.filter((e) => e.kind === "fault");

function expectation(e: CatalogueEntry): string {
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
      <span className={`chip ${state === "pass" ? "chip-ok" : state === "fail" ? "chip-bad" : "chip-muted"} whitespace-nowrap`}>
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

function Result({ entry, run }: { entry: CatalogueEntry; run: CatalogueRun }) {
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

/**
 * The negative-scenario catalogue: pick an attack or a fault, run it through the real flow from this
 * browser, and see which check caught it and why it matters.
 */
export function CataloguePicker({ serviceProviderOrigin, onResult, initialEntryId }: CataloguePickerProps) {
  const [selected, setSelected] = useState(initialEntryId && findEntry(initialEntryId) ? initialEntryId : CATALOGUE[0]!.id);
  const { state, run } = useCatalogueRun(serviceProviderOrigin, onResult);
  const id = useId();
  const entry = findEntry(selected)!;
  const running = state.status === "running";

  return (
    <section aria-labelledby={`${id}-title`} data-testid="catalogue-picker" className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        Attacks and faults
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running && !entry.notInBrowser) void run(selected);
        }}
      >
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <label htmlFor={`${id}-entry`} className="text-[11px] leading-4 font-bold tracking-wide text-muted-strong uppercase">
            Scenario
          </label>
          <select
            id={`${id}-entry`}
            value={selected}
            onChange={(e) => setSelected(e.target.value)}
            aria-describedby={`${id}-what`}
            className="field w-full py-1"
          >
            <optgroup label={`Attacks (${attacks.length})`}>
              {attacks.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={`Faults (${faults.length})`}>
              {faults.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={running || Boolean(entry.notInBrowser)} aria-busy={running}>
          {running ? "Running…" : "Run"}
        </button>
      </form>
      <div id={`${id}-what`} className="space-y-1 text-sm">
        <p>
          <span className={`chip ${entry.kind === "attack" ? "chip-bad" : "chip-warn"}`}>{entry.kind}</span> {entry.what}
        </p>
        <p className="text-muted-strong">
          <strong>Models:</strong> {entry.models}
        </p>
        <p className="text-muted-strong">
          <strong>Expected:</strong> {expectation(entry)}.
        </p>
        {entry.notInBrowser && <p className="callout-info">Not runnable from a browser: {entry.notInBrowser}</p>}
      </div>
      <div role="status" aria-live="polite" aria-atomic="false">
        {state.status === "running" && <p className="text-sm">Running “{state.entry.title}” through steps 0–6…</p>}
        {state.status === "error" && <p className="callout-error">The run failed: {state.message}</p>}
        {state.status === "done" && <Result entry={state.entry} run={state.run} />}
      </div>
    </section>
  );
}
