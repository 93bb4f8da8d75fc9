import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { policies, roleAssignments } from "../seed/policies";
import { serviceResources } from "../seed/resources";
import { ACTION_ID } from "../altinn/xacml";
import { AUTHORIZE_PATH, createAuthorizationService } from "./handler";

const service = createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources });
const post = (body: string) =>
  service(
    new Request(`http://sandbox.test${AUTHORIZE_PATH}`, { method: "POST", body, headers: { "content-type": "application/json", "sandbox-trace": "on" } }),
  );

const DECISIONS = ["Permit", "Deny", "NotApplicable", "Indeterminate"];

const split = (urn: string) => ({ AttributeId: urn.slice(0, urn.lastIndexOf(":")), Value: urn.slice(urn.lastIndexOf(":") + 1) });
const noise = fc.record({
  AttributeId: fc.constantFrom(ACTION_ID, "urn:altinn:resource", "urn:altinn:app", "urn:altinn:org", "urn:altinn:partyid", "urn:altinn:userid", "urn:x"),
  Value: fc.string({ maxLength: 8 }),
});
/** Mostly the attributes Dialogporten sends for the seed identities, sometimes noise, so random requests reach every decision. */
const mostly = <T>(good: fc.Arbitrary<T[]>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.array(noise, { maxLength: 3 }) });
const subjectAttrs = mostly(fc.constantFrom(...roleAssignments.map((r) => r.subject)).map((u) => [split(u)]));
const actionAttrs = mostly(fc.constantFrom("read", "write", "sign", "delete", "transmissionread").map((v) => [{ AttributeId: ACTION_ID, Value: v }]));
const resourceAttrs = mostly(
  fc
    .tuple(
      fc.constantFrom(...policies.map((p) => p.resource), "unknown"),
      fc.constantFrom(...roleAssignments.map((r) => r.party)),
      fc.constantFrom(
        "urn:altinn:subresource:main",
        "urn:altinn:task:Task_1",
        "urn:altinn:task:Task_2",
        "urn:altinn:subresource:revisjon",
        "urn:altinn:subresource:vedtak",
      ),
    )
    .map(([resource, party, attr]) => [{ AttributeId: "urn:altinn:resource", Value: resource }, split(party), split(attr)]),
);
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const goodRef = fc.tuple(fc.constantFrom(...ids("r", 3)), fc.constantFrom(...ids("a", 3))).map(([r, a]) => ["s1", r, a]);
const ref = fc.oneof({ weight: 9, arbitrary: goodRef }, { weight: 1, arbitrary: fc.array(fc.constantFrom("s1", "a1", "r1", "x"), { maxLength: 4 }) });
const xacmlish = fc.record({
  Request: fc.record({
    AccessSubject: subjectAttrs.map((Attribute) => [{ Id: "s1", Attribute }]),
    Action: fc.tuple(actionAttrs, actionAttrs, actionAttrs).map((as) => as.map((Attribute, i) => ({ Id: `a${i + 1}`, Attribute }))),
    Resource: fc.tuple(resourceAttrs, resourceAttrs, resourceAttrs).map((rs) => rs.map((Attribute, i) => ({ Id: `r${i + 1}`, Attribute }))),
    MultiRequests: fc.option(fc.record({ RequestReference: fc.array(fc.record({ ReferenceId: ref }), { minLength: 1, maxLength: 6 }) }), {
      nil: undefined,
      freq: 8,
    }),
  }),
});

describe("authorize (property)", () => {
  it("answers 200 or 4xx for any JSON text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (text) => {
        const res = await post(text);
        expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("answers 200 or 4xx for any serialised value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withObjectString: true }), async (value) => {
        const res = await post(JSON.stringify(value) ?? "null");
        expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("answers XACML-shaped requests with 400, or 200 and one valid result per reference", async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(xacmlish, async (request) => {
        const res = await post(JSON.stringify(request));
        seen.set(String(res.status), (seen.get(String(res.status)) ?? 0) + 1);
        if (res.status === 400) return;
        expect(res.status).toBe(200);
        const body = (await res.json()) as { Response: { Decision: string; Status: { StatusCode: { Value: string } } }[] };
        const expected = request.Request.MultiRequests?.RequestReference.length ?? 1;
        expect(body.Response).toHaveLength(expected);
        for (const r of body.Response) {
          expect(DECISIONS).toContain(r.Decision);
          seen.set(r.Decision, (seen.get(r.Decision) ?? 0) + 1);
          expect(r.Status.StatusCode.Value.startsWith("urn:oasis:names:tc:xacml:1.0:status:")).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // Guards the generator itself: a property that only ever sees 400s proves little.
    expect(seen.get("200") ?? 0).toBeGreaterThan(50);
    expect(seen.get("Permit") ?? 0).toBeGreaterThan(0);
  });
});
