import { CONTEXT_TOKEN_TYP, ENVIRONMENT_ISSUERS, formatAction, parseActions } from "../altinn/dialog-token";
import { CATALOGUE } from "../catalogue/entries";
import type { CatalogueEntry, MutationName, Transport } from "../catalogue/entries";
import type { TestTokenRequest } from "../sandbox-api/client";

/**
 * Which catalogue attacks apply to a service provider the sandbox does not run, and how each is produced
 * from what a team outside can get: a valid token and the test-token API for what Dialogporten would sign
 * (a legitimately signed token with the wrong claims), the catalogue's own mutations for what an attacker
 * forges (signed, if at all, with the attacker's keys), and the catalogue's transports for delivery mistakes.
 */

export interface PlanInput {
  dialogId: string;
  /** The action the target requires, as `a` spells it: `read` or `delete,urn:altinn:task:Task_1`. */
  action: string;
  /** `iat` of the valid token: the sandbox's "now", so clock attacks follow the issuer's clock. */
  now: number;
}

export interface ConformanceAttack {
  entry: CatalogueEntry;
  /** Claims for the test-token API, on top of the valid token's dialog and action. */
  claims?: TestTokenRequest;
  /** A catalogue mutation applied to a valid token. */
  mutation?: MutationName;
  /** How the token is carried (Authorization: Bearer when not set). */
  transport?: Transport;
}

/** The neighbouring id: a valid token for one dialog, tried at the next one (an insecure direct object reference). */
export function otherDialogId(dialogId: string): string {
  const last = dialogId.slice(-1);
  const swap = /[0-8]/.test(last) ? String(Number(last) + 1) : last === "9" ? "0" : last.toLowerCase() === "f" ? "e" : "0";
  return dialogId.slice(0, -1) + swap;
}

/** An action the target does not ask for: `read` for anything else, `write` for `read`. */
function otherAction(action: string): string {
  const [required] = parseActions(action);
  return required?.name.toLowerCase() === "read" ? "write" : "read";
}

/**
 * The attribute trap of Dialogporten #4043: the action granted only in its other form. An endpoint scoped to
 * `delete,urn:altinn:task:Task_1` gets a token with a bare `delete`; a bare `read` endpoint one with only
 * `read,<attribute>`. A provider that compares action names alone accepts both.
 */
export function attributeTrap(action: string): string {
  const [required] = parseActions(action);
  if (!required) return "";
  return required.attribute ? required.name : formatAction({ name: required.name, attribute: "urn:altinn:subresource:sandbox-conformance" });
}

/** Attacks whose token Dialogporten itself would sign: the test-token API makes them, by catalogue id. */
const SIGNED_BY_THE_ISSUER: Record<string, (p: PlanInput) => TestTokenRequest> = {
  "expired-token": (p) => ({ iat: p.now - 900 }),
  "token-before-nbf": (p) => ({ iat: p.now + 120 }),
  "clock-skew-beyond-leeway": (p) => ({ iat: p.now + 30 }),
  "issuer-other-environment": () => ({ iss: ENVIRONMENT_ISSUERS.at23 }),
  // The context token of #4275: the same keys and issuer did sign it, so only typ tells it apart.
  "typ-context-token": () => ({ typ: CONTEXT_TOKEN_TYP }),
  "token-for-another-dialog": (p) => ({ i: otherDialogId(p.dialogId) }),
  "action-not-in-token": (p) => ({ a: otherAction(p.action) }),
  "bare-delete-4043": (p) => ({ a: attributeTrap(p.action) }),
};

/** Catalogue entries that need the sandbox's own flow or a provider-specific rule, and so do not apply. */
export const NOT_APPLICABLE: Record<string, string> = {
  "level-below-service-minimum": "depends on the provider's own minimum level",
  "level-below-resource-minimum": "Dialogporten refuses it before any token exists",
};

/** Every catalogue attack that applies to a provider, in catalogue order. */
export function conformancePlan(input: PlanInput): ConformanceAttack[] {
  const plan: ConformanceAttack[] = [];
  for (const entry of CATALOGUE) {
    const signed = SIGNED_BY_THE_ISSUER[entry.id];
    if (signed) plan.push({ entry, claims: signed(input) });
    else if (entry.kind === "attack" && (entry.recipe.mutation || entry.recipe.transport)) {
      plan.push({ entry, mutation: entry.recipe.mutation, transport: entry.recipe.transport });
    }
  }
  return plan;
}
