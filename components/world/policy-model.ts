import { getAltinnActions, MAIN } from "@/lib/altinn/actions";
import { splitUrn } from "@/lib/altinn/identifiers";
import type { PolicyDocument } from "@/lib/altinn/policy-document";
import { principalFromClaims } from "@/lib/altinn/principal";
import type { Policy, PolicyRule, ServiceResource } from "@/lib/altinn/resource-registry";
import { seedDialogs } from "@/lib/seed/dialogs";
import { PARTY_NAMES } from "@/lib/seed/parties";
import { personas } from "@/lib/seed/personas";
import { roleAssignments } from "@/lib/seed/policies";
import { serviceResources } from "@/lib/seed/resources";

/**
 * What the policy editor works out from the seed, without React: which resource a policy is for, who holds
 * a role, which actions and attributes the seed's dialogs ask about, and where the server's validation
 * errors belong. The editor edits the same PolicyDocument the workspace API stores.
 */

export type Attributes = PolicyRule["resource"];

/** The resource registry's entry for a policy, whose key is the resource id without `urn:altinn:resource:`. */
export function resourceOf(policy: Pick<Policy, "resource">): ServiceResource | undefined {
  return serviceResources.find((r) => r.id === `urn:altinn:resource:${policy.resource}`);
}

/** Every policy with its level spelled out (the resource registry's when the policy names none): the level the PDP will use. */
export function withLevels(document: PolicyDocument): PolicyDocument {
  return {
    policies: document.policies.map((p) => {
      const level = p.minimumAuthenticationLevel ?? resourceOf(p)?.minimumAuthenticationLevel;
      return level === undefined ? p : { ...p, minimumAuthenticationLevel: level };
    }),
  };
}

/** Whether two documents decide alike as the editor shows them (a level left out is the registry's). */
export const sameDocument = (a: PolicyDocument, b: PolicyDocument): boolean => JSON.stringify(withLevels(a)) === JSON.stringify(withLevels(b));

/** One persona holding a role for one party, as the seed's role assignments (the policy information point) say. */
export interface Holder {
  persona: string;
  party: string;
  /** The persona acts for itself. */
  self: boolean;
}

const subjectOf = (claims: Record<string, unknown>) => {
  const p = principalFromClaims(claims);
  return p.ok ? { subject: `${p.principal.subject.id}:${p.principal.subject.value}`, partyId: p.principal.partyId, own: p.principal.consumer } : null;
};

/** Which personas hold `role`, and for whom: the role codes of a rule in people's names. */
export function holdersOf(role: string): Holder[] {
  return roleAssignments
    .filter((a) => a.roles.includes(role))
    .flatMap((a) =>
      personas.flatMap((persona) => {
        const who = subjectOf(persona.claims);
        if (who?.subject !== a.subject) return [];
        // A self-registered user's own party is asked about by party id (docs/real-systems.md §4.2).
        const own = a.party === who.own || a.party === `urn:altinn:partyid:${who.partyId}`;
        return [{ persona: persona.name, party: own ? persona.name : (PARTY_NAMES[a.party] ?? a.party), self: own }];
      }),
    );
}

const unique = <T>(list: T[]): T[] => [...new Set(list)];
const rulesOf = (document: PolicyDocument) => document.policies.flatMap((p) => p.rules);

/** The roles and access packages to offer: those the seed assigns, then any other a document names. */
export function roleChoices(...documents: PolicyDocument[]): string[] {
  return unique([...roleAssignments.flatMap((a) => a.roles), ...documents.flatMap((d) => rulesOf(d).flatMap((r) => r.subjects))]);
}

/** The order people think of actions in: reading before writing, signing and deleting, then subresources. */
const COMMON_ACTIONS = ["read", "write", "sign", "delete", "transmissionread"];

/** The actions to offer: those the seed's dialogs ask the PDP about, then any other a document names. */
export function actionChoices(...documents: PolicyDocument[]): string[] {
  const asked = unique(seedDialogs.flatMap((d) => getAltinnActions(d).map((a) => a.name)));
  const rank = (a: string) => (COMMON_ACTIONS.includes(a) ? COMMON_ACTIONS.indexOf(a) : COMMON_ACTIONS.length);
  return unique([...asked.sort((a, b) => rank(a) - rank(b)), ...documents.flatMap((d) => rulesOf(d).flatMap((r) => r.actions))]);
}

/** A dialog's stored attribute as the PDP sees it (`DecisionRequestHelper`): "main" and a bare name are subresources. */
function attributeOf(attribute: string): Attributes[number] {
  if (attribute === MAIN) return { id: "urn:altinn:subresource", value: MAIN };
  const { id, value } = splitUrn(attribute);
  return { id: id || "urn:altinn:subresource", value };
}

/**
 * What a rule of this policy can apply to: anything (no attribute), each subresource and task the seed's
 * dialogs of the resource ask about, and whatever the policy's rules already name. An attribute naming
 * another resource is decided by that resource's policy, so it is not offered here.
 */
export function attributeChoices(policy: Policy, ...others: Policy[]): Attributes[] {
  const resource = resourceOf(policy)?.id;
  const asked = seedDialogs
    .filter((d) => d.serviceResource === resource)
    .flatMap((d) => getAltinnActions(d).map((a) => attributeOf(a.attribute)))
    .filter((a) => !a.id.startsWith("urn:altinn:resource"))
    .sort((a, b) => a.id.localeCompare(b.id) || Number(b.value === MAIN) - Number(a.value === MAIN) || a.value.localeCompare(b.value))
    .map((a) => [a]);
  const named = [policy, ...others].flatMap((p) => p.rules.map((r) => r.resource));
  const seen = new Set<string>();
  return [[], ...asked, ...named].filter((list) => {
    const key = attributesKey(list);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const attributesKey = (list: Attributes): string => JSON.stringify(list.map((a) => [a.id, a.value]));

/** A new rule that permits nothing yet, with an id that follows the policy's own (`mva-7` after `mva-6`). */
export function newRule(policy: Policy): PolicyRule {
  const ids = policy.rules.map((r) => /^(.*)-(\d+)$/.exec(r.id)).filter((m) => m !== null);
  const prefix = ids[0]?.[1] ?? policy.resource;
  const next = Math.max(0, ...ids.filter((m) => m[1] === prefix).map((m) => Number(m[2]))) + 1;
  return { id: `${prefix}-${next}`, description: "", effect: "Permit", subjects: [], actions: [], resource: [] };
}

/** The server's messages for one field: its own path and everything below it (`…actions` holds `…actions[0]`). */
export function errorsAt(errors: Record<string, string[]> | undefined, path: string): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`))
    .flatMap(([, messages]) => messages);
}

/** The fields the editor shows errors beside; anything else the server names is listed with its path. */
export const RULE_FIELDS = ["id", "description", "effect", "subjects", "actions", "resource"] as const;

export function fieldPaths(document: PolicyDocument): string[] {
  return document.policies.flatMap((p, i) => [
    `$.policies[${i}].minimumAuthenticationLevel`,
    ...p.rules.flatMap((_, j) => RULE_FIELDS.map((f) => `$.policies[${i}].rules[${j}].${f}`)),
  ]);
}

/** The errors no field of the editor shows: the document's own, a policy's resource, an unknown property. */
export function otherErrors(errors: Record<string, string[]> | undefined, document: PolicyDocument): [string, string[]][] {
  const shown = fieldPaths(document);
  return Object.entries(errors ?? {}).filter(([key]) => !shown.some((path) => errorsAt({ [key]: [""] }, path).length > 0));
}
