import type { PersonaId } from "@/lib/seed/personas";
import { findPersona } from "@/lib/seed/personas";
import type { Scenario } from "../scenario/scenario";
import { actionOptions, changeScenario, DEFAULT_SCENARIO, findDialog, forPersona } from "../scenario/scenario";
import type { Speed } from "./run-controls";
import type { Step } from "./run-model";
import { parseLinkClock, setLinkClock, type LinkClock } from "../workspace/link-clock";

/**
 * What a link to the sequence page carries: the scenario, the step shown and the settings that change a
 * run, the workspace clock among them (`at`, `offset`, `skew-dp`, `skew-sp`) — never a token or a key.
 * Opening it re-runs the steps up to `step`, so the page lands where the sender was, with the receiver's own
 * fresh calls.
 */
export interface RunLink extends LinkClock {
  scenario: Scenario;
  step: Step;
  speed?: Speed;
  /** The presenter view (projector type, speaker notes): how the page is shown, kept so a reload or a shared link shows it again. */
  presenter?: boolean;
  /** A catalogue entry's id: the run is that attack or fault (its recipe sets the scenario), not the form's. */
  entry?: string;
  /** The sender's own policies (components/world/policy-link.ts), put into the opener's workspace before the replay. */
  policies?: string;
}

/** The shape of a catalogue id; whether the entry exists is known only once the catalogue is loaded. */
const ENTRY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const SPEEDS: readonly Speed[] = ["off", "normal", "slow"];

/** Reads a link leniently: whatever is unknown or inconsistent falls back to what the form would offer. */
export function parseRunLink(search: string): RunLink {
  const q = new URLSearchParams(search);
  const persona = findPersona((q.get("persona") ?? "") as PersonaId);
  let scenario = persona ? forPersona(persona.id) : DEFAULT_SCENARIO;
  const party = q.get("party");
  if (party && persona?.parties.includes(party)) scenario = changeScenario(scenario, "party", party);
  const dialog = q.get("dialog");
  if (dialog && findDialog(dialog)) scenario = changeScenario(scenario, "dialogId", dialog);
  const action = q.get("action");
  if (action && actionOptions(findDialog(scenario.dialogId)).some((o) => o.value === action)) scenario = changeScenario(scenario, "action", action);
  const stepNumber = Number(q.get("step") ?? -1);
  const step = (Number.isInteger(stepNumber) && stepNumber >= -1 && stepNumber <= 6 ? stepNumber : -1) as Step;
  const speed = SPEEDS.find((s) => s === q.get("speed"));
  const presenter = q.get("presenter") === "1";
  const entry = q.get("entry");
  return {
    scenario,
    step,
    ...(speed && { speed }),
    ...parseLinkClock(q),
    ...(presenter && { presenter }),
    ...(entry && ENTRY_ID.test(entry) && { entry }),
    ...policiesOf(q),
  };
}

/** The query string of a link; defaults are left out so links stay short. */
export function runLinkQuery(link: RunLink): string {
  // A catalogue entry's recipe is the scenario: the form's fields would only contradict it.
  const q = new URLSearchParams(
    link.entry
      ? { entry: link.entry }
      : { persona: link.scenario.personaId, party: link.scenario.party, dialog: link.scenario.dialogId, action: link.scenario.action },
  );
  if (link.step >= 0) q.set("step", String(link.step));
  if (link.speed && link.speed !== "normal") q.set("speed", link.speed);
  setLinkClock(q, link);
  if (link.presenter) q.set("presenter", "1");
  if (link.policies) q.set(POLICIES_PARAM, link.policies);
  return q.toString();
}

// ── The workspace's own policies (issue 11): they travel in the link only while it stays short ──

const POLICIES_PARAM = "policies";
/** The longest link we hand out: chat tools, mail clients and QR codes cope with about this many characters. */
export const MAX_LINK_LENGTH = 2000;
const POLICIES_VALUE = /^[A-Za-z0-9_-]+$/;

function policiesOf(q: URLSearchParams): { policies?: string } {
  const value = q.get(POLICIES_PARAM);
  return value && value.length <= MAX_LINK_LENGTH && POLICIES_VALUE.test(value) ? { policies: value } : {};
}

/** `link` carrying the encoded policies, or null when that would make it longer than MAX_LINK_LENGTH. */
export function withPolicies(link: string, encoded: string): string | null {
  const url = new URL(link);
  url.searchParams.set(POLICIES_PARAM, encoded);
  const out = url.toString();
  return out.length <= MAX_LINK_LENGTH ? out : null;
}
