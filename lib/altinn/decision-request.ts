import { splitUrn } from "./identifiers";
import type { XacmlAttribute, XacmlCategory, XacmlRequestRoot, XacmlResult } from "./xacml";
import { ACTION_ID, MINIMUM_AUTHENTICATION_LEVEL_CATEGORY } from "./xacml";
import type { AltinnAction } from "./actions";
import { MAIN } from "./actions";
import type { Dialog } from "./dialog";
import type { Principal } from "./principal";

const OVERRIDING = new Set(["urn:altinn:resource", "urn:altinn:app", "urn:altinn:org"]);

function resourceAttributes(serviceResource: string): XacmlAttribute[] {
  const { id, value } = splitUrn(serviceResource);
  const app = /^app_([^_]+)_(.+)$/.exec(value);
  if (id === "urn:altinn:resource" && app) {
    return [
      { AttributeId: "urn:altinn:app", Value: app[2]! },
      { AttributeId: "urn:altinn:org", Value: app[1]! },
    ];
  }
  return [{ AttributeId: id, Value: value }];
}

function partyAttribute(dialog: Dialog, principal: Principal): XacmlAttribute {
  // Self-identified users' own party is addressed by party id (docs/real-systems.md §4.2).
  if (principal.kind === "email-user" && principal.partyId && dialog.party === principal.consumer) {
    return { AttributeId: "urn:altinn:partyid", Value: principal.partyId };
  }
  const { id, value } = splitUrn(dialog.party);
  return { AttributeId: id, Value: value };
}

function attributeOf(attribute: string): XacmlAttribute {
  const { id, value } = splitUrn(attribute);
  return { AttributeId: id || "urn:altinn:subresource", Value: value };
}

/**
 * `DecisionRequestHelper.CreateDialogDetailsRequest`: one subject `s1`, one action category per
 * distinct action name (`a1…`), one resource category per distinct attribute incl. "main" (`r1…`),
 * and a reference `[s1, r<k>, a<j>]` per pair in sorted order — the order results come back in.
 */
export function buildDecisionRequest(principal: Principal, dialog: Dialog, actions: AltinnAction[]): XacmlRequestRoot {
  const actionNames = [...new Set(actions.map((a) => a.name))];
  const attributes = [...new Set(actions.map((a) => a.attribute))];
  const base = resourceAttributes(dialog.serviceResource);
  const party = partyAttribute(dialog, principal);
  const instance: XacmlAttribute = { AttributeId: "urn:altinn:resource:instance-id", Value: `urn:altinn:dialog-id:${dialog.id.toLowerCase()}` };

  const Resource: XacmlCategory[] = attributes.map((attr, i) => {
    const own = attributeOf(attr === MAIN ? MAIN : attr);
    const overrides = OVERRIDING.has(own.AttributeId);
    const list = overrides ? [party, own] : [...base, party, instance, own];
    return { Id: `r${i + 1}`, Attribute: list };
  });
  const Action: XacmlCategory[] = actionNames.map((name, i) => ({ Id: `a${i + 1}`, Attribute: [{ AttributeId: ACTION_ID, Value: name }] }));
  const RequestReference = actions.map((a) => ({
    ReferenceId: ["s1", `r${attributes.indexOf(a.attribute) + 1}`, `a${actionNames.indexOf(a.name) + 1}`],
  }));
  return {
    Request: {
      AccessSubject: [{ Id: "s1", Attribute: [{ AttributeId: principal.subject.id, Value: principal.subject.value }] }],
      Action,
      Resource,
      MultiRequests: { RequestReference },
    },
  };
}

export interface PairDecision extends AltinnAction {
  decision: string;
}

/** Why a call to the PDP gave no decision; the caller then fails closed. */
export const PDP_CALL_CODES = ["pdp_unreachable", "pdp_error", "pdp_garbage"] as const;
export type PdpCallCode = (typeof PDP_CALL_CODES)[number];

export type DecisionOutcome =
  | {
      ok: true;
      decisions: PairDecision[];
      permitted: AltinnAction[];
      missing: number;
      /** The minimum authentication level the Permits' obligations demand (see `obligedLevel`); absent when none names one. */
      minimumAuthenticationLevel?: number;
    }
  | { ok: false; code: Extract<PdpCallCode, "pdp_garbage">; detail: string };

/**
 * Maps results to pairs by position (`CreateDialogDetailsResponse`, docs/real-systems.md §4.3, §9): only the
 * exact string "Permit" authorizes; a missing result (or a missing `Response`, read as `?? []`) counts as not
 * permitted; results beyond the request count are ignored (`Math.Min`). What would fail the real client's
 * JSON deserialization (not an object, a `Response` that is not a list, a result that is not an object or a
 * `Decision` that is not a string) is garbage, and Dialogporten must fail closed.
 */
export function readDecisionResponse(body: unknown, actions: AltinnAction[]): DecisionOutcome {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, code: "pdp_garbage", detail: "The PDP answer is not a XACML JSON object." };
  const raw = (body as { Response?: unknown }).Response ?? [];
  if (!Array.isArray(raw)) return { ok: false, code: "pdp_garbage", detail: "The PDP answer's Response is not an array." };
  const list = raw.slice(0, actions.length) as unknown[];
  const decisions: PairDecision[] = [];
  for (const [i, action] of actions.entries()) {
    if (i >= list.length) {
      decisions.push({ ...action, decision: "Missing" });
      continue;
    }
    const result = list[i] as XacmlResult | null;
    const decision = typeof result === "object" && result !== null ? (result.Decision as unknown) : undefined;
    if (typeof result !== "object" || result === null || (decision !== undefined && decision !== null && typeof decision !== "string")) {
      return { ok: false, code: "pdp_garbage", detail: `Result ${i + 1} is not a XACML result.` };
    }
    decisions.push({ ...action, decision: typeof decision === "string" ? decision : "None" });
  }
  const level = obligedLevel(list, decisions);
  return {
    ok: true,
    decisions,
    permitted: decisions.filter((d) => d.decision === "Permit").map(({ name, attribute }) => ({ name, attribute })),
    missing: actions.length - list.length,
    ...(level !== undefined && { minimumAuthenticationLevel: level }),
  };
}

/**
 * The level in the `urn:altinn:minimum-authenticationlevel` obligation of the Permits on the dialog's own
 * resource (a pair whose attribute names another resource was decided by that resource's policy, so its
 * level is not this dialog's). Every Permit of one policy carries the same level; the highest is taken so
 * a disagreement can only make the check stricter. Obligations that do not read as an integer are ignored.
 */
function obligedLevel(results: unknown[], decisions: PairDecision[]): number | undefined {
  let level: number | undefined;
  decisions.forEach((d, i) => {
    if (d.decision !== "Permit" || OVERRIDING.has(attributeOf(d.attribute).AttributeId)) return;
    const obligations = (results[i] as { Obligations?: unknown }).Obligations;
    for (const o of Array.isArray(obligations) ? obligations : []) {
      const assignments = (o as { AttributeAssignment?: unknown } | null)?.AttributeAssignment;
      for (const a of Array.isArray(assignments) ? (assignments as unknown[]) : []) {
        const { Category, Value } = (a ?? {}) as { Category?: unknown; Value?: unknown };
        if (Category !== MINIMUM_AUTHENTICATION_LEVEL_CATEGORY || typeof Value !== "string" || !/^\d{1,2}$/.test(Value)) continue;
        level = Math.max(level ?? 0, Number(Value));
      }
    }
  });
  return level;
}
