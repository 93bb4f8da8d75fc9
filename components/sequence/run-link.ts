import { isGuid } from "@/lib/altinn/identifiers";
import type { PersonaId } from "@/lib/seed/personas";
import { findPersona } from "@/lib/seed/personas";
import type { Scenario } from "../scenario/scenario";
import { actionOptions, changeScenario, DEFAULT_SCENARIO, findDialog, forPersona } from "../scenario/scenario";
import type { Speed } from "./run-controls";
import type { Step } from "./run-model";

/**
 * What a link to the sequence page carries: the scenario, the step shown and the settings that change a
 * run — never a token or a key. Opening it re-runs the steps up to `step`, so the page lands where the
 * sender was, with the receiver's own fresh calls.
 */
export interface RunLink {
  scenario: Scenario;
  step: Step;
  speed?: Speed;
  /** A fixed clock (ISO 8601 instant): with the default seed, the same tokens byte for byte. */
  at?: string;
  /** The presenter view (projector type, speaker notes): how the page is shown, kept so a reload or a shared link shows it again. */
  presenter?: boolean;
  /** A catalogue entry's id: the run is that attack or fault (its recipe sets the scenario), not the form's. */
  entry?: string;
}

/** The shape of a catalogue id; whether the entry exists is known only once the catalogue is loaded. */
const ENTRY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const SPEEDS: readonly Speed[] = ["off", "normal", "slow"];
/** Roughly ±100 years around now: outside that, a date is a typo, not a scenario. */
const MAX_CLOCK_DISTANCE_MS = 100 * 365 * 24 * 3600 * 1000;

/** A fixed clock from a link, normalised to ISO 8601 UTC, or undefined when it is not a plausible instant. */
export function parseInstant(value: string | null, now = Date.now()): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && Math.abs(ms - now) < MAX_CLOCK_DISTANCE_MS ? new Date(ms).toISOString().replace(".000Z", "Z") : undefined;
}

/** Reads a link leniently: whatever is unknown or inconsistent falls back to what the form would offer. */
export function parseRunLink(search: string): RunLink {
  const q = new URLSearchParams(search);
  const persona = findPersona((q.get("persona") ?? "") as PersonaId);
  let scenario = persona ? forPersona(persona.id) : DEFAULT_SCENARIO;
  const party = q.get("party");
  if (party && persona?.parties.includes(party)) scenario = changeScenario(scenario, "party", party);
  const dialog = q.get("dialog");
  // Any dialog id: one a team created in this workspace is not in the seed, and the run finds out at step 3.
  if (dialog && isGuid(dialog)) scenario = changeScenario(scenario, "dialogId", dialog.toLowerCase());
  const action = q.get("action");
  const seed = findDialog(scenario.dialogId);
  // A dialog the seed does not have is known by its embed only until it is fetched (actionOptionsFor).
  const offered = seed ? actionOptions(seed).map((o) => o.value) : ["embed"];
  if (action && offered.includes(action)) scenario = changeScenario(scenario, "action", action);
  const stepNumber = Number(q.get("step") ?? -1);
  const step = (Number.isInteger(stepNumber) && stepNumber >= -1 && stepNumber <= 6 ? stepNumber : -1) as Step;
  const speed = SPEEDS.find((s) => s === q.get("speed"));
  const at = parseInstant(q.get("at"));
  const presenter = q.get("presenter") === "1";
  const entry = q.get("entry");
  return {
    scenario,
    step,
    ...(speed && { speed }),
    ...(at && { at }),
    ...(presenter && { presenter }),
    ...(entry && ENTRY_ID.test(entry) && { entry }),
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
  if (link.at) q.set("at", link.at);
  if (link.presenter) q.set("presenter", "1");
  return q.toString();
}
