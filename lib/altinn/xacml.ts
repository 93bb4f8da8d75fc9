/**
 * XACML 3.0 JSON profile as Altinn Authorization speaks it (PascalCase, the Altinn.Authorization.ABAC
 * `XacmlJson*` classes; docs/real-systems.md §4). Shared by Dialogporten (builds requests) and the
 * mock PDP (evaluates them).
 */
export interface XacmlAttribute {
  AttributeId: string;
  Value: string;
  DataType?: string;
  IncludeInResult?: boolean;
}

export interface XacmlCategory {
  Id?: string;
  Attribute: XacmlAttribute[];
}

export interface XacmlRequestReference {
  ReferenceId: string[];
}

export interface XacmlRequest {
  ReturnPolicyIdList?: boolean;
  AccessSubject: XacmlCategory[];
  Action: XacmlCategory[];
  Resource: XacmlCategory[];
  MultiRequests?: { RequestReference: XacmlRequestReference[] };
}

export interface XacmlRequestRoot {
  Request: XacmlRequest;
}

export type XacmlDecision = "Permit" | "Deny" | "NotApplicable" | "Indeterminate";

export const XACML_STATUS = {
  ok: "urn:oasis:names:tc:xacml:1.0:status:ok",
  missingAttribute: "urn:oasis:names:tc:xacml:1.0:status:missing-attribute",
  syntaxError: "urn:oasis:names:tc:xacml:1.0:status:syntax-error",
  processingError: "urn:oasis:names:tc:xacml:1.0:status:processing-error",
} as const;

export interface XacmlObligation {
  Id: string;
  AttributeAssignment: Array<{ AttributeId: string; Value: string; Category?: string; DataType?: string }>;
}

export interface XacmlResult {
  Decision: XacmlDecision;
  Status: { StatusMessage?: string; StatusCode: { Value: string } };
  Obligations?: XacmlObligation[];
  Category?: Array<{ CategoryId: string; Attribute: XacmlAttribute[] }>;
}

export interface XacmlResponseRoot {
  Response: XacmlResult[];
}

export const ACTION_ID = "urn:oasis:names:tc:xacml:1.0:action:action-id";

/**
 * The obligation an Altinn policy puts on every Permit: the resource's minimum authentication level, an
 * integer in the assignment whose category is `urn:altinn:minimum-authenticationlevel` (docs/real-systems.md §4.3).
 */
export const OBLIGATION_AUTHENTICATION_LEVEL = "urn:altinn:obligation:authenticationLevel1";
export const MINIMUM_AUTHENTICATION_LEVEL_CATEGORY = "urn:altinn:minimum-authenticationlevel";
