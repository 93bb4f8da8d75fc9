"use client";

import { lazy, Suspense, useState } from "react";
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
import { DiagramBox, step6Status } from "./diagram-box";
import { useSequenceRun } from "./use-sequence-run";
import { useWorkspace } from "../workspace/use-workspace";
import { WorkspaceBar } from "../workspace/workspace-bar";
import { usePolicyLink } from "../world/policy-link-note";
import { MenuButton } from "../ui/menu-button";
import { ClockBadge } from "../world/clock-badge";
import { useLocale, useT } from "../i18n/locale-provider";
import { KeysLayer } from "../presenter/keys-layer";
import { PresenterView } from "../presenter/presenter-view";
import { useRunKeys } from "../presenter/use-run-keys";

// Only a catalogue entry's run (`?entry=<id>`) needs the catalogue's texts: not part of the page's first load.
const CatalogueBanner = lazy(() => import("./catalogue-banner").then((m) => ({ default: m.CatalogueBanner })));

/** The whole page below the title: scenario, controls, the live diagram, and the views of what happened. */
export function SequenceRunner({ serviceProviderOrigin, title, nav }: { serviceProviderOrigin: string; title: React.ReactNode; nav?: React.ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const workspace = useWorkspace();
  const run = useSequenceRun(serviceProviderOrigin, workspace);
  const policyLink = usePolicyLink(workspace);
  const { state } = run;
  const reducedMotion = useReducedMotion();
  const hydrated = useHydrated();
  const [speed, setSpeed] = useState<Speed>("normal");
  const delay = SPEED_DELAY_MS[reducedMotion ? "off" : speed];

  const arrows = arrowsFor(state.data, state.step, state.scenario, locale);
  const counts = authorizationCalls(state.data, state.step);
  const narration = narrate(state.data, state.step, state.scenario, locale);
  const outcome = step6Status(state.data, state.step);

  const keys = useRunKeys(run, delay);
  const layer = <KeysLayer keys={keys} step={state.step} autoplay={run.autoplay} presenter={state.presenter} />;

  const workspaceBar = <WorkspaceBar workspace={workspace} link={policyLink.link} linkNote={policyLink.note} onChange={run.reset} dense />;
  const menuLabel = (
    <>
      <span aria-hidden="true">☰</span> {t({ en: "Menu", nb: "Meny" })}
    </>
  );

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
      {/*
        One row from lg up (title, the menu, the run's controls, the workspace from xl), so the diagram below gets
        the height; the controls show glyphs for their secondary buttons there (RunControls' dense). The menu holds
        the pages and the language at every size, and the workspace below xl, where the row has no room for it.
      */}
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-1 lg:flex-nowrap lg:justify-start lg:gap-x-2">
        {title}
        <MenuButton label={menuLabel} className="shrink-0" panelClassName="right-0 lg:right-auto lg:left-0">
          <div className="flex flex-col gap-3">
            {nav}
            <div className="xl:hidden">{workspaceBar}</div>
          </div>
        </MenuButton>
        <RunControls {...controls} dense />
        <div className="hidden xl:ml-auto xl:block">{workspaceBar}</div>
      </header>

      {/*
        From lg up the diagram takes the left column's full height (the scenario, the narration and the details
        stack on the right), so it can grow on a projector; below lg everything stacks in reading order.
        min-w-0 everywhere: a grid item is as wide as its content by default, which pushed the page sideways.
      */}
      <div className="grid min-h-0 flex-1 gap-2 lg:grid-cols-[minmax(0,6fr)_minmax(0,7fr)] lg:grid-rows-[auto_auto_minmax(0,1fr)]">
        {/*
          The clock a run is under (when moved or skewed) sits above the scenario: the header's one row has no room
          for it, and beside the scenario it reads as one of the run's conditions.
        */}
        <div className="flex min-w-0 flex-col items-start gap-2 lg:col-start-2 lg:row-start-1 [&>*:not(a)]:self-stretch [&>a]:max-w-full [&>a]:whitespace-normal">
          <ClockBadge clock={state.clock} />
          {state.entry ? (
            <Suspense fallback={<section className="panel min-h-12 min-w-0 px-3 py-1.5" />}>
              <div className="min-w-0">
                <CatalogueBanner entryId={state.entry} data={state.data} busy={state.busy} onShow={run.select} />
              </div>
            </Suspense>
          ) : (
            <section aria-label={t({ en: "Scenario", nb: "Scenario" })} className="panel min-w-0 px-3 py-1.5">
              <ScenarioForm
                scenario={state.scenario}
                disabled={state.busy || run.autoplay === "playing" || !hydrated}
                onChange={run.setScenario}
                refresh={state.data?.after?.dialog?.revision}
              />
            </section>
          )}
        </div>
        <section
          aria-labelledby="diagram-heading"
          className="panel relative flex min-h-0 min-w-0 flex-col gap-1.5 px-3 py-2 lg:col-start-1 lg:row-span-3 lg:row-start-1"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="diagram-heading" className="text-lg font-semibold">
              {t({ en: "Sequence", nb: "Sekvens" })}{" "}
              <span className="block text-sm font-normal text-muted-strong">
                {state.step >= 0 ? t({ en: "step {n} of 6", nb: "steg {n} av 6" }, { n: state.step }) : t({ en: "not started", nb: "ikke startet" })}
              </span>
            </h2>
            <AuthorizationCounter early={counts.early} late={counts.late} outcome={outcome} />
          </div>
          <DiagramBox arrows={arrows} selected={state.arrow} animate={delay > 0} onSelect={onSelect} />
        </section>

        <div
          role="status"
          aria-label={t({ en: "Narration", nb: "Fortelling" })}
          aria-live="polite"
          aria-atomic="true"
          className="panel min-h-[4.5rem] min-w-0 px-3 py-1.5 text-sm leading-snug lg:col-start-2 lg:row-start-2 lg:h-[4.5rem] lg:overflow-hidden tall:h-[5.75rem] tall:text-base"
        >
          {narration}
        </div>
        <div className="flex min-h-0 min-w-0 lg:col-start-2 lg:row-start-3">
          <DetailPanel tab={state.tab} onTab={run.setTab} arrows={arrows} selected={state.arrow} data={state.data} step={state.step} />
        </div>
      </div>
      {layer}
    </div>
  );
}
