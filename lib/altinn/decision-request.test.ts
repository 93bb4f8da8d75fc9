import { describe, expect, it } from "vitest";
import type { Dialog } from "./dialog";
import { seedDialogs } from "../seed/dialogs";
import { buildDecisionRequest, readDecisionResponse } from "./decision-request";
import type { Principal } from "./principal";

const person: Principal = {
  kind: "person",
  consumer: "urn:altinn:person:identifier-no:12345678901",
  level: 3,
  subject: { id: "urn:altinn:person:identifier-no", value: "12345678901" },
};

describe("buildDecisionRequest", () => {
  it("produces the wire request of docs/real-systems.md §4.2 byte for byte", () => {
    const dialog = {
      ...seedDialogs[0]!,
      id: "0194fe82-9280-77a5-a7cd-5ff0e6a6fa07",
      serviceResource: "urn:altinn:resource:some-service",
      party: "urn:altinn:organization:identifier-no:713330310",
    } as Dialog;
    const actions = [
      { name: "read", attribute: "main" },
      { name: "sign", attribute: "urn:altinn:task:Task_1" },
      { name: "write", attribute: "main" },
    ];
    const instance = { AttributeId: "urn:altinn:resource:instance-id", Value: "urn:altinn:dialog-id:0194fe82-9280-77a5-a7cd-5ff0e6a6fa07" };
    const common = [
      { AttributeId: "urn:altinn:resource", Value: "some-service" },
      { AttributeId: "urn:altinn:organization:identifier-no", Value: "713330310" },
      instance,
    ];
    expect(buildDecisionRequest(person, dialog, actions)).toEqual({
      Request: {
        AccessSubject: [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:person:identifier-no", Value: "12345678901" }] }],
        Action: [
          { Id: "a1", Attribute: [{ AttributeId: "urn:oasis:names:tc:xacml:1.0:action:action-id", Value: "read" }] },
          { Id: "a2", Attribute: [{ AttributeId: "urn:oasis:names:tc:xacml:1.0:action:action-id", Value: "sign" }] },
          { Id: "a3", Attribute: [{ AttributeId: "urn:oasis:names:tc:xacml:1.0:action:action-id", Value: "write" }] },
        ],
        Resource: [
          { Id: "r1", Attribute: [...common, { AttributeId: "urn:altinn:subresource", Value: "main" }] },
          { Id: "r2", Attribute: [...common, { AttributeId: "urn:altinn:task", Value: "Task_1" }] },
        ],
        MultiRequests: { RequestReference: [{ ReferenceId: ["s1", "r1", "a1"] }, { ReferenceId: ["s1", "r2", "a2"] }, { ReferenceId: ["s1", "r1", "a3"] }] },
      },
    });
  });

  it("drops the default resource attributes when the attribute names another resource", () => {
    const req = buildDecisionRequest(person, seedDialogs[0]!, [{ name: "read", attribute: "urn:altinn:resource:other" }]);
    expect(req.Request.Resource[0]!.Attribute).toEqual([
      { AttributeId: "urn:altinn:person:identifier-no", Value: seedDialogs[0]!.party.split(":").pop() },
      { AttributeId: "urn:altinn:resource", Value: "other" },
    ]);
  });
});

describe("readDecisionResponse", () => {
  const actions = [
    { name: "read", attribute: "main" },
    { name: "write", attribute: "main" },
  ];
  const r = (Decision: string) => ({ Decision, Status: { StatusCode: { Value: "urn:oasis:names:tc:xacml:1.0:status:ok" } } });
  it("maps results by position and only Permit authorizes", () => {
    const out = readDecisionResponse({ Response: [r("Permit"), r("Indeterminate")] }, actions);
    expect(out.ok && out.permitted).toEqual([{ name: "read", attribute: "main" }]);
  });
  it("treats a missing result as not permitted", () => {
    const out = readDecisionResponse({ Response: [r("Permit")] }, actions);
    expect(out.ok && out.missing).toBe(1);
    expect(out.ok && out.decisions[1]!.decision).toBe("Missing");
  });
  it("fails closed on what the real client could not deserialize", () => {
    for (const body of [null, 42, "Permit", [], { Response: "Permit" }, { Response: [1] }, { Response: [null] }, { Response: [{ Decision: 1 }] }]) {
      expect(readDecisionResponse(body, actions).ok).toBe(false);
    }
  });
  it("ignores results beyond the request count, as the real Math.Min does", () => {
    const out = readDecisionResponse({ Response: [r("Deny"), r("Permit"), r("Permit")] }, actions);
    expect(out.ok && out.permitted).toEqual([{ name: "write", attribute: "main" }]);
    expect(out.ok && out.missing).toBe(0);
  });
  it("reads a missing Response, or a result without Decision, as not permitted", () => {
    for (const body of [{}, { Response: null }, { Response: [{}, { Decision: null }] }]) {
      const out = readDecisionResponse(body, actions);
      expect(out.ok && out.permitted).toEqual([]);
    }
  });
  it("reads the minimum authentication level from the Permits' obligations on the dialog's own resource", () => {
    const obliged = (decision: string, level: string) => ({
      ...r(decision),
      Obligations: [
        {
          Id: "urn:altinn:obligation:authenticationLevel1",
          AttributeAssignment: [{ AttributeId: "urn:altinn:obligation-assignment:1", Value: level, Category: "urn:altinn:minimum-authenticationlevel" }],
        },
      ],
    });
    const level = (body: unknown, list = actions) => {
      const out = readDecisionResponse(body, list);
      return out.ok ? out.minimumAuthenticationLevel : "garbage";
    };
    expect(level({ Response: [obliged("Permit", "4"), obliged("Permit", "4")] })).toBe(4);
    expect(level({ Response: [obliged("Permit", "2"), r("Deny")] })).toBe(2);
    // A Deny's obligation, an unreadable value or another resource's Permit says nothing about this dialog's level.
    expect(level({ Response: [obliged("Deny", "4"), obliged("Permit", "x")] })).toBeUndefined();
    const other = [
      { name: "read", attribute: "main" },
      { name: "read", attribute: "urn:altinn:resource:other" },
    ];
    expect(level({ Response: [r("Permit"), obliged("Permit", "4")] }, other)).toBeUndefined();
    expect(level({ Response: [r("Permit"), { ...r("Permit"), Obligations: "junk" }] })).toBeUndefined();
  });
});
