import { ACTION_ID, type XacmlAttribute, type XacmlCategory } from "../altinn/xacml";
import type { ResolvedReference } from "./references";

/** Attribute ids the PDP understands (docs/real-systems.md §4.2). */
const ATTR = {
  resource: "urn:altinn:resource",
  app: "urn:altinn:app",
  org: "urn:altinn:org",
  instanceId: "urn:altinn:resource:instance-id",
  person: "urn:altinn:person:identifier-no",
  organization: "urn:altinn:organization:identifier-no",
  partyId: "urn:altinn:partyid",
  systemUser: "urn:altinn:systemuser:uuid",
  userId: "urn:altinn:userid",
} as const;

const SUBJECT_ATTRIBUTES: readonly string[] = [ATTR.userId, ATTR.person, ATTR.systemUser];
const PARTY_ATTRIBUTES: readonly string[] = [ATTR.organization, ATTR.person, ATTR.partyId];
const NOT_CONTEXT: readonly string[] = [ATTR.resource, ATTR.app, ATTR.org, ATTR.instanceId, ...PARTY_ATTRIBUTES];

export type IndeterminateReason =
  | "missing_subject"
  | "multiple_subjects"
  | "missing_action"
  | "multiple_actions"
  | "missing_resource"
  | "multiple_resources"
  | "missing_party"
  | "multiple_parties";

export interface Problem {
  reason: IndeterminateReason;
  status: "missing-attribute" | "processing-error";
  /** Goes on the wire as StatusMessage, so it states the fault and nothing more. */
  message: string;
  detail: string;
}

interface ContextFields {
  action: string | null;
  /** `<attribute id>:<value>`, the key format of role assignments. */
  subject: string | null;
  party: string | null;
  /** The key policies are stored under: the `urn:altinn:resource` value, or `app_<org>_<app>`. */
  policyKey: string | null;
  resourceId: string | null;
  /** Subresource, task and any other attribute a rule may test. */
  attributes: { id: string; value: string }[];
  resourceAttributes: XacmlAttribute[];
}

/** What one decision request says, read leniently so an explanation can show every part that is there. */
export type DecisionContext =
  | (ContextFields & { problem: Problem })
  | (ContextFields & { problem: null; action: string; subject: string; party: string; policyKey: string; resourceId: string });

type Read = { ok: true; value: string } | { ok: false; problem: Problem };

const missing = (reason: IndeterminateReason, message: string, detail: string): Read => ({
  ok: false,
  problem: { reason, status: "missing-attribute", message, detail },
});
const ambiguous = (reason: IndeterminateReason, message: string, detail: string): Read => ({
  ok: false,
  problem: { reason, status: "processing-error", message, detail },
});

/** Distinct `<id>:<value>` keys of the attributes with one of `ids`: a repeated identical attribute is still one. */
function keys(category: XacmlCategory, ids: readonly string[]): string[] {
  return [...new Set(category.Attribute.filter((a) => ids.includes(a.AttributeId)).map((a) => `${a.AttributeId}:${a.Value}`))];
}

function values(category: XacmlCategory, id: string): string[] {
  return [...new Set(category.Attribute.filter((a) => a.AttributeId === id).map((a) => a.Value))];
}

function readSubject(category: XacmlCategory): Read {
  const found = keys(category, SUBJECT_ATTRIBUTES);
  if (found.length === 1) return { ok: true, value: found[0]! };
  if (found.length === 0) {
    return missing(
      "missing_subject",
      "Missing subject attribute",
      `The AccessSubject category has none of ${SUBJECT_ATTRIBUTES.join(", ")}, so the PDP cannot tell who is asking.`,
    );
  }
  return ambiguous(
    "multiple_subjects",
    "More than one subject attribute",
    `The AccessSubject category has ${found.length} identifier attributes; the PDP evaluates exactly one (which is why Dialogporten sends a single one).`,
  );
}

function readAction(category: XacmlCategory): Read {
  const found = values(category, ACTION_ID);
  if (found.length === 1) return { ok: true, value: found[0]! };
  if (found.length === 0) return missing("missing_action", `Missing attribute ${ACTION_ID}`, `The Action category has no ${ACTION_ID} attribute.`);
  return ambiguous("multiple_actions", "More than one action", `The Action category names ${found.length} actions; one decision is about one action.`);
}

function readParty(category: XacmlCategory): Read {
  const found = keys(category, PARTY_ATTRIBUTES);
  if (found.length === 1) return { ok: true, value: found[0]! };
  if (found.length === 0) {
    return missing(
      "missing_party",
      "Missing party attribute",
      `The Resource category has none of ${PARTY_ATTRIBUTES.join(", ")}, so the PDP cannot tell whose data this is.`,
    );
  }
  return ambiguous(
    "multiple_parties",
    "More than one party attribute",
    `The Resource category names ${found.length} parties; one decision is about one party.`,
  );
}

export function readContext(ref: ResolvedReference): DecisionContext {
  const subject = readSubject(ref.subject);
  const action = readAction(ref.action);
  const resource = readResource(ref.resource);
  const party = readParty(ref.resource);
  const fields: ContextFields = {
    action: action.ok ? action.value : null,
    subject: subject.ok ? subject.value : null,
    party: party.ok ? party.value : null,
    policyKey: resource.ok ? resource.value : null,
    resourceId: resource.ok ? `${ATTR.resource}:${resource.value}` : null,
    attributes: ref.resource.Attribute.filter((a) => !NOT_CONTEXT.includes(a.AttributeId)).map((a) => ({ id: a.AttributeId, value: a.Value })),
    resourceAttributes: ref.resource.Attribute,
  };
  if (subject.ok && action.ok && resource.ok && party.ok) {
    return {
      ...fields,
      problem: null,
      action: action.value,
      subject: subject.value,
      party: party.value,
      policyKey: resource.value,
      resourceId: `${ATTR.resource}:${resource.value}`,
    };
  }
  // At least one read failed (the branch above took the rest); report the first, in subject-action-resource-party order.
  const problem = [subject, action, resource, party].flatMap((r) => (r.ok ? [] : [r.problem]))[0]!;
  return { ...fields, problem };
}

/**
 * The resource registry id wins over app/org, as in Altinn's policy retrieval: Dialogporten removes
 * the defaults when an authorization attribute names another resource, so both never come together.
 */
function readResource(category: XacmlCategory): Read {
  const resources = values(category, ATTR.resource);
  if (resources.length === 1) return { ok: true, value: resources[0]! };
  if (resources.length > 1) {
    return ambiguous(
      "multiple_resources",
      "More than one resource",
      `The Resource category names ${resources.length} values of ${ATTR.resource}; one decision is about one resource.`,
    );
  }
  const apps = values(category, ATTR.app);
  const orgs = values(category, ATTR.org);
  if (apps.length === 1 && orgs.length === 1) return { ok: true, value: `app_${orgs[0]!}_${apps[0]!}` };
  if (apps.length > 1 || orgs.length > 1) {
    return ambiguous("multiple_resources", "More than one app or org", `The Resource category names more than one ${ATTR.app} or ${ATTR.org}.`);
  }
  return missing(
    "missing_resource",
    `Missing attribute ${ATTR.resource}`,
    `The Resource category has no ${ATTR.resource} (nor both ${ATTR.app} and ${ATTR.org}), so the PDP cannot find a policy.`,
  );
}
