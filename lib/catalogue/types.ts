import type { DIALOG_ID } from "../seed/dialogs";
import type { PersonaId } from "../seed/personas";
import type { CheckCode } from "../service-provider/types";
import type { FlowFaults } from "../shared/faults";
import type { MutationName } from "./mutate";

/**
 * The shape of a catalogue entry and the helpers the entry files share. The entries themselves are data:
 * attacks in `attacks.ts` and `delivery-attacks.ts`, faults in `faults.ts`, combined in `entries.ts`.
 */

export type DialogKey = keyof typeof DIALOG_ID;

/** What the end-user system does at step 4, by action name so it survives seed changes. */
export type RecipeAction = { kind: "embed" } | { kind: "gui"; action: string };

export type { MutationName };

/** How the token travels to the service provider. */
export type Transport = "bearer" | "query" | "cookie" | "two-headers" | "quoted";

export interface Recipe {
  persona: PersonaId;
  /** The dialog Dialogporten is asked for (steps 0–3). */
  dialog: DialogKey;
  action: RecipeAction;
  /** Send the token to this dialog's action instead (its URL from the seed data). */
  target?: DialogKey;
  faults?: FlowFaults;
  mutation?: MutationName;
  transport?: Transport;
  /** Make one clean call first, so the service provider's key cache is warm. */
  warmUp?: boolean;
}

/** `accepted_with_cached_keys`: the request succeeds on cached keys while the JWKS is down. */
export const ACCEPTED_WITH_CACHED_KEYS = "accepted_with_cached_keys";
export const ACCEPTED = "accepted";

export interface CatalogueEntry {
  id: string;
  title: string;
  kind: "attack" | "fault";
  /** What is done, in a sentence or two. */
  what: string;
  /** The real attacker or bug it models, and how the sandbox produces it. */
  models: string;
  /** The stable code of what must catch it: a verifier failure, a bearer or Dialogporten problem code, or `accepted_with_cached_keys`. */
  expectedCode: string;
  /** Where the run stops: 3 Dialogporten refuses, 4 the request's shape is refused, 5 a check of step 5, 6 it gets through. */
  expectedStep: 3 | 4 | 5 | 6;
  expectedOutcome: "refused" | "accepted";
  /** The row of the step-5 checklist that fails, when the verifier ran. */
  expectedCheck?: CheckCode;
  lesson: string;
  recipe: Recipe;
  /** Why a browser cannot run it faithfully (the runner still runs it from Node). */
  notInBrowser?: string;
}

type EntryInit = Omit<CatalogueEntry, "kind" | "expectedOutcome">;

/** Ola opens the VAT return's front-channel embed: the clean run most entries start from. */
export const olaVat = { persona: "ola", dialog: "vatReturn", action: { kind: "embed" } } as const satisfies Partial<Recipe>;

/** An attack is always refused; that is what makes it one. */
export const attack = (e: EntryInit): CatalogueEntry => ({ kind: "attack", expectedOutcome: "refused", ...e });
/** A fault is refused unless it says otherwise (a warm key cache rides out a JWKS outage). */
export const fault = (e: EntryInit & { expectedOutcome?: CatalogueEntry["expectedOutcome"] }): CatalogueEntry => ({
  kind: "fault",
  expectedOutcome: "refused",
  ...e,
});
