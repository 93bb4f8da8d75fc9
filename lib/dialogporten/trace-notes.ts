import type { AltinnAction } from "../altinn/actions";
import type { PairDecision, PdpCallCode } from "../altinn/decision-request";
import type { Principal } from "../altinn/principal";
import type { FaultName } from "../shared/faults";
import type { DialogportenCode } from "./codes";
import type { AuthorizationNote } from "./decorate";
import type { PatchOp } from "./json-patch";
import type { IssuedToken } from "./token";

/**
 * What Dialogporten tells the sandbox about a request it handled, beside the real payload
 * (docs/design.md, principle 6). The UI reads these types; changing one is a contract change.
 */

/** The injected faults in force (docs/decisions/014-fault-injection.md). */
export interface FaultsNote {
  faults: FaultName[];
  clockOffsetSeconds?: number;
}

/** The end-user API's dialog request (steps 0–3), filled in as far as the request got. */
export interface DialogportenNotes {
  faults?: FaultsNote;
  principal?: Principal;
  /** Every (action, authorization attribute) pair asked about in the decision request. */
  candidates?: AltinnAction[];
  /** Why no decision came back; Dialogporten then fails closed. */
  failure?: { ok: false; code: PdpCallCode; detail: string };
  decisions?: PairDecision[];
  /** How the user may see the dialog: a Permit on the main resource, or only list authorization (lib/dialogporten/list-authorization.ts). */
  access?: "main" | "list";
  minimumAuthenticationLevel?: number;
  /** Why each element of the dialog got its `isAuthorized`. */
  isAuthorized?: AuthorizationNote[];
  token?: Pick<IssuedToken, "header" | "claims">;
}

/** The service-owner API's call: who called, and what changed. */
export interface ServiceOwnerApiNotes {
  authentication?: { code: DialogportenCode; detail: string };
  serviceOwner?: { org: string; orgNumber: string; clientId?: string };
  /** The dialog's owner, when it is not the caller. */
  dialogOrg?: string;
  revision?: { before: string; after: string } | { expected: string; actual: string } | { after: string };
  changes?: string[];
  patch?: PatchOp[];
}

/** The GraphQL subscription (`dialogEvents`): why the dialog token was refused, or what it said and what the policy decided. */
export interface SubscriptionNotes {
  refused?: { code: DialogportenCode; detail: string };
  claims?: Record<string, unknown>;
  /** The `enduserSubscription` policy: the token's `i` against the subscribed dialog id. */
  policy?: { dialogId: string; claimI: unknown; allowed: boolean };
}
