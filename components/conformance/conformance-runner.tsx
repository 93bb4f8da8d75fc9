"use client";

import { useId, useState } from "react";
import type { Method } from "@/lib/conformance/run";
import { METHODS, optionsProblem } from "@/lib/conformance/run";
import { ConformanceReportView, ResultList } from "./conformance-report";
import { useConformanceRun, type Route } from "./use-conformance-run";
import { useLocale, useT } from "../i18n/locale-provider";
import { langAttr } from "../i18n/patterns";
import { problemIn } from "./report-texts";

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
  const t = useT();
  const locale = useLocale();
  const [target, setTarget] = useState(defaultTarget);
  const [action, setAction] = useState("read");
  const [method, setMethod] = useState<Method>("GET");
  const [dialogId, setDialogId] = useState(defaultDialogId);
  const [route, setRoute] = useState<Route>("relay");
  const { state, run } = useConformanceRun();
  const running = state.status === "running";
  const options = { target: target.trim(), action: action.trim(), method, dialogId: dialogId.trim() };
  const problem = optionsProblem({ ...options, sandbox: "" });
  const problemText = problem ? problemIn(problem, locale) : null;
  const [showProblem, setShowProblem] = useState(false);

  return (
    <section aria-labelledby={`${id}-title`} data-testid="conformance-runner" className="space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {t({ en: "Your provider", nb: "Din tjenestetilbyder" })}
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
            {t({ en: "Endpoint (with {dialogId})", nb: "Endepunkt (med {dialogId})" }, { dialogId: "{dialogId}" })}
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
            {t({
              en: "Your provider must trust this sandbox's JWKS and issuer. Each attack is one request to this URL.",
              nb: "Tjenestetilbyderen din må stole på denne sandkassens JWKS og utsteder. Hvert angrep er én forespørsel til denne adressen.",
            })}
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${id}-action`} className={label}>
            {t({ en: "Action it requires", nb: "Handlingen den krever" })}
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
            {t({ en: "As", nb: "Slik" })} <code>a</code> {t({ en: "spells it:", nb: "skriver den:" })} <code>read</code> {t({ en: "or", nb: "eller" })}{" "}
            <code>delete,urn:altinn:task:Task_1</code>.
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-0.5">
          <label htmlFor={`${id}-method`} className={label}>
            {t({ en: "Method", nb: "Metode" })}
          </label>
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value as Method)} className="field w-full py-1">
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-0.5 sm:col-span-2">
          <label htmlFor={`${id}-dialog`} className={label}>
            {t({ en: "Dialog id", nb: "Dialog-ID" })}
          </label>
          <input id={`${id}-dialog`} spellCheck={false} value={dialogId} onChange={(e) => setDialogId(e.target.value)} className="field w-full font-mono" />
        </div>
        <fieldset className="min-w-0 sm:col-span-2">
          <legend className={label}>{t({ en: "How requests reach it", nb: "Hvordan forespørslene når den" })}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-route`} value="relay" checked={route === "relay"} onChange={() => setRoute("relay")} />
              {t({ en: "Through the sandbox (relay: allowed origins only)", nb: "Gjennom sandkassen (relé: bare tillatte opprinnelser)" })}
            </label>
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-route`} value="direct" checked={route === "direct"} onChange={() => setRoute("direct")} />
              {t({ en: "Directly from this browser (needs your CORS)", nb: "Direkte fra denne nettleseren (krever din CORS)" })}
            </label>
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <button type="submit" className="btn-primary" aria-disabled={running} aria-busy={running}>
            {running ? t({ en: "Running…", nb: "Kjører…" }) : t({ en: "Run conformance", nb: "Kjør samsvarstest" })}
          </button>
          {showProblem && problemText && (
            <p role="alert" lang={langAttr(problemText, locale)} className="text-sm text-red-800 dark:text-red-200">
              {problemText.text}
            </p>
          )}
        </div>
      </form>
      <div role="status" aria-live="polite" aria-atomic="false" className="space-y-2">
        {state.status === "running" && (
          <p className="text-sm">
            {t(
              {
                en: "Sending request {n}: first the valid token, then each attack…",
                nb: "Sender forespørsel {n}: først det gyldige tokenet, så hvert angrep…",
              },
              { n: state.results.length + 1 },
            )}
          </p>
        )}
        {state.status === "error" && (
          <p className="callout-error">
            {t({ en: "The run could not start:", nb: "Kjøringen kunne ikke starte:" })} {state.message}
          </p>
        )}
        {state.status === "done" && <ConformanceReportView report={state.report} />}
      </div>
      {state.status !== "idle" && state.results.length > 0 && (
        <ResultList results={state.results} label={t({ en: "Requests sent, in order", nb: "Forespørsler sendt, i rekkefølge" })} />
      )}
    </section>
  );
}
