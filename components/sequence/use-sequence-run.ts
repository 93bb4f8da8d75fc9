"use client";

import { useEffect, useEffectEvent, useReducer, useRef } from "react";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { delay } from "@/lib/shared/delay";
import type { ArrowId, Tab } from "./diagram-model";
import { primaryArrow } from "./diagram-model";
import type { RunData, Step } from "./run-model";
import { advance, isFinished, nextMove, previousStep, revealable } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { changeScenario, DEFAULT_SCENARIO } from "../scenario/scenario";
import { setWorkspaceClock } from "../workspace/use-workspace";
import type { RunLink } from "./run-link";
import { parseRunLink, runLinkQuery } from "./run-link";
import { withLang } from "../workspace/page-link";
import { advanceEntry, canRevealMore } from "./catalogue-run";

interface RunState {
  scenario: Scenario;
  data: RunData | null;
  step: Step;
  busy: boolean;
  arrow: ArrowId | null;
  tab: Tab;
  /** A fixed clock from the link (ISO instant), applied to the workspace before the run. */
  at?: string;
  /** The catalogue entry being played instead of the form's scenario; changing the scenario leaves it. */
  entry?: string;
}

type Action =
  | { type: "scenario"; field: keyof Scenario; value: string }
  | { type: "load"; scenario: Scenario; at?: string; entry?: string }
  | { type: "reset" }
  | { type: "busy"; busy: boolean }
  | { type: "show"; data: RunData; step: Step }
  | { type: "select"; arrow: ArrowId | null; tab: Tab }
  | { type: "tab"; tab: Tab };

/** The view that opens when a step arrives: its main arrow, and the tab that explains it best. */
function viewFor(step: Step, data: RunData): { arrow: ArrowId | null; tab: Tab } {
  const arrow = primaryArrow(step);
  // Once a write action's dialog has been fetched again, step 6 is about what changed.
  const tab: Tab =
    step === 1 || step === 2
      ? "decision"
      : step === 3 && data.dialog?.dialogToken
        ? "token"
        : step === 5
          ? "checklist"
          : step === 6 && data.after
            ? "changes"
            : "exchange";
  return { arrow, tab };
}

const initial: RunState = { scenario: DEFAULT_SCENARIO, data: null, step: -1, busy: false, arrow: null, tab: "exchange" };

function reducer(s: RunState, a: Action): RunState {
  switch (a.type) {
    case "scenario":
      return { ...initial, scenario: changeScenario(s.scenario, a.field, a.value), at: s.at };
    case "load":
      return { ...initial, scenario: a.scenario, at: a.at, entry: a.entry };
    case "reset":
      return { ...initial, scenario: s.scenario, at: s.at, entry: s.entry };
    case "busy":
      return { ...s, busy: a.busy };
    case "show":
      // An entry's recipe, not the form, says who signed in and what was asked for.
      return { ...s, data: a.data, step: a.step, ...viewFor(a.step, a.data), ...(a.data.catalogue && { scenario: a.data.scenario }) };
    case "select":
      return { ...s, arrow: a.arrow, tab: a.tab };
    case "tab":
      return { ...s, tab: a.tab };
  }
}

/**
 * The run, driven by clicks: every "Next step" either shows a step that really happened or makes the real
 * call (sign-in, dialog, service provider) with the browser's own fetch. A generation counter lets Reset
 * and scenario changes abandon a run that is still waiting for an answer.
 */
export function useSequenceRun(serviceProviderOrigin: string, workspace: string | null) {
  const [state, dispatch] = useReducer(reducer, initial);
  const generation = useRef(0);
  /** The link the page was opened with (or navigated back to) is being replayed: the URL must not move meanwhile. */
  const replaying = useRef(true);

  const ctx = (): EndUserSystemContext => ({
    fetch: (input, init) => window.fetch(input, init),
    baseUrl: window.location.origin,
    trace: true,
    ...(workspace && { workspace }),
  });

  /** `entry`: a catalogue entry's run instead of the scenario's calls; `land`: where a fresh entry run opens. */
  async function stepFrom(data: RunData | null, step: Step, scenario: Scenario, gen: number, entry?: string, land: Step = -1) {
    const next = entry
      ? await advanceEntry(data, step, { id: entry, ctx: ctx(), serviceProviderOrigin, step: land })
      : await advance(data, step, scenario, ctx(), serviceProviderOrigin, {
          // Each poll after a 202 is shown as it happens; a reset or a new scenario stops the polling.
          onProgress: (d) => gen === generation.current && dispatch({ type: "show", data: d, step }),
          isCancelled: () => gen !== generation.current,
        });
    if (gen !== generation.current) return null;
    if (next) dispatch({ type: "show", ...next });
    return next;
  }

  async function next() {
    const gen = generation.current;
    dispatch({ type: "busy", busy: true });
    try {
      await stepFrom(state.data, state.step, state.scenario, gen, state.entry);
    } finally {
      if (gen === generation.current) dispatch({ type: "busy", busy: false });
    }
  }

  async function runAll(delayMs: number) {
    const fresh = isFinished(state.data, state.step);
    if (fresh) {
      generation.current++;
      dispatch({ type: "reset" });
    }
    const gen = generation.current;
    let cur: { data: RunData | null; step: Step } = fresh ? { data: null, step: -1 } : { data: state.data, step: state.step };
    dispatch({ type: "busy", busy: true });
    try {
      for (;;) {
        const got = await stepFrom(cur.data, cur.step, state.scenario, gen, state.entry);
        if (!got) break;
        cur = got;
        if (state.entry ? !canRevealMore(cur.data, cur.step) : !nextMove(cur.data, cur.step)) break;
        await delay(delayMs);
        if (gen !== generation.current) return;
      }
    } finally {
      if (gen === generation.current) dispatch({ type: "busy", busy: false });
    }
  }

  /** Lands on a link: its scenario, its clock, and every step up to the one it names, made for real. */
  async function open(link: RunLink) {
    generation.current++;
    const gen = generation.current;
    replaying.current = true;
    dispatch({ type: "load", scenario: link.scenario, at: link.at, entry: link.entry });
    dispatch({ type: "busy", busy: true });
    try {
      if (workspace) await setWorkspaceClock(workspace, link.at);
      // An entry's link opens where its run stopped (or at the step it names), so the refusal is in view at once.
      if (link.entry) return void (await stepFrom(null, -1, link.scenario, gen, link.entry, link.step >= 0 ? link.step : 6));
      let cur: { data: RunData | null; step: Step } = { data: null, step: -1 };
      while (cur.step < link.step && gen === generation.current) {
        const got = await stepFrom(cur.data, cur.step, link.scenario, gen);
        if (!got) break;
        cur = got;
      }
    } finally {
      if (gen === generation.current) {
        dispatch({ type: "busy", busy: false });
        replaying.current = false;
      }
    }
  }

  /** Back and forward in the browser: a step of this run is shown again; anything else is opened as a link. */
  const onPopState = useEffectEvent(() => {
    const link = parseRunLink(window.location.search);
    const same =
      (link.entry ? link.entry === state.entry : !state.entry && JSON.stringify(link.scenario) === JSON.stringify(state.scenario)) && link.at === state.at;
    if (same && state.data && (link.step === -1 || revealable(state.data).includes(link.step))) {
      if (link.step === -1) reset();
      else dispatch({ type: "show", data: state.data, step: link.step });
      return;
    }
    void open(link);
  });

  const onWorkspace = useEffectEvent(() => void open(parseRunLink(window.location.search)));
  useEffect(() => {
    if (workspace) onWorkspace();
  }, [workspace]);

  useEffect(() => {
    const listener = () => onPopState();
    window.addEventListener("popstate", listener);
    return () => window.removeEventListener("popstate", listener);
  }, []);

  // Every step gets its own history entry, so back and forward move between steps; other changes replace it.
  useEffect(() => {
    if (replaying.current || state.busy) return;
    const query = `?${withLang(runLinkQuery({ scenario: state.scenario, step: state.step, at: state.at, entry: state.entry }))}`;
    if (query === window.location.search) return;
    const before = parseRunLink(window.location.search);
    const sameRun = state.entry ? before.entry === state.entry : JSON.stringify(before.scenario) === JSON.stringify(state.scenario);
    // An entry's link without a step opens at the run's end: naming that step is not a move of its own.
    const onlyStep = sameRun && before.step !== state.step && !(state.entry && before.step === -1);
    if (onlyStep) window.history.pushState(null, "", query);
    else window.history.replaceState(null, "", query);
  }, [state.scenario, state.step, state.at, state.busy, state.entry]);

  function back() {
    const to = previousStep(state.data, state.step);
    if (to !== null && state.data) dispatch({ type: "show", data: state.data, step: to });
  }

  function reset() {
    generation.current++;
    dispatch({ type: "reset" });
  }

  function setScenario(field: keyof Scenario, value: string) {
    generation.current++;
    dispatch({ type: "scenario", field, value });
  }

  return {
    state,
    canNext: state.entry ? state.data === null || canRevealMore(state.data, state.step) : nextMove(state.data, state.step) !== null,
    canBack: previousStep(state.data, state.step) !== null,
    next,
    runAll,
    back,
    reset,
    setScenario,
    open,
    select: (arrow: ArrowId | null, tab: Tab) => dispatch({ type: "select", arrow, tab }),
    setTab: (tab: Tab) => dispatch({ type: "tab", tab }),
  };
}
