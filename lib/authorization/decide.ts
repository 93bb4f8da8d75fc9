import type { Policy, PolicyRule, RoleAssignment } from "../altinn/resource-registry";
import type { ServiceResource } from "../altinn/resource-registry";
import {
  MINIMUM_AUTHENTICATION_LEVEL_CATEGORY,
  OBLIGATION_AUTHENTICATION_LEVEL,
  XACML_STATUS,
  type XacmlDecision,
  type XacmlObligation,
  type XacmlResponseRoot,
  type XacmlResult,
  type XacmlRequest,
} from "../altinn/xacml";
import { readContext, type DecisionContext, type IndeterminateReason } from "./context";
import { echoedCategories } from "./echo";
import { resolveReferences, type ResolvedReference } from "./references";

export interface PdpData {
  policies: Policy[];
  roles: RoleAssignment[];
  resources: ServiceResource[];
}

export type ExplanationReason = "rule_permit" | "rule_deny" | "no_matching_rule" | "no_roles" | "no_policy" | "invalid_request" | IndeterminateReason;

/** Why a result came out as it did. Teaching data for the UI: it travels in the trace, never in the XACML body. */
export interface Explanation {
  reference: string[];
  action: string | null;
  subject: string | null;
  party: string | null;
  resourceId: string | null;
  attributes: { id: string; value: string }[];
  /** Roles and access packages the subject holds for the party. */
  roles: string[];
  decision: XacmlDecision;
  ruleId?: string;
  ruleDescription?: string;
  reason: ExplanationReason;
  detail: string;
}

interface Decisions {
  response: XacmlResponseRoot;
  /** One per `response.Response` entry, same order. */
  explanations: Explanation[];
}

type Complete = Extract<DecisionContext, { problem: null }>;

/**
 * Evaluates every individual decision request, in request order: Dialogporten maps results by
 * position (docs/real-systems.md §4.3), so the order is part of the contract.
 */
export function decide(request: XacmlRequest, data: PdpData): Decisions {
  const resolved = resolveReferences(request);
  if (!resolved.ok) {
    // Only reachable when the caller skipped the parser; XACML answers one Indeterminate for the whole request.
    const result: XacmlResult = { Decision: "Indeterminate", Status: { StatusMessage: resolved.detail, StatusCode: { Value: XACML_STATUS.syntaxError } } };
    const explanation: Explanation = {
      reference: [],
      action: null,
      subject: null,
      party: null,
      resourceId: null,
      attributes: [],
      roles: [],
      decision: "Indeterminate",
      reason: "invalid_request",
      detail: `The request is not a valid multi-request (${resolved.code}): ${resolved.detail}`,
    };
    return { response: { Response: [result] }, explanations: [explanation] };
  }
  const results = resolved.references.map((ref) => decideOne(ref, data));
  return { response: { Response: results.map((r) => r.result) }, explanations: results.map((r) => r.explanation) };
}

function decideOne(ref: ResolvedReference, data: PdpData): { result: XacmlResult; explanation: Explanation } {
  const ctx = readContext(ref);
  const roles = ctx.subject !== null && ctx.party !== null ? rolesFor(ctx.subject, ctx.party, data.roles) : [];
  const base = {
    reference: ref.reference,
    action: ctx.action,
    subject: ctx.subject,
    party: ctx.party,
    resourceId: ctx.resourceId,
    attributes: ctx.attributes,
    roles,
  };
  const category = echoedCategories(ref);
  const withCategory = (result: XacmlResult): XacmlResult => (category.length > 0 ? { ...result, Category: category } : result);

  if (ctx.problem) {
    const { problem } = ctx;
    const status = problem.status === "missing-attribute" ? XACML_STATUS.missingAttribute : XACML_STATUS.processingError;
    return {
      result: withCategory({ Decision: "Indeterminate", Status: { StatusMessage: problem.message, StatusCode: { Value: status } } }),
      explanation: { ...base, decision: "Indeterminate", reason: problem.reason, detail: problem.detail },
    };
  }

  const ok = (decision: XacmlDecision, obligations?: XacmlObligation[]): XacmlResult =>
    withCategory({ Decision: decision, Status: { StatusCode: { Value: XACML_STATUS.ok } }, ...(obligations && { Obligations: obligations }) });

  const policy = data.policies.find((p) => p.resource === ctx.policyKey);
  if (!policy) {
    return {
      result: ok("NotApplicable"),
      explanation: { ...base, decision: "NotApplicable", reason: "no_policy", detail: `There is no policy for ${ctx.resourceId}, so nothing applies.` },
    };
  }

  const matching = policy.rules.filter((rule) => ruleMatches(rule, ctx, roles));
  // Deny-overrides: one matching Deny rule decides, whatever else permits.
  const deny = matching.find((r) => r.effect === "Deny");
  const permit = matching.find((r) => r.effect === "Permit");
  const rule = deny ?? permit;
  if (rule) {
    const decision = rule.effect;
    const reason = decision === "Permit" ? "rule_permit" : "rule_deny";
    const overridden = deny && permit ? ` Deny overrides the permit from rule ${permit.id}.` : "";
    const obligations = decision === "Permit" ? authenticationLevelObligation(policy, data.resources, ctx.resourceId) : undefined;
    return {
      result: ok(decision, obligations),
      explanation: { ...base, decision, ruleId: rule.id, ruleDescription: rule.description, reason, detail: matchSentence(rule, ctx, roles) + overridden },
    };
  }

  if (roles.length === 0) {
    return {
      result: ok("NotApplicable"),
      explanation: {
        ...base,
        decision: "NotApplicable",
        reason: "no_roles",
        detail: `${ctx.subject} holds no role or access package for ${ctx.party}, so no rule of the ${policy.resource} policy can apply.`,
      },
    };
  }
  const on = ctx.attributes.length > 0 ? ` on ${ctx.attributes.map((a) => `${a.id}=${a.value}`).join(", ")}` : "";
  return {
    result: ok("NotApplicable"),
    explanation: {
      ...base,
      decision: "NotApplicable",
      reason: "no_matching_rule",
      detail: `No rule of the ${policy.resource} policy gives "${ctx.action}"${on} to a holder of ${roles.join(", ")}.`,
    },
  };
}

/** The policy information point: roles are keyed by subject and party exactly as the request spells them. */
function rolesFor(subject: string, party: string, assignments: RoleAssignment[]): string[] {
  const roles = assignments.filter((a) => a.subject === subject && a.party === party).flatMap((a) => a.roles);
  return [...new Set(roles)];
}

/**
 * A rule's resource attributes only have to be present; extra request attributes never stop a match.
 * So a rule without any matches every subresource and task (docs/real-systems.md §4.4).
 */
function ruleMatches(rule: PolicyRule, ctx: Complete, roles: string[]): boolean {
  return (
    rule.actions.includes(ctx.action) &&
    rule.subjects.some((s) => roles.includes(s)) &&
    rule.resource.every((want) => ctx.resourceAttributes.some((a) => a.AttributeId === want.id && a.Value === want.value))
  );
}

function matchSentence(rule: PolicyRule, ctx: Complete, roles: string[]): string {
  const role = rule.subjects.find((s) => roles.includes(s)) ?? "";
  const scope =
    rule.resource.length === 0
      ? "the rule names no subresource or task, so it matches any of them"
      : `the request carries ${rule.resource.map((r) => `${r.id}=${r.value}`).join(" and ")}`;
  return `Rule ${rule.id} (${rule.effect}) matches: the subject holds ${role} for ${ctx.party}, the action is "${ctx.action}", and ${scope}.`;
}

/**
 * Altinn puts the resource's minimum authentication level on every Permit as an obligation. The level is the
 * policy's own when it names one (a workspace's edited policy), else the resource registry's.
 */
function authenticationLevelObligation(policy: Policy, resources: ServiceResource[], resourceId: string | null): XacmlObligation[] | undefined {
  const level = policy.minimumAuthenticationLevel ?? resources.find((r) => r.id === resourceId)?.minimumAuthenticationLevel;
  if (level === undefined) return undefined;
  return [
    {
      Id: OBLIGATION_AUTHENTICATION_LEVEL,
      AttributeAssignment: [
        {
          AttributeId: "urn:altinn:obligation-assignment:1",
          Value: String(level),
          Category: MINIMUM_AUTHENTICATION_LEVEL_CATEGORY,
          DataType: "http://www.w3.org/2001/XMLSchema#integer",
        },
      ],
    },
  ];
}
