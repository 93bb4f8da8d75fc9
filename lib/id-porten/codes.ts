/** The OAuth 2.0 token errors (RFC 6749 §5.2) the mock identity providers answer with. */
export const ID_PORTEN_CODES = ["invalid_request", "unsupported_grant_type", "invalid_grant", "invalid_scope"] as const;
export type IdPortenCode = (typeof ID_PORTEN_CODES)[number];
