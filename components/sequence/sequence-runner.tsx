"use client";

import { useState } from "react";
import { AuthorizationCounter } from "./auth-counter";
import { DetailPanel } from "./detail-panel";
import type { Arrow } from "./diagram-model";
import { arrowsFor } from "./diagram-model";
import { useHydrated, useReducedMotion } from "../ui/hooks";
import { narrate } from "./narration";
import type { RunControlsProps, Speed } from "./run-controls";
import { RunControls, SPEED_DELAY_MS } from "./run-controls";
import { authorizationCalls } from "./run-model";
import { ScenarioForm } from "../scenario/scenario-form";
import { SequenceDiagram } from "./sequence-diagram";
import { useSequenceRun } from "./use-sequence-run";
import { useWorkspace } from "../workspace/use-workspace";
import { WorkspaceBar } from "../workspace/workspace-bar";
import { KeysLayer } from "../presenter/keys-layer";
import { PresenterView } from "../presenter/presenter-view";
import { useRunKeys } from "../presenter/use-run-keys";

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

  const keys = useRunKeys(run, delay);
  const layer = <KeysLayer keys={keys} step={state.step} autoplay={run.autoplay} presenter={state.presenter} />;

  const onSelect = (a: Arrow) => run.select(a.id, a.kind === "self" ? "checklist" : "exchange");
  const controls: RunControlsProps = {
    busy: state.busy || !hydrated,
    autoplay: run.autoplay,
    canNext: run.canNext,
    canBack: run.canBack,
    canReset: state.data !== null || state.busy || run.autoplay !== "off",
    speed,
    reducedMotion,
    presenter: state.presenter,
    onRunAll: () => void run.runAll(delay),
    onPause: run.pause,
    onResume: () => void run.runAll(delay),
    onNext: () => void run.next(),
    onBack: run.back,
    onReset: run.reset,
    onSpeed: setSpeed,
    onPresenter: run.togglePresenter,
    onHelp: keys.openHelp,
  };
  if (state.presenter) {
    return (
      <>
        <PresenterView
          run={run}
          keys={keys}
          controls={controls}
          arrows={arrows}
          selected={state.arrow}
          onSelect={onSelect}
          counts={counts}
          narration={narration}
        />
        {layer}
      </>
    );
  }

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
          <RunControls {...controls} />
        </div>
      </header>

      <section aria-label="Scenario" className="panel px-3 py-1.5">
        <ScenarioForm scenario={state.scenario} disabled={state.busy || run.autoplay === "playing" || !hydrated} onChange={run.setScenario} />
      </section>

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
      {layer}
    </div>
  );
}
