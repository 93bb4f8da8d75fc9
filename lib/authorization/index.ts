export { createAuthorizationService, AUTHORIZE_PATH, MAX_BODY_BYTES, type AuthorizationServiceOptions } from "./handler";
export { MAX_TRACED_EXPLANATIONS, MAX_TRACE_HEADER_CHARS } from "./trace-notes";
export { decide, OBLIGATION_AUTHENTICATION_LEVEL, type Decisions, type Explanation, type ExplanationReason, type PdpData } from "./decide";
export { parseXacmlRequest, type ParseErrorCode, type ParseResult } from "./parse";
export { resolveReferences, MAX_REFERENCES, type ResolvedReference, type ReferenceErrorCode } from "./references";
export { ATTR, SUBJECT_ATTRIBUTES, PARTY_ATTRIBUTES, type IndeterminateReason } from "./context";
export { CATEGORY_ID } from "./echo";
