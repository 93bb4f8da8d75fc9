import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { openApiValidator } from "../altinn/openapi.test-helper";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona, type PersonaId } from "../seed/personas";
import { runFlow } from "./flow";
import { EXPECTED_OUTCOMES as TABLE, expected, observe } from "./expected-outcomes.test-data";

const sb = sandboxSuite();

const run = (persona: PersonaId, dialogId: string, action: Parameters<typeof runFlow>[1]["action"] = { kind: "embed" }) =>
  runFlow(sb.context(), { persona: findPersona(persona)!, dialogId, action, serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin });

describe("steps 0–6 for every persona × dialog (in process, over MSW)", () => {
  it("covers every persona and every dialog", () => {
    expect(new Set(TABLE.map((t) => t.persona)).size).toBe(5);
    expect(new Set(TABLE.map((t) => t.dialog)).size).toBe(5);
    expect(TABLE).toHaveLength(25);
  });

  it.each(TABLE)("$persona × $dialog", async (row) => {
    const trace = await run(row.persona, DIALOG_ID[row.dialog]);
    expect(observe(trace)).toEqual(expected(row, DIALOG_ID[row.dialog]));
  });
});

describe("the Dialog response", () => {
  it.each([
    ["kari", "taxReturn"],
    ["ola", "vatReturn"],
    ["system-user", "vatReturn"],
    ["email-user", "fishingLicence"],
  ] as const)("validates against the real OpenAPI Dialog schema (%s × %s)", async (persona, dialog) => {
    const trace = await run(persona, DIALOG_ID[dialog]);
    const validate = openApiValidator("Dialog");
    const body = JSON.parse(trace.exchanges[1]!.response!.body!);
    const result = validate(body);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    // The validator is strict enough to catch drift: no extra fields, enums checked.
    expect(validate({ ...body, sandboxNote: "x" }).ok).toBe(false);
    expect(validate({ ...body, status: "Open" }).ok).toBe(false);
    expect(validate({ ...body, guiActions: [{ ...body.guiActions[0], httpMethod: "FETCH" }] }).ok).toBe(false);
  });
});

describe("a denied write action", () => {
  it("is masked by Dialogporten and refused by the service provider with insufficient_scope", async () => {
    const trace = await run("system-user", DIALOG_ID.vatReturn, { kind: "gui", actionId: "019ad0c2-7000-7a3b-9c4d-000000000203" });
    const sp = trace.exchanges[2]!;
    expect(sp.request.method).toBe("POST");
    expect(sp.response?.status).toBe(403);
    const www = sp.response!.headers.find(([k]) => k === "www-authenticate")?.[1];
    expect(www).toMatch(/^Bearer .*error="insufficient_scope"/);
    expect(trace.outcome).toMatchObject({ ok: false, code: "action_not_in_token" });
    expect(trace.authorizationCallsAfterToken).toBe(0);
  });
});
