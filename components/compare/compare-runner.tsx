"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { CompareResultView } from "./compare-result";
import { useHydrated } from "../ui/hooks";
import type { Scenario } from "../scenario/scenario";
import { changeScenario } from "../scenario/scenario";
import { ScenarioForm } from "../scenario/scenario-form";
import { linkHere, replaceQuery } from "../workspace/page-link";
import { useWorkspace } from "../workspace/use-workspace";
import { clockPart } from "../workspace/link-clock";
import { WorkspaceBar } from "../workspace/workspace-bar";
import type { CompareLink } from "./compare-link";
import { asksForRun, clampLatency, compareLinkQuery, parseCompareLink, sameCompareLink } from "./compare-link";
import { useCompareRun } from "./use-compare-run";
import { useT } from "../i18n/locale-provider";

/**
 * The legacy switch, as a page: one scenario, steps 4–6 with and without the dialog token, side by side.
 * The address bar keeps the settings (`?persona=…&latency=…`), so a copied link reopens them and runs again.
 */
export function CompareRunner({ serviceProviderOrigin, link }: { serviceProviderOrigin: string; link: CompareLink }) {
  const [scenario, setScenario] = useState<Scenario>(link.scenario);
  // The field's own text, not a number: a controlled number input given back 0 for an emptied field would
  // keep that "0" in front of what is typed next ("150" became "0150"). The run uses the number it reads as.
  const [latencyText, setLatencyText] = useState(String(link.latencyMs));
  const latency = /^\d+(\.\d+)?$/.test(latencyText.trim()) ? clampLatency(Number(latencyText)) : 0;
  const [clock, setClock] = useState(clockPart(link));
  const workspace = useWorkspace();
  const { state, run, reset } = useCompareRun(serviceProviderOrigin, workspace);
  const hydrated = useHydrated();
  const t = useT();
  const running = state.status === "running";
  const disabled = running || !hydrated || !workspace;
  /** Until the address bar has been read, the settings must not be written back over it. */
  const opened = useRef(false);

  // The address bar, not the server's first render, is the truth: back/forward may restore a URL the server never saw.
  const open = useEffectEvent(() => {
    const search = window.location.search;
    const now = parseCompareLink(search);
    setScenario(now.scenario);
    setLatencyText(String(now.latencyMs));
    setClock(clockPart(now));
    opened.current = true;
    if (asksForRun(search)) void run(now.scenario, now.latencyMs, clockPart(now));
    else reset();
  });
  useEffect(() => {
    if (workspace && !opened.current) open();
  }, [workspace]);
  useEffect(() => {
    const listener = () => open();
    window.addEventListener("popstate", listener);
    return () => window.removeEventListener("popstate", listener);
  }, []);

  // Settings go into the address bar as they change (no history entry each); an unchanged page keeps its bare URL.
  useEffect(() => {
    if (!opened.current) return;
    const current = { scenario, latencyMs: latency, ...clock };
    if (!sameCompareLink(current, parseCompareLink(window.location.search))) replaceQuery(compareLinkQuery(current));
  }, [scenario, latency, clock]);

  return (
    <div className="space-y-4">
      <WorkspaceBar workspace={workspace} link={() => linkHere(compareLinkQuery({ scenario, latencyMs: latency, ...clock }))} onChange={reset} />
      <form
        aria-label={t({ en: "Comparison", nb: "Sammenligning" })}
        className="panel space-y-2 px-3 py-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (disabled) return;
          replaceQuery(compareLinkQuery({ scenario, latencyMs: latency, ...clock }));
          void run(scenario, latency, clock);
        }}
      >
        <ScenarioForm scenario={scenario} disabled={disabled} onChange={(field, value) => setScenario((s) => changeScenario(s, field, value))} />
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
          <div className="flex flex-col gap-0.5">
            <label htmlFor="pdp-latency" className="text-[0.6875rem] leading-4 font-bold tracking-wide text-muted-strong uppercase">
              {t({ en: "Network latency to Altinn Authorization (ms)", nb: "Nettverksforsinkelse til Altinn Autorisasjon (ms)" })}
            </label>
            <input
              id="pdp-latency"
              type="number"
              inputMode="numeric"
              min={0}
              max={2000}
              step={10}
              value={latencyText}
              // Only until hydrated: disabling it during a run would drop the keyboard focus of someone who pressed Enter in it.
              disabled={!hydrated}
              aria-describedby="pdp-latency-hint"
              onChange={(e) => setLatencyText(e.target.value)}
              onBlur={() => setLatencyText(String(latency))}
              className="field w-32 tabular-nums"
            />
          </div>
          <button type="submit" className="btn-primary" aria-disabled={disabled}>
            {t({ en: "Run both paths", nb: "Kjør begge veier" })}
          </button>
          <p id="pdp-latency-hint" className="min-w-0 flex-1 text-sm text-muted-strong">
            {t({ en: "Simulated, per request (header", nb: "Simulert, per forespørsel (hodet" })} <code className="font-mono">sandbox-pdp-latency-ms</code>,
            0–2000).{" "}
            {t({
              en: "Only the legacy path pays it in steps 4–6: the token path never calls Authorization.",
              nb: "Bare den gamle veien betaler den i steg 4–6: tokenveien kaller aldri Autorisasjon.",
            })}
          </p>
        </div>
      </form>

      <section aria-labelledby="compare-result-heading" className="space-y-2">
        <h2 id="compare-result-heading" className="text-lg font-semibold">
          {t({ en: "Steps 4–6, both ways", nb: "Steg 4–6, begge veier" })}
        </h2>
        <div role="status" aria-live="polite" aria-atomic="true" className="text-sm">
          {state.status === "idle" && (
            <p className="text-muted-strong">{t({ en: "Nothing run yet: press Run both paths.", nb: "Ingenting kjørt ennå: trykk Kjør begge veier." })}</p>
          )}
          {state.status === "running" && <p>{t(state.phase.text)}</p>}
          {state.status === "error" && (
            <p className="callout-error">
              {t(state.message.text)} {state.message.detail}
            </p>
          )}
          {state.status === "done" && (
            <p>
              {t(
                {
                  en: "Done: with the dialog token {tms} ms and {tcalls} calls to Altinn Authorization; legacy {lms} ms and {lcalls}.",
                  nb: "Ferdig: med dialogtokenet {tms} ms og {tcalls} kall til Altinn Autorisasjon; den gamle veien {lms} ms og {lcalls}.",
                },
                {
                  tms: state.result.token.durationMs.toFixed(1),
                  tcalls: state.result.token.authorizationCalls,
                  lms: state.result.legacy.durationMs.toFixed(1),
                  lcalls: state.result.legacy.authorizationCalls,
                },
              )}
            </p>
          )}
        </div>
        {state.status === "done" && <CompareResultView result={state.result} />}
      </section>
    </div>
  );
}
