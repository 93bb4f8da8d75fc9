"use client";

import { useReducer, useRef } from "react";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { delay } from "@/lib/shared/delay";
import type { ArrowId, Tab } from "./diagram-model";
import { primaryArrow } from "./diagram-model";
import type { RunData, Step } from "./run-model";
import { advance, isFinished, nextMove, previousStep } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { changeScenario, DEFAULT_SCENARIO } from "../scenario/scenario";

interface RunState {
  scenario: Scenario;
  data: RunData | null;
  step: Step;
  busy: boolean;
  arrow: ArrowId | null;
  tab: Tab;
}

type Action =
  | { type: "scenario"; field: keyof Scenario; value: string }
  | { type: "reset" }
  | { type: "busy"; busy: boolean }
  | { type: "show"; data: RunData; step: Step }
  | { type: "select"; arrow: ArrowId | null; tab: Tab }
  | { type: "tab"; tab: Tab };

/** The view that opens when a step arrives: its main arrow, and the tab that explains it best. */
function viewFor(step: Step, data: RunData): { arrow: ArrowId | null; tab: Tab } {
  const arrow = primaryArrow(step);
  // Once a write action's dialog has been fetched again, step 6 is about what changed.
  const tab: Tab = step === 1 || step === 2 ? "decision" : step === 3 && data.dialog?.dialogToken ? "token" : step === 5 ? "checklist" : step === 6 && data.after ? "changes" : "exchange";
  return { arrow, tab };
}

const initial: RunState = { scenario: DEFAULT_SCENARIO, data: null, step: -1, busy: false, arrow: null, tab: "exchange" };

function reducer(s: RunState, a: Action): RunState {
  switch (a.type) {
    case "scenario":
      return { ...initial, scenario: changeScenario(s.scenario, a.field, a.value) };
    case "reset":
      return { ...initial, scenario: s.scenario };
    case "busy":
      return { ...s, busy: a.busy };
    case "show":
      return { ...s, data: a.data, step: a.step, ...viewFor(a.step, a.data) };
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
export function useSequenceRun(serviceProviderOrigin: string) {
  const [state, dispatch] = useReducer(reducer, initial);
  const generation = useRef(0);

  const ctx = (): EndUserSystemContext => ({ fetch: (input, init) => window.fetch(input, init), baseUrl: window.location.origin, trace: true });

  async function stepFrom(data: RunData | null, step: Step, scenario: Scenario, gen: number) {
    const next = await advance(data, step, scenario, ctx(), serviceProviderOrigin, {
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
      await stepFrom(state.data, state.step, state.scenario, gen);
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
        const got = await stepFrom(cur.data, cur.step, state.scenario, gen);
        if (!got) break;
        cur = got;
        if (!nextMove(cur.data, cur.step)) break;
        await delay(delayMs);
        if (gen !== generation.current) return;
      }
    } finally {
      if (gen === generation.current) dispatch({ type: "busy", busy: false });
    }
  }

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
    canNext: nextMove(state.data, state.step) !== null,
    canBack: previousStep(state.data, state.step) !== null,
    next,
    runAll,
    back,
    reset,
    setScenario,
    select: (arrow: ArrowId | null, tab: Tab) => dispatch({ type: "select", arrow, tab }),
    setTab: (tab: Tab) => dispatch({ type: "tab", tab }),
  };
}
