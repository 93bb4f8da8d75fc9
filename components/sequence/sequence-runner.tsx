"use client";

import { lazy, Suspense, useEffect, useEffectEvent, useState } from "react";
import { AuthorizationCounter } from "./auth-counter";
import { DetailPanel } from "./detail-panel";
import type { Arrow } from "./diagram-model";
import { arrowsFor } from "./diagram-model";
import { useHydrated, useReducedMotion } from "../ui/hooks";
import { narrate } from "./narration";
import type { Speed } from "./run-controls";
import { RunControls, SPEED_DELAY_MS } from "./run-controls";
import { authorizationCalls } from "./run-model";
import { ScenarioForm } from "../scenario/scenario-form";
import { SequenceDiagram } from "./sequence-diagram";
import { useSequenceRun } from "./use-sequence-run";
import { useWorkspace } from "../workspace/use-workspace";
import { WorkspaceBar } from "../workspace/workspace-bar";

// Only a catalogue entry's run (`?entry=<id>`) needs the catalogue's texts: not part of the page's first load.
const CatalogueBanner = lazy(() => import("./catalogue-banner").then((m) => ({ default: m.CatalogueBanner })));

/** Arrow keys step through the run, unless focus is somewhere arrow keys already mean something. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest("input, select, textarea, [role=tab], [role=tabpanel], details, [contenteditable=true]"));
}

/** The whole page below the title: scenario, controls, the live diagram, and the views of what happened. */
export function SequenceRunner({ serviceProviderOrigin, title, nav }: { serviceProviderOrigin: string; title: React.ReactNode; nav?: React.ReactNode }) {
  const workspace = useWorkspace();
  const run = useSequenceRun(serviceProviderOrigin, workspace);
  const { state } = run;
  const reducedMotion = useReducedMotion();
  const hydrated = useHydrated();
  const [speed, setSpeed] = useState<Speed>("normal");
  const delay = SPEED_DELAY_MS[reducedMotion ? "off" : speed];

  const arrows = arrowsFor(state.data, state.step, state.scenario);
  const selected = arrows.find((a) => a.id === state.arrow);
  const counts = authorizationCalls(state.data, state.step);
  const narration = narrate(state.data, state.step, state.scenario);

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTypingTarget(e.target) || state.busy) return;
    if (e.key === "ArrowRight" && run.canNext) {
      e.preventDefault();
      void run.next();
    } else if (e.key === "ArrowLeft" && run.canBack) {
      e.preventDefault();
      run.back();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const onSelect = (a: Arrow) => run.select(a.id, a.kind === "self" ? "checklist" : "exchange");

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1">
        {title}
        {/* The page links sit above the controls, in the height the two-line title already takes. */}
        <div className="flex flex-col items-end gap-0.5">
          <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
            {nav}
            <WorkspaceBar workspace={workspace} link={() => window.location.href} onChange={run.reset} />
          </div>
          <RunControls
            busy={state.busy || !hydrated}
            canNext={run.canNext}
            canBack={run.canBack}
            canReset={state.data !== null || state.busy}
            speed={speed}
            reducedMotion={reducedMotion}
            onRunAll={() => void run.runAll(delay)}
            onNext={() => void run.next()}
            onBack={run.back}
            onReset={run.reset}
            onSpeed={setSpeed}
          />
        </div>
      </header>

      {state.entry ? (
        <Suspense fallback={<section className="panel min-h-12 px-3 py-1.5" />}>
          <CatalogueBanner entryId={state.entry} data={state.data} busy={state.busy} onShow={run.select} />
        </Suspense>
      ) : (
        <section aria-label="Scenario" className="panel px-3 py-1.5">
          <ScenarioForm scenario={state.scenario} disabled={state.busy || !hydrated} onChange={run.setScenario} />
        </section>
      )}

      <div className="grid min-h-0 flex-1 gap-2 lg:grid-cols-[minmax(31.5rem,9fr)_minmax(0,11fr)]">
        <section aria-labelledby="diagram-heading" className="panel relative flex min-h-0 flex-col gap-1.5 overflow-auto px-3 py-2">
          <div className="flex items-center justify-between gap-2">
            <h2 id="diagram-heading" className="text-lg font-semibold">
              Sequence <span className="block text-sm font-normal text-muted-strong">{state.step >= 0 ? `step ${state.step} of 6` : "not started"}</span>
            </h2>
            <AuthorizationCounter early={counts.early} late={counts.late} />
          </div>
          <SequenceDiagram arrows={arrows} selected={state.arrow} onSelect={onSelect} />
          <div
            role="status"
            aria-label="Narration"
            aria-live="polite"
            aria-atomic="true"
            className="h-[4.25rem] shrink-0 overflow-hidden rounded-md bg-slate-100 px-3 py-1 text-sm leading-snug tall:h-[5.5rem] tall:text-base dark:bg-slate-800"
          >
            {narration}
          </div>
        </section>

        <DetailPanel tab={state.tab} onTab={run.setTab} arrow={selected} data={state.data} step={state.step} />
      </div>
    </div>
  );
}
