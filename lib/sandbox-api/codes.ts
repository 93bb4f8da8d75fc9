import { problemFor } from "../shared/problem";
import { MINT_ERROR_CODES } from "./mint";
import { RELAY_ERROR_CODES } from "./relay";
import { RESIGN_ERROR_CODES } from "./resign";

/** Every code the sandbox's own API answers with (besides the shared ones). Stable: add codes, never rename one. */
export const SANDBOX_API_CODES = ["test_tokens_disabled", ...MINT_ERROR_CODES, ...RELAY_ERROR_CODES, ...RESIGN_ERROR_CODES] as const;
export type SandboxApiCode = (typeof SANDBOX_API_CODES)[number];

export const problem = problemFor<SandboxApiCode>();
