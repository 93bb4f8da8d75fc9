import type { ActionRef, DialogTokenClaims, Jwks } from "../altinn/dialog-token";

/**
 * The service provider's verdict on a dialog token, shaped so a UI can show every check, in order,
 * with what was expected and what the token actually said (docs/design.md, principle 4).
 */

/** The checks, in the order they run (checklist of docs/real-systems.md §5.4, plus RFC 8725 header rules). */
export const CHECK_ORDER = ["format", "alg", "header", "kid", "signature", "typ", "iss", "nbf", "exp", "i", "a", "l"] as const;
export type CheckCode = (typeof CHECK_ORDER)[number];

/** Stable reasons a token is refused; tests assert them, the UI shows them, the 401/403 carries them. */
export const FAILURE_CODES = [
  "token_malformed",
  "token_too_large",
  "alg_not_allowed",
  "header_not_allowed",
  "kid_missing",
  "kid_unknown",
  "signature_invalid",
  "typ_invalid",
  "issuer_mismatch",
  "token_not_yet_valid",
  "token_expired",
  "token_lifetime_invalid",
  "dialog_mismatch",
  "action_not_in_token",
  "authentication_level_too_low",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export interface Check {
  code: CheckCode;
  label: string;
  ok: boolean;
  /**
   * `ok:false, skipped:true`: not run because an earlier check failed.
   * `ok:true, skipped:true`: not run because the caller did not ask for it (no dialog, action or level given).
   */
  skipped?: boolean;
  /** Set on the failing check only. */
  failure?: FailureCode;
  expected?: unknown;
  actual?: unknown;
  detail: string;
}

export interface VerificationResult {
  valid: boolean;
  checks: Check[];
  failure?: Check;
  /** Present once the token parsed (even when a later check failed), so a UI can show what was inspected. */
  header?: Record<string, unknown>;
  claims?: DialogTokenClaims;
}

export interface VerifyExpectations {
  issuer: string;
  dialogId?: string;
  action?: ActionRef;
  minimumLevel?: number;
}

export interface VerifyContext {
  jwks: Jwks;
  /** Unix time in milliseconds. */
  now: number;
  skewSeconds: number;
  expect: VerifyExpectations;
  /** Longest accepted `exp - iat`; Dialogporten always issues exactly 600 s. */
  maxLifetimeSeconds?: number;
}
