import { ACTION_ID, type XacmlAttribute, type XacmlRequestRoot } from "../altinn/xacml";

/** Splits at the last `:`, a bare word meaning a subresource: how Dialogporten turns URNs into attributes. */
function attr(urn: string, bareNamespace: string): XacmlAttribute {
  const at = urn.lastIndexOf(":");
  return at < 0 ? { AttributeId: bareNamespace, Value: urn } : { AttributeId: urn.slice(0, at), Value: urn.slice(at + 1) };
}

interface DpRequestInput {
  /** e.g. `urn:altinn:person:identifier-no:12345678901`. */
  subject: string;
  /** e.g. `urn:altinn:organization:identifier-no:713330310`. */
  party: string;
  /** e.g. `urn:altinn:resource:sandbox-mva-melding`. */
  resource: string;
  /** `[action, authorization attribute?]`; no attribute means `main`. */
  actions: [string, string?][];
  instance?: string;
}

/** Builds a multi-request the way DecisionRequestHelper.cs does (docs/real-systems.md §4.2), minus the app_ and override rules. */
export function dpRequest(input: DpRequestInput): XacmlRequestRoot {
  const pairs = input.actions
    .map(([name, a]) => ({ name, attribute: a ?? "main" }))
    .sort((x, y) => (x.name === y.name ? (x.attribute < y.attribute ? -1 : 1) : x.name < y.name ? -1 : 1));
  const names = [...new Set(pairs.map((p) => p.name))];
  const attributes = [...new Set(pairs.map((p) => p.attribute))];
  const resourceBase = [
    attr(input.resource, ""),
    attr(input.party, ""),
    { AttributeId: "urn:altinn:resource:instance-id", Value: input.instance ?? "urn:altinn:dialog-id:0194d0c2-0000-7000-8000-000000000000" },
  ];
  return {
    Request: {
      AccessSubject: [{ Id: "s1", Attribute: [attr(input.subject, "")] }],
      Action: names.map((n, i) => ({ Id: `a${i + 1}`, Attribute: [{ AttributeId: ACTION_ID, Value: n }] })),
      Resource: attributes.map((a, i) => ({ Id: `r${i + 1}`, Attribute: [...resourceBase, attr(a, "urn:altinn:subresource")] })),
      MultiRequests: {
        RequestReference: pairs.map((p) => ({ ReferenceId: ["s1", `r${attributes.indexOf(p.attribute) + 1}`, `a${names.indexOf(p.name) + 1}`] })),
      },
    },
  };
}

/** Labels each decision `action@attribute` (attribute value only), reading the pair back from the request by position. */
export function labelled(request: XacmlRequestRoot, decisions: string[]): Record<string, string> {
  const { Action, Resource, MultiRequests } = request.Request;
  const out: Record<string, string> = {};
  for (const [i, ref] of (MultiRequests?.RequestReference ?? []).entries()) {
    const [, r, a] = ref.ReferenceId;
    const action = Action.find((c) => c.Id === a)?.Attribute[0]?.Value;
    const attribute = Resource.find((c) => c.Id === r)?.Attribute.at(-1)?.Value;
    out[`${action}@${attribute}`] = decisions[i] ?? "missing";
  }
  return out;
}
