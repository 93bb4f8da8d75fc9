import type { Principal } from "../altinn/principal";
import type { FaultName } from "../shared/faults";
import type { BearerFailureCode, ServiceProviderCode } from "./codes";
import type { FetchReason, KeySource } from "./jwks-cache";
import type { PreflightNote } from "./preflights";
import type { VerificationResult } from "./types";
import type { Effect } from "./write-actions";

/**
 * What the service provider tells the sandbox about one request, beside the real answer
 * (docs/design.md, principle 6). The UI reads these types; changing one is a contract change.
 */

/** What the provider did with a write action (ADR 012). */
export interface WriteNote {
  mode: "synchronous" | "queued";
  action: string;
  actorId: string;
  effect?: Effect;
  revision?: { before: string; after: string | null };
  applyAfterMs?: number;
  detail?: string;
  /** `current`/`required` name the tasks when the action is bound to a task the dialog is not in. */
  failure?: { code: string; detail?: string; current?: string; required?: string };
}

/** What either path may note, whichever gate the request went through. */
interface RequestNotes {
  /** The action the URL needs, formatted as in the `a` claim. */
  required?: string;
  bearer?: BearerFailureCode;
  write?: WriteNote;
  /** The CORS preflight that preceded the request (ADR 011). */
  preflight?: PreflightNote;
}

/** The dialog-token path (step 5). */
export interface GateNotes extends RequestNotes {
  verification: VerificationResult | null;
  keySource: KeySource | null;
  /** Why the keys came from the network: a cold cache, stale keys, or the token's kid missing from fresh ones (a rotation). */
  keyFetch?: FetchReason;
  /** Always 0: the whole point of the dialog token is that the service provider never asks Altinn Authorization. */
  authorizationCalls: 0;
  jwks?: string;
  /** The service-provider faults in force for this request (docs/decisions/014-fault-injection.md). */
  faults?: FaultName[];
  /** The keys came from the cache after their refresh was due (the JWKS could not be reached). */
  keysStale?: boolean;
}

/** Legacy mode (ADR 013): the access token, and Altinn Authorization asked on every request. */
export interface LegacyNotes extends RequestNotes {
  mode: "legacy";
  /** Calls this request made to Altinn Authorization (counted again from the exchanges by the UI). */
  authorizationCalls: number;
  principal?: Pick<Principal, "kind" | "consumer" | "level" | "subject">;
  decision?: string;
  pdpLatencyMs?: number;
  failure?: { code: ServiceProviderCode; detail: string };
}

export type ServiceProviderNotes = GateNotes | LegacyNotes;
