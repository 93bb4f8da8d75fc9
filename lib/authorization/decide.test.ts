import { describe, expect, it } from "vitest";
import type { Policy, RoleAssignment } from "../altinn/resource-registry";
import type { ServiceResource } from "../altinn/resource-registry";
import { ACTION_ID, OBLIGATION_AUTHENTICATION_LEVEL, XACML_STATUS, type XacmlRequest, type XacmlRequestRoot } from "../altinn/xacml";
import { decide, type PdpData } from "./decide";
import { parseXacmlRequest } from "./parse";
import { dpRequest, labelled } from "./request.test-helper";

const PERSON = "urn:altinn:person:identifier-no:12345678901";
const ORG = "urn:altinn:organization:identifier-no:713330310";
const DAGL = "urn:altinn:rolecode:DAGL";
const PKG = "urn:altinn:accesspackage:x";

const policies: Policy[] = [
  {
    resource: "some-service",
    rules: [
      {
        id: "p-main",
        description: "DAGL may read and write.",
        effect: "Permit",
        subjects: [DAGL],
        actions: ["read", "write"],
        resource: [{ id: "urn:altinn:subresource", value: "main" }],
      },
      { id: "p-any", description: "The package may read anything.", effect: "Permit", subjects: [PKG], actions: ["read", "sign"], resource: [] },
      {
        id: "d-sign",
        description: "The package may not sign.",
        effect: "Deny",
        subjects: [PKG],
        actions: ["sign"],
        resource: [{ id: "urn:altinn:task", value: "Task_1" }],
      },
    ],
  },
  {
    resource: "app_ttd_demo",
    rules: [{ id: "app-1", description: "DAGL may read the app.", effect: "Permit", subjects: [DAGL], actions: ["read"], resource: [] }],
  },
];
const roles: RoleAssignment[] = [
  { subject: PERSON, party: ORG, roles: [DAGL] },
  { subject: "urn:altinn:userid:7", party: ORG, roles: [PKG] },
];
const resources: ServiceResource[] = [{ id: "urn:altinn:resource:some-service", title: "Some service", org: "ttd", minimumAuthenticationLevel: 2 }];
const data: PdpData = { policies, roles, resources };

function run(body: unknown) {
  const parsed = parseXacmlRequest(body);
  if (!parsed.ok) throw new Error(`${parsed.code}: ${parsed.detail}`);
  return decide(parsed.request, data);
}

const req = (subject: string, actions: [string, string?][], resource = "urn:altinn:resource:some-service") =>
  dpRequest({ subject, party: ORG, resource, actions });
const decisionsOf = (request: XacmlRequestRoot) =>
  labelled(
    request,
    run(request).response.Response.map((r) => r.Decision),
  );

describe("decide", () => {
  it("evaluates the exact example wire request of docs/real-systems.md §4.2, by position", () => {
    const wire = `{"Request":{
 "AccessSubject":[{"Id":"s1","Attribute":[{"AttributeId":"urn:altinn:person:identifier-no","Value":"12345678901"}]}],
 "Action":[{"Id":"a1","Attribute":[{"AttributeId":"urn:oasis:names:tc:xacml:1.0:action:action-id","Value":"read"}]},
           {"Id":"a2","Attribute":[{"AttributeId":"urn:oasis:names:tc:xacml:1.0:action:action-id","Value":"sign"}]},
           {"Id":"a3","Attribute":[{"AttributeId":"urn:oasis:names:tc:xacml:1.0:action:action-id","Value":"write"}]}],
 "Resource":[{"Id":"r1","Attribute":[{"AttributeId":"urn:altinn:resource","Value":"some-service"},
                                     {"AttributeId":"urn:altinn:organization:identifier-no","Value":"713330310"},
                                     {"AttributeId":"urn:altinn:resource:instance-id","Value":"urn:altinn:dialog-id:0194…"},
                                     {"AttributeId":"urn:altinn:subresource","Value":"main"}]},
             {"Id":"r2","Attribute":[{"AttributeId":"urn:altinn:resource","Value":"some-service"},
                                     {"AttributeId":"urn:altinn:organization:identifier-no","Value":"713330310"},
                                     {"AttributeId":"urn:altinn:resource:instance-id","Value":"urn:altinn:dialog-id:0194…"},
                                     {"AttributeId":"urn:altinn:task","Value":"Task_1"}]}],
 "MultiRequests":{"RequestReference":[{"ReferenceId":["s1","r1","a1"]},{"ReferenceId":["s1","r2","a2"]},{"ReferenceId":["s1","r1","a3"]}]}}}`;
    const { response, explanations } = run(JSON.parse(wire));
    const obligation = {
      Id: OBLIGATION_AUTHENTICATION_LEVEL,
      AttributeAssignment: [
        {
          AttributeId: "urn:altinn:obligation-assignment:1",
          Value: "2",
          Category: "urn:altinn:minimum-authenticationlevel",
          DataType: "http://www.w3.org/2001/XMLSchema#integer",
        },
      ],
    };
    const ok = { StatusCode: { Value: XACML_STATUS.ok } };
    expect(response).toEqual({
      Response: [
        { Decision: "Permit", Status: ok, Obligations: [obligation] },
        { Decision: "NotApplicable", Status: ok },
        { Decision: "Permit", Status: ok, Obligations: [obligation] },
      ],
    });
    expect(explanations.map((e) => [e.reference, e.action, e.reason, e.ruleId])).toEqual([
      [["s1", "r1", "a1"], "read", "rule_permit", "p-main"],
      [["s1", "r2", "a2"], "sign", "no_matching_rule", undefined],
      [["s1", "r1", "a3"], "write", "rule_permit", "p-main"],
    ]);
    expect(explanations[0]).toMatchObject({
      subject: PERSON,
      party: ORG,
      resourceId: "urn:altinn:resource:some-service",
      attributes: [{ id: "urn:altinn:subresource", value: "main" }],
      roles: [DAGL],
      decision: "Permit",
      ruleDescription: "DAGL may read and write.",
    });
  });

  it("returns results in request order, even when references are not sorted", () => {
    const body = req(PERSON, [["read"], ["write"], ["sign", "urn:altinn:task:Task_1"]]);
    const refs = body.Request.MultiRequests!.RequestReference;
    body.Request.MultiRequests!.RequestReference = [refs[2]!, refs[0]!, refs[1]!, refs[0]!];
    const { response, explanations } = run(body);
    expect(explanations.map((e) => e.action)).toEqual(["write", "read", "sign", "read"]);
    expect(response.Response.map((r) => r.Decision)).toEqual(["Permit", "Permit", "NotApplicable", "Permit"]);
  });

  it("lets a matching Deny override a matching Permit (deny-overrides)", () => {
    const body = req("urn:altinn:userid:7", [
      ["sign", "urn:altinn:task:Task_1"],
      ["sign", "urn:altinn:task:Task_2"],
    ]);
    const { response, explanations } = run(body);
    expect(response.Response.map((r) => r.Decision)).toEqual(["Deny", "Permit"]);
    expect(response.Response[0]?.Obligations).toBeUndefined();
    expect(explanations[0]).toMatchObject({ reason: "rule_deny", ruleId: "d-sign", roles: [PKG] });
    expect(explanations[0]?.detail).toContain("Deny overrides the permit from rule p-any");
  });

  it("matches a rule without resource attributes against any subresource or task (the transmissionread quirk)", () => {
    const body = req("urn:altinn:userid:7", [["read", "urn:altinn:subresource:secret"], ["read", "urn:altinn:task:Task_9"], ["read"]]);
    const { explanations } = run(body);
    expect(explanations.map((e) => [e.decision, e.ruleId])).toEqual([
      ["Permit", "p-any"],
      ["Permit", "p-any"],
      ["Permit", "p-any"],
    ]);
    expect(explanations[0]?.detail).toContain("names no subresource or task, so it matches any");
    // The DAGL rule names `main`, so it does not leak to subresources.
    expect(decisionsOf(req(PERSON, [["read", "secret"], ["read"]]))).toEqual({ "read@secret": "NotApplicable", "read@main": "Permit" });
  });

  it("says NotApplicable when no policy exists or the subject holds no roles for the party", () => {
    const noPolicy = run(req(PERSON, [["read"]], "urn:altinn:resource:unknown"));
    expect(noPolicy.response.Response[0]).toEqual({ Decision: "NotApplicable", Status: { StatusCode: { Value: XACML_STATUS.ok } } });
    expect(noPolicy.explanations[0]).toMatchObject({ reason: "no_policy", resourceId: "urn:altinn:resource:unknown" });

    const stranger = run(req("urn:altinn:person:identifier-no:999", [["read"]]));
    expect(stranger.response.Response[0]?.Decision).toBe("NotApplicable");
    expect(stranger.explanations[0]).toMatchObject({ reason: "no_roles", roles: [] });
  });

  it("finds an app's policy from urn:altinn:app + urn:altinn:org, and omits the obligation for a resource not in the registry", () => {
    const body = req(PERSON, [["read"]], "urn:altinn:resource:ignored");
    const attrs = body.Request.Resource[0]!.Attribute;
    attrs.splice(0, 1, { AttributeId: "urn:altinn:app", Value: "demo" }, { AttributeId: "urn:altinn:org", Value: "ttd" });
    const { response, explanations } = run(body);
    expect(response.Response[0]).toEqual({ Decision: "Permit", Status: { StatusCode: { Value: XACML_STATUS.ok } } });
    expect(explanations[0]).toMatchObject({ resourceId: "urn:altinn:resource:app_ttd_demo", ruleId: "app-1" });
  });

  it("puts the policy's own minimum authentication level on a Permit, over the registry's, and none on a Deny", () => {
    const edited = policies.map((p) => (p.resource === "some-service" ? { ...p, minimumAuthenticationLevel: 4 } : p));
    const parsed = parseXacmlRequest(req("urn:altinn:userid:7", [["read"], ["sign", "urn:altinn:task:Task_1"]]));
    if (!parsed.ok) throw new Error(parsed.detail);
    const [read, sign] = decide(parsed.request, { ...data, policies: edited }).response.Response;
    expect(read?.Obligations?.[0]?.AttributeAssignment[0]).toMatchObject({ Value: "4", Category: "urn:altinn:minimum-authenticationlevel" });
    expect(sign).toMatchObject({ Decision: "Deny" });
    expect(sign).not.toHaveProperty("Obligations");
  });

  it("echoes attributes marked IncludeInResult, as XACML does", () => {
    const body = req(PERSON, [["read"]]);
    body.Request.Action[0]!.Attribute[0]!.IncludeInResult = true;
    expect(run(body).response.Response[0]?.Category).toEqual([
      {
        CategoryId: "urn:oasis:names:tc:xacml:3.0:attribute-category:action",
        Attribute: [{ AttributeId: ACTION_ID, Value: "read", DataType: "http://www.w3.org/2001/XMLSchema#string", IncludeInResult: true }],
      },
    ]);
  });

  it("keeps teaching data out of the XACML response", () => {
    const wire = JSON.stringify(run(req("urn:altinn:userid:7", [["sign", "urn:altinn:task:Task_1"], ["read"], ["delete"]])).response);
    for (const word of ["p-any", "d-sign", "may", "rolecode", "accesspackage", "holds", "rule"]) expect(wire).not.toContain(word);
  });
});

describe("decide: Indeterminate", () => {
  const base = () => req(PERSON, [["read"]]);
  const cases: [string, (r: XacmlRequest) => void, string, string][] = [
    [
      "no subject identifier",
      (r) => (r.AccessSubject[0]!.Attribute = [{ AttributeId: "urn:altinn:partyid", Value: "1" }]),
      "missing_subject",
      XACML_STATUS.missingAttribute,
    ],
    [
      "two subject identifiers",
      (r) => r.AccessSubject[0]!.Attribute.push({ AttributeId: "urn:altinn:userid", Value: "7" }),
      "multiple_subjects",
      XACML_STATUS.processingError,
    ],
    ["no action-id", (r) => (r.Action[0]!.Attribute = []), "missing_action", XACML_STATUS.missingAttribute],
    ["two action-ids", (r) => r.Action[0]!.Attribute.push({ AttributeId: ACTION_ID, Value: "write" }), "multiple_actions", XACML_STATUS.processingError],
    ["no resource", (r) => r.Resource[0]!.Attribute.splice(0, 1), "missing_resource", XACML_STATUS.missingAttribute],
    [
      "an app without an org",
      (r) => r.Resource[0]!.Attribute.splice(0, 1, { AttributeId: "urn:altinn:app", Value: "demo" }),
      "missing_resource",
      XACML_STATUS.missingAttribute,
    ],
    [
      "two resources",
      (r) => r.Resource[0]!.Attribute.push({ AttributeId: "urn:altinn:resource", Value: "other" }),
      "multiple_resources",
      XACML_STATUS.processingError,
    ],
    ["no party", (r) => r.Resource[0]!.Attribute.splice(1, 1), "missing_party", XACML_STATUS.missingAttribute],
    ["two parties", (r) => r.Resource[0]!.Attribute.push({ AttributeId: "urn:altinn:partyid", Value: "5" }), "multiple_parties", XACML_STATUS.processingError],
  ];

  it.each(cases)("with %s", (_name, edit, reason, status) => {
    const body = base();
    edit(body.Request);
    const { response, explanations } = run(body);
    expect(response.Response).toHaveLength(1);
    expect(response.Response[0]).toMatchObject({ Decision: "Indeterminate", Status: { StatusCode: { Value: status } } });
    expect(response.Response[0]?.Status.StatusMessage).toEqual(expect.any(String));
    expect(response.Response[0]?.Obligations).toBeUndefined();
    expect(explanations[0]).toMatchObject({ decision: "Indeterminate", reason });
  });

  it("counts a repeated identical subject attribute once", () => {
    const body = base();
    body.Request.AccessSubject[0]!.Attribute.push({ ...body.Request.AccessSubject[0]!.Attribute[0]! });
    expect(run(body).response.Response[0]?.Decision).toBe("Permit");
  });

  it("still shows what it could read when one part is missing", () => {
    const body = base();
    body.Request.Resource[0]!.Attribute.splice(1, 1);
    expect(run(body).explanations[0]).toMatchObject({
      action: "read",
      subject: PERSON,
      party: null,
      resourceId: "urn:altinn:resource:some-service",
      roles: [],
    });
  });

  it("answers one Indeterminate syntax-error when called with a request the parser would reject", () => {
    const body = base().Request;
    body.MultiRequests = { RequestReference: [{ ReferenceId: ["nope"] }] };
    const { response, explanations } = decide(body, data);
    expect(response.Response).toEqual([
      { Decision: "Indeterminate", Status: { StatusMessage: expect.any(String), StatusCode: { Value: XACML_STATUS.syntaxError } } },
    ]);
    expect(explanations[0]?.reason).toBe("invalid_request");
  });
});
