"use client";

import { useEffect, useRef } from "react";
import { useT } from "../i18n/locale-provider";
import { AuthorizationCounter } from "../sequence/auth-counter";
import type { RunControlsProps } from "../sequence/run-controls";
import { RunControls, ViewSwitches } from "../sequence/run-controls";
import type { Arrow, ArrowId } from "../sequence/diagram-model";
import { DiagramBox, step6Status } from "../sequence/diagram-box";
import type { SequenceRun } from "../sequence/use-sequence-run";
import type { RunKeys } from "./use-run-keys";
import { ScenarioSummary } from "./scenario-summary";
import { SPEAKER_NOTES } from "./speaker-notes";

const TALL = "(min-height: 900px) and (min-width: 1024px)";

/**
 * Type for a projector: the root font size follows the screen, and everything is in rem, so the page grows
 * as one. A tall screen draws the diagram's rows taller (the `tall` variant), so it gets a smaller factor.
 * Set on <html> as an inline style because the page's CSP allows no <style> element. The page's <main>
 * has a minimum height in rem for the normal layout, which bigger type would push off the screen: the
 * presenter view fits the screen by itself, so that minimum is lifted while it is shown.
 */
function useProjectorType(root: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const html = document.documentElement;
    const main = root.current?.closest("main");
    if (main) main.style.minHeight = "0";
    const tall = window.matchMedia(TALL);
    const apply = () => (html.style.fontSize = `clamp(16px, min(1.6vw, ${tall.matches ? "2.3vh" : "2.9vh"}), 40px)`);
    apply();
    tall.addEventListener("change", apply);
    return () => {
      tall.removeEventListener("change", apply);
      html.style.fontSize = "";
      if (main) main.style.minHeight = "";
    };
  }, [root]);
}

/** Four corners: the fullscreen glyph (⛶) is missing from many projector laptops' fonts. */
function FullscreenIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-[1em]" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
    </svg>
  );
}

interface Props {
  run: SequenceRun;
  keys: RunKeys;
  controls: RunControlsProps;
  arrows: Arrow[];
  selected: ArrowId | null;
  onSelect: (a: Arrow) => void;
  counts: { early?: number; late?: number };
  narration: string;
}

/** The run for a room: the diagram fills the screen; beside it the controls, the scenario in one line, what happened and what to say. */
export function PresenterView({ run, keys, controls, arrows, selected, onSelect, counts, narration }: Props) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  useProjectorType(root);
  const { state } = run;
  const note = SPEAKER_NOTES[state.step];
  const outcome = step6Status(state.data, state.step);
  return (
    <div ref={root} className="grid min-h-0 flex-1 gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-labelledby="diagram-heading" className="panel relative flex min-h-0 min-w-0 flex-col gap-1.5 px-3 py-2">
        <div className="flex items-center justify-between gap-2">
          <h2 id="diagram-heading" className="text-xl font-semibold">
            {t({ en: "Sequence", nb: "Sekvens" })}{" "}
            <span className="text-base font-normal text-muted-strong">
              {state.step >= 0 ? t({ en: "step {n} of 6", nb: "steg {n} av 6" }, { n: state.step }) : t({ en: "not started", nb: "ikke startet" })}
            </span>
          </h2>
          <AuthorizationCounter early={counts.early} late={counts.late} outcome={outcome} />
        </div>
        <DiagramBox arrows={arrows} selected={selected} animate={!controls.reducedMotion && controls.speed !== "off"} onSelect={onSelect} controls="" />
      </section>

      <div className="flex min-h-0 min-w-0 flex-col gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-base leading-tight font-bold">Dialog Token Sandbox</h1>
          <div className="flex flex-wrap items-center gap-2">
            <ViewSwitches presenter onPresenter={controls.onPresenter} onHelp={controls.onHelp} />
            {keys.fullscreen.supported && (
              <button type="button" className="btn-secondary" aria-pressed={keys.fullscreen.on} aria-keyshortcuts="F" onClick={keys.fullscreen.toggle}>
                <FullscreenIcon />
                {t({ en: "Full screen", nb: "Fullskjerm" })}
              </button>
            )}
          </div>
        </div>
        <RunControls {...controls} compact />
        <ScenarioSummary scenario={state.scenario} disabled={state.busy || run.autoplay === "playing"} onChange={run.setScenario} />
        <div
          role="status"
          aria-label={t({ en: "Narration", nb: "Fortelling" })}
          aria-live="polite"
          aria-atomic="true"
          className="min-h-[5.75em] shrink-0 rounded-lg bg-slate-100 px-3 py-2 text-base leading-snug tall:text-lg dark:bg-slate-800"
        >
          {narration}
        </div>
        {/* Focusable: a long note scrolls, and keyboard users must be able to scroll it too. */}
        <aside aria-labelledby="note-heading" tabIndex={0} className="panel min-h-0 flex-1 overflow-auto px-3 py-2">
          <h2 id="note-heading" className="section-label">
            {t({ en: "Speaker note", nb: "Notat til foredragsholderen" })}
          </h2>
          <p className="mt-1 text-base leading-snug tall:text-lg">{t(note.say)}</p>
          <p className="mt-2 text-base leading-snug tall:text-lg">
            <span className="font-semibold">{t({ en: "Ask the room:", nb: "Spør salen:" })}</span> {t(note.ask)}
          </p>
        </aside>
      </div>
    </div>
  );
}
