"use client";

import { useState } from "react";
import { CompareResultView } from "./compare-result";
import { useHydrated } from "../ui/hooks";
import type { Scenario } from "../scenario/scenario";
import { changeScenario, DEFAULT_SCENARIO } from "../scenario/scenario";
import { ScenarioForm } from "../scenario/scenario-form";
import { useCompareRun } from "./use-compare-run";

/** The sandbox honours 0–2000 ms per request (ADR 013); anything else would be silently ignored, so it is clamped here. */
const clampLatency = (v: number) => (Number.isFinite(v) ? Math.min(2000, Math.max(0, Math.round(v))) : 0);

/** The legacy switch, as a page: one scenario, steps 4–6 with and without the dialog token, side by side. */
export function CompareRunner({ serviceProviderOrigin }: { serviceProviderOrigin: string }) {
  const [scenario, setScenario] = useState<Scenario>(DEFAULT_SCENARIO);
  const [latency, setLatency] = useState(0);
  const { state, run } = useCompareRun(serviceProviderOrigin);
  const hydrated = useHydrated();
  const running = state.status === "running";
  const disabled = running || !hydrated;

  return (
    <div className="space-y-4">
      <form
        aria-label="Comparison"
        className="panel space-y-2 px-3 py-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled) void run(scenario, latency);
        }}
      >
        <ScenarioForm scenario={scenario} disabled={disabled} onChange={(field, value) => setScenario((s) => changeScenario(s, field, value))} />
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
          <div className="flex flex-col gap-0.5">
            <label htmlFor="pdp-latency" className="text-[0.6875rem] leading-4 font-bold tracking-wide text-muted-strong uppercase">
              Network latency to Altinn Authorization (ms)
            </label>
            <input
              id="pdp-latency"
              type="number"
              inputMode="numeric"
              min={0}
              max={2000}
              step={10}
              value={latency}
              // Only until hydrated: disabling it during a run would drop the keyboard focus of someone who pressed Enter in it.
              disabled={!hydrated}
              aria-describedby="pdp-latency-hint"
              onChange={(e) => setLatency(clampLatency(e.target.valueAsNumber))}
              className="field w-32 tabular-nums"
            />
          </div>
          <button type="submit" className="btn-primary" aria-disabled={disabled}>
            Run both paths
          </button>
          <p id="pdp-latency-hint" className="min-w-0 flex-1 text-sm text-muted-strong">
            Simulated, per request (header <code className="font-mono">sandbox-pdp-latency-ms</code>, 0–2000). Only the legacy path pays it in steps 4–6: the
            token path never calls Authorization.
          </p>
        </div>
      </form>

      <section aria-labelledby="compare-result-heading" className="space-y-2">
        <h2 id="compare-result-heading" className="text-lg font-semibold">
          Steps 4–6, both ways
        </h2>
        <div role="status" aria-live="polite" aria-atomic="true" className="text-sm">
          {state.status === "idle" && <p className="text-muted-strong">Nothing run yet: press Run both paths.</p>}
          {state.status === "running" && <p>{state.phase}</p>}
          {state.status === "error" && <p className="callout-error">{state.message}</p>}
          {state.status === "done" && (
            <p>
              Done: with the dialog token {state.result.token.durationMs.toFixed(1)} ms and {state.result.token.authorizationCalls} calls to Altinn
              Authorization; legacy {state.result.legacy.durationMs.toFixed(1)} ms and {state.result.legacy.authorizationCalls}.
            </p>
          )}
        </div>
        {state.status === "done" && <CompareResultView result={state.result} />}
      </section>
    </div>
  );
}
