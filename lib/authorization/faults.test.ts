import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARTY, PID } from "../seed/parties";
import { policies, roleAssignments } from "../seed/policies";
import { RESOURCE, serviceResources } from "../seed/resources";
import { FAULTS } from "../shared/faults";
import { GARBAGE_BODY } from "./faults";
import { AUTHORIZE_PATH, createAuthorizationService } from "./handler";
import { dpRequest } from "./request.test-helper";

// The PDP's injected faults (pdp-truncate, pdp-garbage): what they answer, and that nothing else changes.
const service = createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources });
const post = (body: string, fault?: string) =>
  service(
    new Request(`http://sandbox.test${AUTHORIZE_PATH}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...(fault !== undefined && { "sandbox-fault": fault }) },
    }),
  );

const kariTax = JSON.stringify(
  dpRequest({
    subject: `urn:altinn:person:identifier-no:${PID.kari}`,
    party: PARTY.kari,
    resource: RESOURCE.taxReturn,
    actions: [["read"], ["write"], ["delete", "urn:altinn:task:Task_1"]],
  }),
);

describe("Altinn Authorization faults", () => {
  it("without a fault: one decision per reference", async () => {
    const body = (await (await post(kariTax)).json()) as { Response: unknown[] };
    expect(body.Response).toHaveLength(3);
  });

  it("pdp-truncate: only the first decision, still XACML", async () => {
    const res = await post(kariTax, "pdp-truncate");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { Response: { Decision: string }[] };
    expect(body.Response).toHaveLength(1);
  });

  it("pdp-garbage: 200 with an HTML page, not JSON", async () => {
    const res = await post(kariTax, "pdp-garbage");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toBe(GARBAGE_BODY);
  });

  it("ignores faults meant for other services, refuses unknown ones with 400 fault_invalid", async () => {
    expect((await post(kariTax, "jwks-down, pdp-down")).status).toBe(200);
    const res = await post(kariTax, "pdp-explode");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "fault_invalid" });
  });

  it("never answers 5xx for any JSON with any fault header (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json(), fc.constant(kariTax)),
        fc.oneof(
          fc.subarray(Object.keys(FAULTS)).map((f) => f.join(",")),
          fc.string({ maxLength: 20 }),
        ),
        async (text, fault) => {
          let res: Response;
          try {
            res = await post(text, fault);
          } catch {
            return; // a header value fetch itself refuses (control characters): never reaches the service
          }
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
