"use client";

import { useId, useState } from "react";
import type { Method } from "@/lib/conformance/run";
import { METHODS, optionsProblem } from "@/lib/conformance/run";
import { ConformanceReportView, ResultList } from "./conformance-report";
import { useConformanceRun, type Route } from "./use-conformance-run";

export interface ConformanceRunnerProps {
  /** A target that works at once: the sandbox's own provider's embed. */
  defaultTarget: string;
  defaultDialogId: string;
}

const label = "text-[11px] leading-4 font-bold tracking-wide text-muted-strong uppercase";

/**
 * "Point it at your provider": a form for the endpoint, the action it requires, the method and the dialog;
 * then every applicable attack goes out, one by one, and the report says what the provider got wrong.
 */
export function ConformanceRunner({ defaultTarget, defaultDialogId }: ConformanceRunnerProps) {
  const id = useId();
  const [target, setTarget] = useState(defaultTarget);
  const [action, setAction] = useState("read");
  const [method, setMethod] = useState<Method>("GET");
  const [dialogId, setDialogId] = useState(defaultDialogId);
  const [route, setRoute] = useState<Route>("relay");
  const { state, run } = useConformanceRun();
  const running = state.status === "running";
  const options = { target: target.trim(), action: action.trim(), method, dialogId: dialogId.trim() };
  const problem = optionsProblem({ ...options, sandbox: "" });
  const [showProblem, setShowProblem] = useState(false);

  return (
    <section aria-labelledby={`${id}-title`} data-testid="conformance-runner" className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        Your provider
      </h2>
      <form
        noValidate
        className="grid grid-cols-1 gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setShowProblem(true);
          if (!running && !problem) void run(options, route);
        }}
      >
        <div className="flex min-w-0 flex-col gap-0.5 sm:col-span-2">
          <label htmlFor={`${id}-target`} className={label}>
            Endpoint (with {"{dialogId}"})
          </label>
          <input
            id={`${id}-target`}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-describedby={`${id}-target-help`}
            className="field w-full font-mono"
          />
          <p id={`${id}-target-help`} className="text-xs text-muted-strong">
            Your provider must trust this sandbox&apos;s JWKS and issuer. Each attack is one request to this URL.
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${id}-action`} className={label}>
            Action it requires
          </label>
          <input
            id={`${id}-action`}
            spellCheck={false}
            value={action}
            onChange={(e) => setAction(e.target.value)}
            aria-describedby={`${id}-action-help`}
            className="field w-full font-mono"
          />
          <p id={`${id}-action-help`} className="text-xs text-muted-strong">
            As <code>a</code> spells it: <code>read</code> or <code>delete,urn:altinn:task:Task_1</code>.
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${id}-method`} className={label}>
            Method
          </label>
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value as Method)} className="field w-full py-1">
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-0.5 sm:col-span-2">
          <label htmlFor={`${id}-dialog`} className={label}>
            Dialog id
          </label>
          <input id={`${id}-dialog`} spellCheck={false} value={dialogId} onChange={(e) => setDialogId(e.target.value)} className="field w-full font-mono" />
        </div>
        <fieldset className="min-w-0 sm:col-span-2">
          <legend className={label}>How requests reach it</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-route`} value="relay" checked={route === "relay"} onChange={() => setRoute("relay")} />
              Through the sandbox (relay: allowed origins only)
            </label>
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-route`} value="direct" checked={route === "direct"} onChange={() => setRoute("direct")} />
              Directly from this browser (needs your CORS)
            </label>
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <button type="submit" className="btn-primary" aria-disabled={running} aria-busy={running}>
            {running ? "Running…" : "Run conformance"}
          </button>
          {showProblem && problem && (
            <p role="alert" className="text-sm text-red-800 dark:text-red-200">
              {problem}
            </p>
          )}
        </div>
      </form>
      <div role="status" aria-live="polite" aria-atomic="false" className="space-y-2">
        {state.status === "running" && <p className="text-sm">Sending request {state.results.length + 1}: first the valid token, then each attack…</p>}
        {state.status === "error" && <p className="callout-error">The run could not start: {state.message}</p>}
        {state.status === "done" && <ConformanceReportView report={state.report} />}
      </div>
      {state.status !== "idle" && state.results.length > 0 && <ResultList results={state.results} label="Requests sent, in order" />}
    </section>
  );
}
