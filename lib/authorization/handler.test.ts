import { describe, expect, it, vi } from "vitest";
import { PARTY } from "../seed/parties";
import { policies, roleAssignments } from "../seed/policies";
import { RESOURCE, serviceResources } from "../seed/resources";
import { decodeTrace, TRACE_HEADER } from "../shared/trace";
import { AUTHORIZE_PATH, createAuthorizationService, MAX_BODY_BYTES } from "./handler";
import { dpRequest } from "./request.test-helper";
import { MAX_TRACE_HEADER_CHARS, MAX_TRACED_EXPLANATIONS } from "./trace-notes";
import type { AuthorizationNotes } from "./trace-notes";

const URL_ = `http://sandbox.test${AUTHORIZE_PATH}`;
const service = createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources });
const ola = dpRequest({
  subject: "urn:altinn:person:identifier-no:03858040190",
  party: PARTY.bakery,
  resource: RESOURCE.vatReturn,
  actions: [["write"], ["read"], ["sign", "urn:altinn:task:Task_2"]],
});

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

describe("POST /authorization/api/v1/authorize", () => {
  it("answers 200 with one XACML result per reference", async () => {
    const res = await service(post(JSON.stringify(ola)));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.has(TRACE_HEADER)).toBe(false);
    const body = (await res.json()) as { Response: { Decision: string }[] };
    expect(Object.keys(body)).toEqual(["Response"]);
    expect(body.Response.map((r) => r.Decision)).toEqual(["Permit", "Permit", "Permit"]);
  });

  it("puts the explanations in the sandbox-trace header only when asked, and never in the body", async () => {
    const res = await service(post(JSON.stringify(ola), { [TRACE_HEADER]: "on" }));
    expect(res.status).toBe(200);
    const header = res.headers.get(TRACE_HEADER);
    expect(header).toBeTruthy();
    const trace = await decodeTrace(header!);
    expect(trace?.actor).toBe("authorization");
    expect(trace?.exchanges).toEqual([]);
    const explanations = (trace?.notes as AuthorizationNotes).explanations;
    expect(explanations.map((e) => [e.action, e.ruleId])).toEqual([
      ["read", "mva-1"],
      ["sign", "mva-2"],
      ["write", "mva-1"],
    ]);
    const text = await res.text();
    expect(text).not.toContain("mva-1");
    expect(text).not.toContain("explanation");

    for (const value of ["off", "1", "ON"]) {
      const quiet = await service(post(JSON.stringify(ola), { [TRACE_HEADER]: value }));
      expect(quiet.headers.has(TRACE_HEADER), value).toBe(false);
    }
  });

  it("caps the traced explanations so the header stays small", async () => {
    const many = structuredClone(ola);
    const ref = many.Request.MultiRequests!.RequestReference[0]!;
    many.Request.MultiRequests!.RequestReference = Array.from({ length: 1000 }, () => ref);
    const res = await service(post(JSON.stringify(many), { [TRACE_HEADER]: "on" }));
    const header = res.headers.get(TRACE_HEADER)!;
    expect(header.length).toBeLessThan(8 * 1024);
    const trace = await decodeTrace(header);
    const notes = trace?.notes as AuthorizationNotes;
    expect(notes.explanations).toHaveLength(MAX_TRACED_EXPLANATIONS);
    expect(notes.omittedExplanations).toBe(1000 - MAX_TRACED_EXPLANATIONS);
    expect(((await res.json()) as { Response: unknown[] }).Response).toHaveLength(1000);
  });

  it("keeps the trace header within budget even for long, incompressible attribute values", async () => {
    const noisy = structuredClone(ola);
    const random = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, "0")).join("");
    noisy.Request.Resource = Array.from({ length: 80 }, (_, i) => ({
      Id: `r${i + 1}`,
      Attribute: [...ola.Request.Resource[0]!.Attribute.slice(0, 3), { AttributeId: `urn:x:${random(200)}`, Value: random(1000) }],
    }));
    noisy.Request.MultiRequests = { RequestReference: noisy.Request.Resource.map((r) => ({ ReferenceId: ["s1", r.Id!, "a1"] })) };
    const res = await service(post(JSON.stringify(noisy), { [TRACE_HEADER]: "on" }));
    expect(res.status).toBe(200);
    const header = res.headers.get(TRACE_HEADER)!;
    expect(header.length).toBeLessThanOrEqual(MAX_TRACE_HEADER_CHARS);
    const notes = (await decodeTrace(header))?.notes as AuthorizationNotes;
    expect(notes.explanations.length).toBeGreaterThan(0);
    expect(notes.explanations.length + (notes.omittedExplanations ?? 0)).toBe(80);
    expect(notes.explanations[0]?.attributes[0]?.value).toMatch(/^[0-9a-f]{200}…$/);
  });

  it("answers 400 problem+json with the parser's code for invalid XACML", async () => {
    const res = await service(post(JSON.stringify({ Request: { AccessSubject: [], Action: [], Resource: [] } })));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 400,
      code: "missing_category",
      instance: AUTHORIZE_PATH,
      errors: { "$.Request.AccessSubject": [expect.any(String)] },
    });
  });

  it("answers 400 for a body that is not JSON, 415 for another media type, 413 for a huge body, 405 for GET", async () => {
    expect((await service(post("{not json"))).status).toBe(400);
    expect(((await (await service(post("{not json"))).json()) as { code: string }).code).toBe("malformed_json");
    expect((await service(post(new Uint8Array([0xff, 0xfe, 0x7b])))).status).toBe(400);
    expect((await service(post(JSON.stringify(ola), { "content-type": "text/plain" }))).status).toBe(415);
    expect((await service(new Request(URL_, { method: "POST", body: JSON.stringify(ola) }))).status).toBe(415);
    const huge = JSON.stringify({ Request: { pad: "x".repeat(MAX_BODY_BYTES) } });
    const tooLarge = await service(post(huge));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { code: string }).code).toBe("body_too_large");
    const get = await service(new Request(URL_));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await service(new Request(`http://sandbox.test/authorization/api/v1/other`, { method: "POST" }))).status).toBe(404);
  });

  it("answers 413 for a body that streams past the cap without a content-length", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await service(
      new Request(URL_, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(413);
  });

  it("answers 400, never 5xx, for a body stream that breaks", async () => {
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("connection reset")) });
    const res = await service(
      new Request(URL_, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(400);
  });

  it("never answers 5xx for junk", async () => {
    const junk: string[] = [
      "",
      " ",
      "null",
      "true",
      "0",
      "-1e309",
      '"Request"',
      "[]",
      "[{}]",
      "{}",
      '{"Request":null}',
      '{"Request":1}',
      '{"Request":"x"}',
      '{"Request":{}}',
      '{"Request":[]}',
      '{"Request":{"AccessSubject":{}}}',
      '{"Request":{"AccessSubject":[null],"Action":[null],"Resource":[null]}}',
      '{"Request":{"AccessSubject":[{"Attribute":null}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}]}}',
      '{"Request":{"AccessSubject":[{"Attribute":[]}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}]}}',
      '{"Request":{"AccessSubject":[{"Attribute":[{}]}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}]}}',
      '{"Request":{"AccessSubject":[{"Attribute":[{"AttributeId":"__proto__","Value":"x"}]}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}]}}',
      '{"__proto__":{"Request":1},"constructor":{"prototype":{}}}',
      '{"Request":{"__proto__":{"AccessSubject":[]},"AccessSubject":[{"Id":"toString","Attribute":[]}],"Action":[{"Id":"constructor","Attribute":[]}],"Resource":[{"Id":"hasOwnProperty","Attribute":[]}],"MultiRequests":{"RequestReference":[{"ReferenceId":["toString","constructor","hasOwnProperty"]}]}}}',
      '{"Request":{"AccessSubject":[{"Attribute":[]}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}],"MultiRequests":{"RequestReference":[{"ReferenceId":["valueOf"]}]}}}',
      '{"Request":{"AccessSubject":[{"Attribute":[]}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}],"MultiRequests":{"RequestReference":null}}}',
      '{"Request":{"AccessSubject":[{"Attribute":[]}],"Action":[{"Attribute":[]}],"Resource":[{"Attribute":[]}],"MultiRequests":{"RequestReference":[null]}}}',
      "[".repeat(50_000) + "]".repeat(50_000),
      '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000),
      JSON.stringify({
        Request: {
          ...ola.Request,
          Action: ola.Request.Action.map((a) => ({
            ...a,
            Attribute: [{ AttributeId: "urn:oasis:names:tc:xacml:1.0:action:action-id", Value: "\u0000\ud800" }],
          })),
        },
      }),
      JSON.stringify({ REQUEST: { accesssubject: ola.Request.AccessSubject, action: ola.Request.Action, resource: ola.Request.Resource } }),
      "\ufeff{}",
    ];
    expect(junk.length).toBeGreaterThanOrEqual(30);
    for (const body of junk) {
      const res = await service(post(body));
      expect(res.status, body.slice(0, 80)).toBeLessThan(500);
      expect([200, 400], body.slice(0, 80)).toContain(res.status);
    }
  });

  // No clock readings: a minute of latency is still pending when we look, and only the abort ends it
  // (lib/shared/delay.test.ts checks the wait itself with fake timers).
  it("asks the latency once, with the request, and answers only after it; an abort ends the wait", async () => {
    const asked: Request[] = [];
    const slow = createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources, latencyMs: (r) => (asked.push(r), 60_000) });
    const controller = new AbortController();
    const pending = slow(
      new Request(URL_, {
        method: "POST",
        body: JSON.stringify(ola),
        headers: { "content-type": "application/json", "sandbox-pdp-latency-ms": "7" },
        signal: controller.signal,
      }),
    );
    let answered = false;
    void pending.then(() => (answered = true));
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(answered).toBe(false);
    expect(asked[0]!.headers.get("sandbox-pdp-latency-ms")).toBe("7");
    controller.abort();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(asked).toHaveLength(1);
  });

  it("answers at once when the latency is not a usable number", async () => {
    const weird = createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources, latencyMs: () => Number.NaN });
    expect((await weird(post(JSON.stringify(ola)))).status).toBe(200);
  });
});
