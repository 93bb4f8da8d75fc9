import { problemFor } from "../shared/problem";
import { PARSE_ERROR_CODES } from "./parse";

/** Every code Altinn Authorization's problem answers carry (besides the shared ones); tests and the UI rely on them. */
export const AUTHORIZATION_CODES = ["unreadable_body", ...PARSE_ERROR_CODES] as const;
export type AuthorizationCode = (typeof AUTHORIZATION_CODES)[number];

export const problem = problemFor<AuthorizationCode>();
