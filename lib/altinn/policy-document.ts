import type { Policy, PolicyRule } from "./resource-registry";

/**
 * A workspace's own policies, as the policy editor exports them and the workspace API accepts them: the
 * same `Policy` shapes the PDP evaluates (resource-registry.ts), as JSON, each with an optional minimum
 * authentication level (the obligation real Altinn policies carry). A workspace without one uses the seed's. Shared by the sandbox API (which validates and stores it) and the PDP (which reads it), so
 * neither imports the other (docs/design.md, principle 9).
 */
export interface PolicyDocument {
  policies: Policy[];
}

/** Says whether a GET answered the workspace's own policies or the seed's, without touching the document itself. */
export const POLICY_SOURCE_HEADER = "sandbox-policy-source";

/** The workspace store key the document lives under. */
export const POLICIES_KEY = "policies";

/** Bounds that keep one workspace's policies small enough to store, evaluate and put in a link. */
export const POLICY_LIMITS = { policies: 20, rules: 40, list: 20, string: 200, description: 500 } as const;

/** Altinn's authentication levels: 0 self-registered, 1–2 low, 3 substantial, 4 high (a policy's obligation names one). */
export const AUTHENTICATION_LEVELS = [0, 1, 2, 3, 4] as const;
export type AuthenticationLevel = (typeof AUTHENTICATION_LEVELS)[number];

export type PolicyDocumentResult = { ok: true; value: PolicyDocument } | { ok: false; errors: Record<string, string[]> };

type Errors = Record<string, string[]>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function add(errors: Errors, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, errors: Errors): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) add(errors, `${path}.${key}`, "This property is not part of a policy document.");
}

function text(value: unknown, path: string, errors: Errors, max: number = POLICY_LIMITS.string): string {
  if (typeof value !== "string" || value.trim() === "") add(errors, path, "Must be a non-empty string.");
  else if (value.length > max) add(errors, path, `Must be at most ${max} characters.`);
  return typeof value === "string" ? value : "";
}

function texts(value: unknown, path: string, errors: Errors): string[] {
  if (!Array.isArray(value)) {
    add(errors, path, "Must be a list of strings.");
    return [];
  }
  if (value.length > POLICY_LIMITS.list) add(errors, path, `Must hold at most ${POLICY_LIMITS.list} entries.`);
  return value.map((v, i) => text(v, `${path}[${i}]`, errors));
}

/**
 * A rule's description is optional free text: absent and empty are the same, so a document read back from
 * the API (where an absent one reads as "") imports again unchanged.
 */
function note(value: unknown, path: string, errors: Errors): string {
  if (value === undefined) return "";
  if (typeof value !== "string") add(errors, path, "Must be a string.");
  else if (value.length > POLICY_LIMITS.description) add(errors, path, `Must be at most ${POLICY_LIMITS.description} characters.`);
  return typeof value === "string" ? value : "";
}

function rule(value: unknown, path: string, errors: Errors): PolicyRule {
  if (!isObject(value)) {
    add(errors, path, "A rule is an object.");
    return { id: "", description: "", effect: "Deny", subjects: [], actions: [], resource: [] };
  }
  onlyKeys(value, ["id", "description", "effect", "subjects", "actions", "resource"], path, errors);
  if (value.effect !== "Permit" && value.effect !== "Deny") add(errors, `${path}.effect`, 'Must be "Permit" or "Deny".');
  const resource = Array.isArray(value.resource) ? value.resource : [];
  if (!Array.isArray(value.resource)) add(errors, `${path}.resource`, "Must be a list of {id, value} attributes (empty: any).");
  if (resource.length > POLICY_LIMITS.list) add(errors, `${path}.resource`, `Must hold at most ${POLICY_LIMITS.list} attributes.`);
  return {
    id: text(value.id, `${path}.id`, errors),
    description: note(value.description, `${path}.description`, errors),
    effect: value.effect === "Permit" ? "Permit" : "Deny",
    subjects: texts(value.subjects, `${path}.subjects`, errors),
    actions: texts(value.actions, `${path}.actions`, errors),
    resource: resource.map((a: unknown, i) => {
      const at = `${path}.resource[${i}]`;
      if (!isObject(a)) {
        add(errors, at, "An attribute is an object {id, value}.");
        return { id: "", value: "" };
      }
      onlyKeys(a, ["id", "value"], at, errors);
      return { id: text(a.id, `${at}.id`, errors), value: text(a.value, `${at}.value`, errors) };
    }),
  };
}

/**
 * Checks a document strictly: unknown properties, wrong types and oversized lists are errors, reported
 * per JSON path in the `errors` dictionary shape the real APIs use for validation problems.
 */
export function parsePolicyDocument(value: unknown): PolicyDocumentResult {
  const errors: Errors = {};
  if (!isObject(value)) return { ok: false, errors: { $: ["A policy document is an object {policies: [...]}."] } };
  onlyKeys(value, ["policies"], "$", errors);
  if (!Array.isArray(value.policies)) return { ok: false, errors: { ...errors, "$.policies": ["Must be a list of policies."] } };
  if (value.policies.length > POLICY_LIMITS.policies) add(errors, "$.policies", `Must hold at most ${POLICY_LIMITS.policies} policies.`);
  const seen = new Set<string>();
  const policies = value.policies.map((p: unknown, i): Policy => {
    const path = `$.policies[${i}]`;
    if (!isObject(p)) {
      add(errors, path, "A policy is an object {resource, rules, minimumAuthenticationLevel?}.");
      return { resource: "", rules: [] };
    }
    onlyKeys(p, ["resource", "rules", "minimumAuthenticationLevel"], path, errors);
    const resource = text(p.resource, `${path}.resource`, errors);
    if (seen.has(resource)) add(errors, `${path}.resource`, "Each resource has one policy.");
    seen.add(resource);
    if (!Array.isArray(p.rules)) add(errors, `${path}.rules`, "Must be a list of rules.");
    const rules = Array.isArray(p.rules) ? p.rules : [];
    if (rules.length > POLICY_LIMITS.rules) add(errors, `${path}.rules`, `Must hold at most ${POLICY_LIMITS.rules} rules.`);
    const level = p.minimumAuthenticationLevel;
    const known = level === undefined || AUTHENTICATION_LEVELS.includes(level as AuthenticationLevel);
    if (!known) add(errors, `${path}.minimumAuthenticationLevel`, `Must be one of the authentication levels ${AUTHENTICATION_LEVELS.join(", ")}.`);
    return {
      resource,
      rules: rules.map((r: unknown, j) => rule(r, `${path}.rules[${j}]`, errors)),
      ...(level !== undefined && known && { minimumAuthenticationLevel: level as AuthenticationLevel }),
    };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { policies } };
}
