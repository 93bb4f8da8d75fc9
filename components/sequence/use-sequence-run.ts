"use client";

import { useEffect, useEffectEvent, useReducer, useRef } from "react";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { delay } from "@/lib/shared/delay";
import type { ArrowId, Tab } from "./diagram-model";
import type { RunData, Step } from "./run-model";
import { advance, isFinished, jumpMove, nextMove, previousStep, revealable } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { applyLinkPolicies } from "../world/policy-client";
import { applyLinkClock, fetchWorkspaceClock } from "../workspace/workspace-clock";
import { clockPart, sameClock } from "../workspace/link-clock";
import { initial, reducer } from "./run-state";
import type { RunLink } from "./run-link";
import { parseRunLink, runLinkQuery } from "./run-link";
import { withLang } from "../workspace/page-link";
import { advanceEntry, canRevealMore } from "./catalogue-run";

/**
 * The run, driven by clicks: every "Next step" either shows a step that really happened or makes the real
 * call (sign-in, dialog, service provider) with the browser's own fetch. A generation counter lets Reset
 * and scenario changes abandon a run that is still waiting for an answer; a second one, `loop`, lets Pause
 * (and Back or Next during Run all) stop Run all between steps without throwing away what it has done.
 */
export function useSequenceRun(serviceProviderOrigin: string, workspace: string | null) {
  const [state, dispatch] = useReducer(reducer, initial);
  const generation = useRef(0);
  /** The link the page was opened with (or navigated back to) is being replayed: the URL must not move meanwhile. */
  const replaying = useRef(true);
  const loop = useRef(0);

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
    pause();
    // A call already under way (Run all's) brings the next step; a second one would skip a step.
    if (state.busy) return;
    const gen = generation.current;
    dispatch({ type: "busy", busy: true });
    try {
      await stepFrom(state.data, state.step, state.scenario, gen, state.entry);
    } finally {
      if (gen === generation.current) dispatch({ type: "busy", busy: false });
    }
  }

  /** Run all, and Resume after a pause: from the step shown (from the start once the run is over), one step per `delayMs`. */
  async function runAll(delayMs: number) {
    if (state.busy || state.autoplay === "playing") return;
    const fresh = isFinished(state.data, state.step);
    if (fresh) {
      generation.current++;
      dispatch({ type: "reset" });
    }
    const gen = generation.current;
    const me = ++loop.current;
    const going = () => gen === generation.current && me === loop.current;
    let cur: { data: RunData | null; step: Step } = fresh ? { data: null, step: -1 } : { data: state.data, step: state.step };
    dispatch({ type: "autoplay", autoplay: "playing" });
    try {
      for (;;) {
        // Busy only while a call is out: between steps, Back and Next stay usable (and pause the run).
        dispatch({ type: "busy", busy: true });
        const got = await stepFrom(cur.data, cur.step, state.scenario, gen, state.entry);
        if (gen === generation.current) dispatch({ type: "busy", busy: false });
        if (!got || !going()) break;
        cur = got;
        if (state.entry ? !canRevealMore(cur.data, cur.step) : !nextMove(cur.data, cur.step)) break;
        await delay(delayMs);
        if (!going()) break;
      }
    } finally {
      if (going()) dispatch({ type: "autoplay", autoplay: "off" });
    }
  }

  /** Stops Run all after the step it is on; a call already sent still arrives and is shown. */
  function pause() {
    loop.current++;
    if (state.autoplay === "playing") dispatch({ type: "autoplay", autoplay: "paused" });
  }

  /** A number key: straight to a step that has happened, or "Next step" until it happens (every call made for real). */
  async function jump(target: Step) {
    pause();
    if (state.busy) return;
    const gen = generation.current;
    let cur: { data: RunData | null; step: Step } = { data: state.data, step: state.step };
    dispatch({ type: "busy", busy: true });
    try {
      for (let move = jumpMove(cur.data, cur.step, target); move && gen === generation.current; move = jumpMove(cur.data, cur.step, target)) {
        if (move.kind === "reveal") {
          dispatch({ type: "show", data: cur.data!, step: move.to });
          break;
        }
        const got = await stepFrom(cur.data, cur.step, state.scenario, gen);
        if (!got) break;
        cur = got;
      }
    } finally {
      if (gen === generation.current) dispatch({ type: "busy", busy: false });
    }
  }

  /** Lands on a link: its scenario, its clock, its policies, and every step up to the one it names, made for real. */
  async function open(link: RunLink) {
    generation.current++;
    const gen = generation.current;
    replaying.current = true;
    dispatch({ type: "load", scenario: link.scenario, clock: clockPart(link), presenter: link.presenter ?? false, entry: link.entry });
    dispatch({ type: "busy", busy: true });
    try {
      // The link's clock when it carries one, else the workspace's own (set on /workspace): the run, the badge and the URL use it.
      if (workspace) dispatch({ type: "clock", clock: await applyLinkClock(workspace, link) });
      if (workspace && link.policies) await applyLinkPolicies(workspace, link.policies);
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
      (link.entry ? link.entry === state.entry : !state.entry && JSON.stringify(link.scenario) === JSON.stringify(state.scenario)) &&
      sameClock(clockPart(link), state.clock);
    if (same && state.data && (link.step === -1 || revealable(state.data).includes(link.step))) {
      dispatch({ type: "presenter", on: link.presenter ?? false });
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

  // Back from /workspace in another tab: the clock may have moved there, and the badge and the link must say so.
  const onFocus = useEffectEvent(async () => {
    const now = workspace && !replaying.current ? await fetchWorkspaceClock(workspace) : null;
    if (now?.ok && !sameClock(now.value, state.clock)) dispatch({ type: "clock", clock: now.value });
  });
  useEffect(() => {
    const listener = () => void onFocus();
    window.addEventListener("focus", listener);
    return () => window.removeEventListener("focus", listener);
  }, []);

  useEffect(() => {
    const listener = () => onPopState();
    window.addEventListener("popstate", listener);
    return () => window.removeEventListener("popstate", listener);
  }, []);

  // Every step gets its own history entry, so back and forward move between steps; other changes replace it.
  useEffect(() => {
    if (replaying.current || state.busy || state.autoplay === "playing") return;
    const query = `?${withLang(runLinkQuery({ scenario: state.scenario, step: state.step, ...state.clock, presenter: state.presenter, entry: state.entry }))}`;
    if (query === window.location.search) return;
    const before = parseRunLink(window.location.search);
    const sameRun = state.entry ? before.entry === state.entry : JSON.stringify(before.scenario) === JSON.stringify(state.scenario);
    // An entry's link without a step opens at the run's end: naming that step is not a move of its own.
    const onlyStep = sameRun && before.step !== state.step && !(state.entry && before.step === -1);
    if (onlyStep) window.history.pushState(null, "", query);
    else window.history.replaceState(null, "", query);
  }, [state.scenario, state.step, state.clock, state.busy, state.autoplay, state.presenter, state.entry]);

  function back() {
    pause();
    if (state.busy) return;
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

  const canNext = state.entry ? state.data === null || canRevealMore(state.data, state.step) : nextMove(state.data, state.step) !== null;
  return {
    state,
    // Paused on the last step is simply over: nothing is left to resume.
    autoplay: state.autoplay === "paused" && !canNext ? "off" : state.autoplay,
    canNext,
    canBack: previousStep(state.data, state.step) !== null,
    next,
    runAll,
    pause,
    jump,
    togglePresenter: () => dispatch({ type: "presenter", on: !state.presenter }),
    back,
    reset,
    setScenario,
    open,
    select: (arrow: ArrowId | null, tab: Tab) => dispatch({ type: "select", arrow, tab }),
    setTab: (tab: Tab) => dispatch({ type: "tab", tab }),
  };
}

export type SequenceRun = ReturnType<typeof useSequenceRun>;
