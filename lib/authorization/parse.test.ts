import { describe, expect, it } from "vitest";
import { ACTION_ID } from "../altinn/xacml";
import { parseXacmlRequest, type ParseErrorCode } from "./parse";
import { MAX_REFERENCES } from "./references";

const subject = { Id: "s1", Attribute: [{ AttributeId: "urn:altinn:person:identifier-no", Value: "12345678901" }] };
const action = (id: string, name: string) => ({ Id: id, Attribute: [{ AttributeId: ACTION_ID, Value: name }] });
const resource = (id: string) => ({ Id: id, Attribute: [{ AttributeId: "urn:altinn:resource", Value: "x" }] });

function valid(): Record<string, unknown> {
  return {
    Request: {
      AccessSubject: [subject],
      Action: [action("a1", "read"), action("a2", "write")],
      Resource: [resource("r1")],
      MultiRequests: { RequestReference: [{ ReferenceId: ["s1", "r1", "a2"] }, { ReferenceId: ["s1", "r1", "a1"] }] },
    },
  };
}

/** A deep copy of `valid()` with `edit` applied to its Request. */
function withRequest(edit: (r: Record<string, unknown>) => void): unknown {
  const body = valid();
  edit(body.Request as Record<string, unknown>);
  return body;
}

describe("parseXacmlRequest", () => {
  it("accepts a multi-request and resolves references in request order", () => {
    const parsed = parseXacmlRequest(valid());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.references.map((r) => r.reference)).toEqual([
      ["s1", "r1", "a2"],
      ["s1", "r1", "a1"],
    ]);
    expect(parsed.references.map((r) => r.action.Attribute[0]?.Value)).toEqual(["write", "read"]);
  });

  it("matches property names case-insensitively, as PropertyNameCaseInsensitive does", () => {
    const body = {
      request: {
        accessSubject: [{ id: "s1", ATTRIBUTE: [{ attributeid: "urn:altinn:person:identifier-no", value: "1" }] }],
        ACTION: [{ Id: "a1", Attribute: [{ AttributeID: ACTION_ID, VALUE: "read", datatype: "http://www.w3.org/2001/XMLSchema#string" }] }],
        resource: [{ ID: "r1", attribute: [{ AttributeId: "urn:altinn:resource", Value: "x", includeinresult: true }] }],
        multirequests: { requestreference: [{ referenceid: ["s1", "r1", "a1"] }] },
      },
    };
    const parsed = parseXacmlRequest(body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request).toEqual({
      AccessSubject: [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:person:identifier-no", Value: "1" }] }],
      Action: [{ Id: "a1", Attribute: [{ AttributeId: ACTION_ID, Value: "read", DataType: "http://www.w3.org/2001/XMLSchema#string" }] }],
      Resource: [{ Id: "r1", Attribute: [{ AttributeId: "urn:altinn:resource", Value: "x", IncludeInResult: true }] }],
      MultiRequests: { RequestReference: [{ ReferenceId: ["s1", "r1", "a1"] }] },
    });
  });

  it("lets the last of several case variants win, and ignores unknown members", () => {
    const body = {
      Request: { ...(valid().Request as object), action: [action("a1", "sign"), action("a2", "delete")], CombinedDecision: false, Extra: { x: 1 } },
    };
    const parsed = parseXacmlRequest(body);
    expect(parsed.ok && parsed.request.Action.map((a) => a.Attribute[0]?.Value)).toEqual(["sign", "delete"]);
  });

  it("treats a request without MultiRequests (or with null) as one request over the first of each category", () => {
    for (const multi of [undefined, null]) {
      const body = withRequest((r) => {
        r.MultiRequests = multi;
        r.Resource = [{ Attribute: [] }, resource("r2")];
      });
      const parsed = parseXacmlRequest(body);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.references).toHaveLength(1);
      expect(parsed.references[0]?.reference).toEqual(["s1", "a1"]);
      expect(parsed.references[0]?.action.Attribute[0]?.Value).toBe("read");
      expect(parsed.references[0]?.resource.Attribute).toEqual([]);
    }
  });

  it("treats null optional members as absent", () => {
    const body = withRequest((r) => {
      r.ReturnPolicyIdList = null;
      r.AccessSubject = [{ Id: null, Attribute: [{ AttributeId: "urn:altinn:userid", Value: "1", DataType: null, IncludeInResult: null }] }, subject];
    });
    const parsed = parseXacmlRequest(body);
    expect(parsed.ok && parsed.request.AccessSubject[0]).toEqual({ Attribute: [{ AttributeId: "urn:altinn:userid", Value: "1" }] });
  });

  const cases: [string, unknown, ParseErrorCode, string][] = [
    ["null", null, "not_an_object", "$"],
    ["a string", "Request", "not_an_object", "$"],
    ["an array", [valid()], "not_an_object", "$"],
    ["a number", 42, "not_an_object", "$"],
    ["no Request", { Foo: 1 }, "missing_request", "$.Request"],
    ["Request as an array", { Request: [] }, "missing_request", "$.Request"],
    ["ReturnPolicyIdList as a string", withRequest((r) => (r.ReturnPolicyIdList = "yes")), "invalid_request", "$.Request.ReturnPolicyIdList"],
    ["no AccessSubject", withRequest((r) => delete r.AccessSubject), "missing_category", "$.Request.AccessSubject"],
    ["empty Action", withRequest((r) => (r.Action = [])), "missing_category", "$.Request.Action"],
    ["null Resource", withRequest((r) => (r.Resource = null)), "missing_category", "$.Request.Resource"],
    ["Resource as an object", withRequest((r) => (r.Resource = resource("r1"))), "invalid_category", "$.Request.Resource"],
    ["a category that is a string", withRequest((r) => (r.Action = ["read"])), "invalid_category", "$.Request.Action[0]"],
    ["a category without Attribute", withRequest((r) => (r.Action = [{ Id: "a1" }])), "invalid_category", "$.Request.Action[0].Attribute"],
    ["a numeric category Id", withRequest((r) => (r.Action = [{ Id: 1, Attribute: [] }])), "invalid_category", "$.Request.Action[0].Id"],
    [
      "an attribute that is an array",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [[]] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0]",
    ],
    [
      "an empty AttributeId",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [{ AttributeId: "", Value: "1" }] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0].AttributeId",
    ],
    [
      "a numeric Value",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:userid", Value: 1 }] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0].Value",
    ],
    [
      "a null Value",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:userid", Value: null }] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0].Value",
    ],
    [
      "a bag of values",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:userid", Value: ["1", "2"] }] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0].Value",
    ],
    [
      "a numeric DataType",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:userid", Value: "1", DataType: 5 }] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0].DataType",
    ],
    [
      "IncludeInResult as a string",
      withRequest((r) => (r.AccessSubject = [{ Id: "s1", Attribute: [{ AttributeId: "urn:altinn:userid", Value: "1", IncludeInResult: "true" }] }])),
      "invalid_attribute",
      "$.Request.AccessSubject[0].Attribute[0].IncludeInResult",
    ],
    ["MultiRequests as an array", withRequest((r) => (r.MultiRequests = [])), "invalid_multi_requests", "$.Request.MultiRequests"],
    [
      "MultiRequests without RequestReference",
      withRequest((r) => (r.MultiRequests = {})),
      "invalid_multi_requests",
      "$.Request.MultiRequests.RequestReference",
    ],
    [
      "a RequestReference that is a string",
      withRequest((r) => (r.MultiRequests = { RequestReference: ["s1"] })),
      "invalid_multi_requests",
      "$.Request.MultiRequests.RequestReference[0]",
    ],
    [
      "a ReferenceId with a number",
      withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: ["s1", 1] }] })),
      "invalid_multi_requests",
      "$.Request.MultiRequests.RequestReference[0].ReferenceId",
    ],
    [
      "a ReferenceId that is a string",
      withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: "s1" }] })),
      "invalid_multi_requests",
      "$.Request.MultiRequests.RequestReference[0].ReferenceId",
    ],
    ["no references", withRequest((r) => (r.MultiRequests = { RequestReference: [] })), "empty_multi_requests", "$.Request.MultiRequests.RequestReference"],
    [
      "an unknown ReferenceId",
      withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: ["s1", "r9", "a1"] }] })),
      "unknown_reference_id",
      "$.Request.MultiRequests.RequestReference[0].ReferenceId[1]",
    ],
    ["a duplicate category id", withRequest((r) => (r.Resource = [resource("a1")])), "duplicate_category_id", "$.Request.Resource[0].Id"],
    [
      "two actions in one reference",
      withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: ["s1", "r1", "a1", "a2"] }] })),
      "ambiguous_reference",
      "$.Request.MultiRequests.RequestReference[0].ReferenceId[3]",
    ],
    [
      "a reference without an action",
      withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: ["s1", "r1"] }] })),
      "incomplete_reference",
      "$.Request.MultiRequests.RequestReference[0].ReferenceId",
    ],
    [
      "an empty ReferenceId",
      withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: [] }] })),
      "incomplete_reference",
      "$.Request.MultiRequests.RequestReference[0].ReferenceId",
    ],
    [
      `${MAX_REFERENCES + 1} references`,
      withRequest((r) => (r.MultiRequests = { RequestReference: Array.from({ length: MAX_REFERENCES + 1 }, () => ({ ReferenceId: ["s1", "r1", "a1"] })) })),
      "too_many_references",
      "$.Request.MultiRequests.RequestReference",
    ],
  ];

  it.each(cases)("rejects %s", (_name, input, code, path) => {
    const parsed = parseXacmlRequest(input);
    expect(parsed).toMatchObject({ ok: false, code, path });
    expect(!parsed.ok && parsed.detail).toMatch(/\.$/);
  });

  it("accepts exactly the maximum number of references", () => {
    const body = withRequest(
      (r) => (r.MultiRequests = { RequestReference: Array.from({ length: MAX_REFERENCES }, () => ({ ReferenceId: ["s1", "r1", "a1"] })) }),
    );
    const parsed = parseXacmlRequest(body);
    expect(parsed.ok && parsed.references).toHaveLength(MAX_REFERENCES);
  });

  it("allows the same category twice in one reference", () => {
    const body = withRequest((r) => (r.MultiRequests = { RequestReference: [{ ReferenceId: ["s1", "s1", "r1", "a1"] }] }));
    expect(parseXacmlRequest(body).ok).toBe(true);
  });
});
