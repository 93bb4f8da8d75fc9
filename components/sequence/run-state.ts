import type { ArrowId, Tab } from "./diagram-model";
import { primaryArrow } from "./diagram-model";
import type { Autoplay, RunData, Step } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { changeScenario, DEFAULT_SCENARIO } from "../scenario/scenario";
import type { LinkClock } from "../workspace/link-clock";

/**
 * The sequence page's state and how each action changes it (use-sequence-run.ts makes the calls that
 * feed it). Pure, so the rules — a reset keeps the clock, a new scenario keeps the presenter view — stay
 * in one place.
 */

interface RunState {
  scenario: Scenario;
  data: RunData | null;
  step: Step;
  busy: boolean;
  arrow: ArrowId | null;
  tab: Tab;
  /** The workspace's clock as the run uses it: the link's when it carried one, else what the workspace had. */
  clock: LinkClock;
  autoplay: Autoplay;
  /** The presenter view: a way of showing the run, so it survives resets and scenario changes. */
  presenter: boolean;
  /** The catalogue entry being played instead of the form's scenario; changing the scenario leaves it. */
  entry?: string;
}

type RunAction =
  | { type: "scenario"; field: keyof Scenario; value: string }
  | { type: "load"; scenario: Scenario; clock: LinkClock; presenter: boolean; entry?: string }
  | { type: "clock"; clock: LinkClock }
  | { type: "reset" }
  | { type: "busy"; busy: boolean }
  | { type: "show"; data: RunData; step: Step }
  | { type: "select"; arrow: ArrowId | null; tab: Tab }
  | { type: "tab"; tab: Tab }
  | { type: "autoplay"; autoplay: Autoplay }
  | { type: "presenter"; on: boolean };

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

export const initial: RunState = {
  scenario: DEFAULT_SCENARIO,
  data: null,
  step: -1,
  busy: false,
  arrow: null,
  tab: "exchange",
  autoplay: "off",
  presenter: false,
  clock: {},
};

export function reducer(s: RunState, a: RunAction): RunState {
  switch (a.type) {
    case "scenario":
      return { ...initial, scenario: changeScenario(s.scenario, a.field, a.value), clock: s.clock, presenter: s.presenter };
    case "load":
      return { ...initial, scenario: a.scenario, clock: a.clock, presenter: a.presenter, entry: a.entry };
    case "clock":
      return { ...s, clock: a.clock };
    case "reset":
      return { ...initial, scenario: s.scenario, clock: s.clock, presenter: s.presenter, entry: s.entry };
    case "busy":
      return { ...s, busy: a.busy };
    case "show":
      // An entry's recipe, not the form, says who signed in and what was asked for.
      return { ...s, data: a.data, step: a.step, ...viewFor(a.step, a.data), ...(a.data.catalogue && { scenario: a.data.scenario }) };
    case "select":
      return { ...s, arrow: a.arrow, tab: a.tab };
    case "tab":
      return { ...s, tab: a.tab };
    case "autoplay":
      return { ...s, autoplay: a.autoplay };
    case "presenter":
      return { ...s, presenter: a.on };
  }
}
