import { DIALOG_TOKEN_LIFETIME_SECONDS } from "@/lib/altinn/dialog-token";

/**
 * What step 5's time checks make of a token, from the clocks alone (lib/service-provider/verify.ts, nbf and exp):
 * Dialogporten writes `nbf = iat` and `exp = iat + 600` on its clock; the provider compares them with its own,
 * allowing `leeway` seconds either way. An offset moves both clocks, so only time passing between issue and
 * check (a jump after step 3) or a skew between the two sides changes the verdict.
 */
export type TimeOutcome = "accepted" | "token_not_yet_valid" | "token_expired";

export interface TimeInput {
  /** Seconds Dialogporten's clock and the provider's are off the workspace clock. */
  skewDp: number;
  skewSp: number;
  leewaySeconds: number;
  /** Workspace-clock seconds between issuing the token (step 3) and checking it (step 5), e.g. a jump. */
  elapsedSeconds?: number;
}

export interface TimeVerdict {
  outcome: TimeOutcome;
  /** How far the provider's clock is past the token's `iat` at the check (negative: before it). */
  gapSeconds: number;
  /** Seconds past the leeway when refused; 0 when accepted. */
  beyondSeconds: number;
}

export function timeVerdict({ skewDp, skewSp, leewaySeconds, elapsedSeconds = 0 }: TimeInput): TimeVerdict {
  const gap = elapsedSeconds + skewSp - skewDp;
  if (gap < -leewaySeconds) return { outcome: "token_not_yet_valid", gapSeconds: gap, beyondSeconds: -gap - leewaySeconds };
  const late = gap - DIALOG_TOKEN_LIFETIME_SECONDS - leewaySeconds;
  if (late > 0) return { outcome: "token_expired", gapSeconds: gap, beyondSeconds: late };
  return { outcome: "accepted", gapSeconds: gap, beyondSeconds: 0 };
}
