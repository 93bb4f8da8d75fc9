import type { XacmlAttribute, XacmlCategory, XacmlRequest, XacmlRequestReference } from "../altinn/xacml";
import { REFERENCE_ERROR_CODES, resolveReferences, type ResolvedReference } from "./references";

export const PARSE_ERROR_CODES = [
  "not_an_object",
  "missing_request",
  "invalid_request",
  "invalid_category",
  "invalid_attribute",
  "invalid_multi_requests",
  ...REFERENCE_ERROR_CODES,
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

type ParseResult = { ok: true; request: XacmlRequest; references: ResolvedReference[] } | { ok: false; code: ParseErrorCode; detail: string; path: string };

class ParseFailure {
  constructor(
    readonly code: ParseErrorCode,
    readonly path: string,
    readonly detail: string,
  ) {}
}

const fail = (code: ParseErrorCode, path: string, detail: string): never => {
  throw new ParseFailure(code, path, detail);
};

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Property lookup as System.Text.Json does it with PropertyNameCaseInsensitive: names compare
 * ordinal-ignore-case (hence toUpperCase, not toLowerCase), and among case variants the last wins.
 */
function prop(obj: JsonObject, name: string): unknown {
  const want = name.toUpperCase();
  let found: unknown;
  for (const key of Object.keys(obj)) if (key.toUpperCase() === want) found = obj[key];
  return found;
}

/** `null` binds to a missing optional member in .NET, so both mean "absent" here. */
const absent = (value: unknown): value is null | undefined => value === undefined || value === null;

function optionalString(obj: JsonObject, name: string, code: ParseErrorCode, path: string): string | undefined {
  const value = prop(obj, name);
  if (absent(value)) return undefined;
  return typeof value === "string" ? value : fail(code, `${path}.${name}`, `${name} must be a string.`);
}

function optionalBoolean(obj: JsonObject, name: string, code: ParseErrorCode, path: string): boolean | undefined {
  const value = prop(obj, name);
  if (absent(value)) return undefined;
  return typeof value === "boolean" ? value : fail(code, `${path}.${name}`, `${name} must be true or false.`);
}

function parseAttribute(value: unknown, path: string): XacmlAttribute {
  if (!isObject(value)) return fail("invalid_attribute", path, "An attribute must be an object.");
  const id = prop(value, "AttributeId");
  if (typeof id !== "string" || id === "") return fail("invalid_attribute", `${path}.AttributeId`, "AttributeId must be a non-empty string.");
  const v = prop(value, "Value");
  // Altinn's XacmlJsonAttribute.Value is a string: numbers, booleans and bags do not deserialize.
  if (typeof v !== "string") return fail("invalid_attribute", `${path}.Value`, `The value of ${id} must be a string.`);
  const dataType = optionalString(value, "DataType", "invalid_attribute", path);
  const includeInResult = optionalBoolean(value, "IncludeInResult", "invalid_attribute", path);
  return {
    AttributeId: id,
    Value: v,
    ...(dataType !== undefined && { DataType: dataType }),
    ...(includeInResult && { IncludeInResult: true }),
  };
}

function parseCategory(value: unknown, path: string): XacmlCategory {
  if (!isObject(value)) return fail("invalid_category", path, "A category must be an object.");
  const id = optionalString(value, "Id", "invalid_category", path);
  const attributes = prop(value, "Attribute");
  if (!Array.isArray(attributes)) return fail("invalid_category", `${path}.Attribute`, "A category needs an Attribute array.");
  return {
    ...(id !== undefined && { Id: id }),
    Attribute: attributes.map((a, i) => parseAttribute(a, `${path}.Attribute[${i}]`)),
  };
}

function parseCategories(request: JsonObject, name: "AccessSubject" | "Action" | "Resource"): XacmlCategory[] {
  const path = `$.Request.${name}`;
  const value = prop(request, name);
  if (absent(value)) return fail("missing_category", path, `The request has no ${name} category.`);
  if (!Array.isArray(value)) return fail("invalid_category", path, `${name} must be an array of categories.`);
  if (value.length === 0) return fail("missing_category", path, `The request has no ${name} category.`);
  return value.map((c, i) => parseCategory(c, `${path}[${i}]`));
}

function parseMultiRequests(value: unknown): XacmlRequest["MultiRequests"] {
  const path = "$.Request.MultiRequests";
  if (absent(value)) return undefined;
  if (!isObject(value)) return fail("invalid_multi_requests", path, "MultiRequests must be an object.");
  const refs = prop(value, "RequestReference");
  if (!Array.isArray(refs)) return fail("invalid_multi_requests", `${path}.RequestReference`, "MultiRequests needs a RequestReference array.");
  const references = refs.map((ref, i): XacmlRequestReference => {
    const at = `${path}.RequestReference[${i}]`;
    if (!isObject(ref)) return fail("invalid_multi_requests", at, "A request reference must be an object.");
    const ids = prop(ref, "ReferenceId");
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string")) {
      return fail("invalid_multi_requests", `${at}.ReferenceId`, "ReferenceId must be an array of category ids (strings).");
    }
    return { ReferenceId: ids };
  });
  return { RequestReference: references };
}

/**
 * Validates an already-parsed JSON value as an Altinn XACML JSON request and returns it
 * normalised to PascalCase, with its individual decision requests resolved in request order.
 * Unknown members are ignored, as by the real deserializer; any structural problem is an error.
 */
export function parseXacmlRequest(value: unknown): ParseResult {
  try {
    if (!isObject(value)) return fail("not_an_object", "$", "The body must be a JSON object with a Request member.");
    const raw = prop(value, "Request");
    if (!isObject(raw)) return fail("missing_request", "$.Request", "The body must have a Request object.");
    const returnPolicyIdList = optionalBoolean(raw, "ReturnPolicyIdList", "invalid_request", "$.Request");
    const request: XacmlRequest = {
      ...(returnPolicyIdList && { ReturnPolicyIdList: true }),
      AccessSubject: parseCategories(raw, "AccessSubject"),
      Action: parseCategories(raw, "Action"),
      Resource: parseCategories(raw, "Resource"),
    };
    const multi = parseMultiRequests(prop(raw, "MultiRequests"));
    if (multi) request.MultiRequests = multi;
    const resolved = resolveReferences(request);
    if (!resolved.ok) return resolved;
    return { ok: true, request, references: resolved.references };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, code: error.code, detail: error.detail, path: error.path };
    throw error;
  }
}
