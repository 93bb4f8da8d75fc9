import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer } from "@/mocks/node";
import { validated } from "@/mocks/validating";
import { testConfig } from "../config";
import { OTHER_ENVIRONMENT_ISSUER, UNREACHABLE_AUTHORIZATION_URL } from "../dialogporten/faults";
import type { DialogportenNotes } from "../dialogporten/trace-notes";
import type { ActionChoice } from "../end-user-system/calls";
import { callServiceProvider, getDialog, resolveAction, signIn } from "../end-user-system/calls";
import { runFlow, seedUrlFor } from "../end-user-system/flow";
import { createSandbox, type Sandbox } from "../sandbox";
import { DIALOG_ID, seedDialogs } from "../seed/dialogs";
import { findPersona, personas } from "../seed/personas";
import type { FaultName } from "../shared/faults";
import { decodeText } from "../shared/base64url";

// Fault injection over HTTP (in process): what each fault does, that bad headers are refused, and — the
// rule every fault obeys — that a fault can only make a run fail, never make a refused one pass.
let sandbox: Sandbox;
let server: ReturnType<typeof startSandboxServer>;
const ctx = (trace = true) => ({ fetch: (i: string | URL | Request, init?: RequestInit) => fetch(i, init), baseUrl: sandbox.config.origin, trace });
beforeAll(async () => {
  sandbox = await createSandbox(testConfig(), { fetch: (input, init) => fetch(input, init) });
  server = startSandboxServer(validated(sandbox));
  server.use(http.all(`${UNREACHABLE_AUTHORIZATION_URL}/*`, () => HttpResponse.error()));
});
afterAll(() => server.close());

const claimsOf = (token: string) => JSON.parse(decodeText(token.split(".")[1]!)!) as Record<string, unknown>;
const headerOf = (token: string) => JSON.parse(decodeText(token.split(".")[0]!)!) as Record<string, unknown>;
const dialogUrl = (id: string) => `${sandbox.config.origin}/dialogporten/api/v1/enduser/dialogs/${id}`;

async function accessToken(persona = "kari") {
  return (await signIn(ctx(), findPersona(persona)!)).value!;
}

describe("Dialogporten's fault headers", () => {
  it("sandbox-clock-offset shifts only the issued token's times, within ±3600 s", async () => {
    const at = await accessToken();
    for (const offset of [-3600, -900, 0, 30, 3600]) {
      const before = Math.floor(Date.now() / 1000);
      const got = await getDialog(ctx(), at, DIALOG_ID.taxReturn, { "sandbox-clock-offset": String(offset) });
      const c = claimsOf(got.value!.dialogToken!);
      expect(Math.abs((c.iat as number) - (before + offset))).toBeLessThanOrEqual(2);
      expect(c.exp).toBe((c.iat as number) + 600);
    }
    for (const bad of ["3601", "-3601", "1.5", "abc", "1e3", " ", "99999999"]) {
      const res = await fetch(dialogUrl(DIALOG_ID.taxReturn), { headers: { authorization: `Bearer ${at}`, "sandbox-clock-offset": bad } });
      if (bad.trim() === "") {
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "clock_offset_invalid" });
    }
  });

  it("issuer-other-environment and typ-context-token change only iss and typ; the key is the real one", async () => {
    const at = await accessToken();
    const plain = (await getDialog(ctx(), at, DIALOG_ID.taxReturn)).value!.dialogToken!;
    const other = (await getDialog(ctx(), at, DIALOG_ID.taxReturn, { "sandbox-fault": "issuer-other-environment" })).value!.dialogToken!;
    const typ = (await getDialog(ctx(), at, DIALOG_ID.taxReturn, { "sandbox-fault": "typ-context-token" })).value!.dialogToken!;
    expect(claimsOf(other).iss).toBe(OTHER_ENVIRONMENT_ISSUER);
    expect(headerOf(other)).toEqual(headerOf(plain));
    expect(headerOf(typ)).toEqual({ ...headerOf(plain), typ: "dialogcontexttoken+jwt" });
    const { jti: _a, iat: _b, nbf: _c, exp: _d, ...rest } = claimsOf(typ);
    const { jti: _e, iat: _f, nbf: _g, exp: _h, ...restPlain } = claimsOf(plain);
    expect(rest).toEqual(restPlain);
  });

  it("pdp-down calls an address where nothing listens; the failure is in the trace, and there is no token", async () => {
    const got = await getDialog(ctx(), await accessToken(), DIALOG_ID.taxReturn, { "sandbox-fault": "pdp-down" });
    // The real API's answer to an UpstreamServiceException: 502, no Retry-After.
    expect(got.exchange.response?.status).toBe(502);
    const aa = got.exchange.nested!.exchanges.find((e) => e.to === "authorization")!;
    expect(aa.request.url.startsWith(UNREACHABLE_AUTHORIZATION_URL)).toBe(true);
    expect(aa.response).toBeNull();
    expect((got.exchange.nested!.notes as DialogportenNotes).faults).toEqual({ faults: ["pdp-down"] });
    expect(got.value).toBeUndefined();
  });

  it("pdp-truncate and pdp-garbage are forwarded to Altinn Authorization, which really answers that way", async () => {
    const at = await accessToken();
    const truncated = await getDialog(ctx(), at, DIALOG_ID.taxReturn, { "sandbox-fault": "pdp-truncate" });
    const aa = truncated.exchange.nested!.exchanges[0]!;
    expect(aa.request.headers).toContainEqual(["sandbox-fault", "pdp-truncate"]);
    expect((JSON.parse(aa.response!.body!) as { Response: unknown[] }).Response).toHaveLength(1);
    const decisions = (truncated.exchange.nested!.notes as DialogportenNotes).decisions!;
    expect(decisions.map((d) => d.decision)).toEqual(["Permit", "Missing", "Missing", "Missing"]);
    const garbage = await getDialog(ctx(), at, DIALOG_ID.taxReturn, { "sandbox-fault": "pdp-garbage" });
    expect(garbage.exchange.nested!.exchanges[0]!.response!.headers.find(([k]) => k === "content-type")?.[1]).toMatch(/^text\/html/);
    expect(JSON.parse(garbage.exchange.response!.body!)).toMatchObject({ status: 502, code: "pdp_garbage" });
  });

  it("jwks-unavailable makes the JWKS and metadata answer 503 with Retry-After", async () => {
    for (const path of ["jwks.json", "oauth-authorization-server"]) {
      const res = await fetch(`${sandbox.config.origin}/dialogporten/api/v1/.well-known/${path}`, { headers: { "sandbox-fault": "jwks-unavailable" } });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("an unknown fault is a 400, not a silently unfaulted run", async () => {
    const res = await fetch(dialogUrl(DIALOG_ID.taxReturn), { headers: { authorization: `Bearer ${await accessToken()}`, "sandbox-fault": "pdp-dwon" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "fault_invalid" });
  });
});

describe("runFlow with faults", () => {
  it("sends Dialogporten's faults to Dialogporten and the provider's to the provider", async () => {
    const trace = await runFlow(ctx(), {
      persona: findPersona("ola")!,
      dialogId: DIALOG_ID.vatReturn,
      action: { kind: "embed" },
      serviceProviderOrigin: sandbox.config.serviceProviderOrigin,
      faults: { dialogporten: ["issuer-other-environment"], serviceProvider: ["require-level-4"], clockOffsetSeconds: 5 },
    });
    const [, dp, sp] = trace.exchanges;
    expect(dp!.request.headers).toEqual(
      expect.arrayContaining([
        ["sandbox-fault", "issuer-other-environment"],
        ["sandbox-clock-offset", "5"],
      ]),
    );
    expect(sp!.request.headers).toContainEqual(["sandbox-fault", "require-level-4"]);
    expect(sp!.request.headers.map(([k]) => k)).not.toContain("sandbox-clock-offset");
    expect(trace.outcome).toMatchObject({ ok: false, code: "issuer_mismatch" });
  });
});

const DP_FAULTS: FaultName[] = ["pdp-down", "pdp-truncate", "pdp-garbage", "issuer-other-environment", "typ-context-token"];
const SP_FAULTS: FaultName[] = ["jwks-down", "jwks-cold", "naive-action-check", "require-level-4"];
const subsets = <T>(xs: T[]): T[][] => xs.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);
const actionsOf = (token: string | undefined) =>
  new Set(
    String(token ? claimsOf(token).a : "")
      .split(";")
      .filter(Boolean),
  );

describe("faults only ever make things fail", () => {
  it("no Dialogporten fault or clock offset yields a token (or an action) the unfaulted run would not", async () => {
    for (const persona of personas) {
      const at = await accessToken(persona.id);
      for (const dialog of Object.values(DIALOG_ID)) {
        const plain = (await getDialog(ctx(), at, dialog)).value?.dialogToken;
        // Every combination of faults, and the clock at both ends of its range.
        const variants: Record<string, string>[] = [
          ...subsets(DP_FAULTS).map((faults) => ({ "sandbox-fault": faults.join(",") })),
          { "sandbox-clock-offset": "-3600" },
          { "sandbox-clock-offset": "3600", "sandbox-fault": "issuer-other-environment" },
        ];
        for (const headers of variants) {
          const faulted = (await getDialog(ctx(false), at, dialog, headers)).value?.dialogToken;
          const label = `${persona.id} ${dialog} ${JSON.stringify(headers)}`;
          if (!plain) expect(faulted, label).toBeUndefined();
          for (const a of actionsOf(faulted)) expect(actionsOf(plain).has(a), `${label} ${a}`).toBe(true);
        }
      }
    }
  }, 60_000);

  it("no service-provider fault turns a refusal into an acceptance", async () => {
    const choices = (id: string): ActionChoice[] => {
      const d = seedDialogs.find((x) => x.id === id)!;
      return [
        { kind: "embed" },
        ...d.guiActions.filter((g) => g.httpMethod !== "GET").map((g) => ({ kind: "gui", actionId: g.id }) as const),
        ...d.transmissions.map((t) => ({ kind: "transmission", transmissionId: t.id }) as const),
      ];
    };
    let compared = 0;
    for (const persona of personas) {
      const at = await accessToken(persona.id);
      for (const dialogId of Object.values(DIALOG_ID)) {
        const dialog = (await getDialog(ctx(), at, dialogId)).value;
        if (!dialog?.dialogToken) continue;
        for (const choice of choices(dialogId)) {
          const action = resolveAction(dialog, choice, seedUrlFor(dialogId, sandbox.config.serviceProviderOrigin));
          if (!action) continue;
          // The gate's verdict, not the final status: a write action that really ran changes the dialog's task,
          // and a 422 for the wrong task says nothing about authorization.
          const verdict = async (headers: Record<string, string>) => {
            const e = (await callServiceProvider(ctx(), dialog.dialogToken!, action, headers)).exchange;
            // Only the cold-cache fault may answer 5xx (503, fail closed).
            if (!headers["sandbox-fault"]?.includes("jwks-cold")) expect(e.response!.status).toBeLessThan(500);
            return (e.nested?.notes as { verification?: { valid: boolean } | null } | undefined)?.verification?.valid === true;
          };
          const plain = await verdict({});
          for (const faults of subsets(SP_FAULTS)) {
            const faulted = await verdict(faults.length ? { "sandbox-fault": faults.join(",") } : {});
            compared++;
            if (faulted) expect(plain, `${persona.id} ${dialogId} ${JSON.stringify(choice)} ${faults}`).toBe(true);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 60_000);
});
