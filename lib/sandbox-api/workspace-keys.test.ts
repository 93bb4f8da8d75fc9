import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { callServiceProvider, getDialog, resolveAction, signIn } from "../end-user-system/calls";
import { problemCode, seedUrlFor } from "../end-user-system/flow";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { decodeText } from "../shared/base64url";
import { WORKSPACE_HEADER } from "../shared/workspace";
import { WORKSPACES_PATH } from "./workspaces";

const kari = findPersona("kari")!;
const kidOf = (jwt: string) => (JSON.parse(decodeText(jwt.split(".")[0]!)!) as { kid: string }).kid;

interface RingView {
  primary: string;
  keys: { kid: string; status: string; signsFrom: string | null }[];
}

/** Key rotation per workspace, through the real services: Dialogporten signs, the provider verifies from its cache. */
describe("a workspace's key timeline", () => {
  const sb = sandboxSuite({ writeQueueDelayMs: 0 });
  const origin = () => sb.sandbox.config.origin;
  const keysUrl = (ws: string, rest = "") => `${origin()}${WORKSPACES_PATH}/${ws}/keys${rest}`;
  const post = async (ws: string, rest = "") => fetch(keysUrl(ws, rest), { method: "POST" });
  const ring = async (ws: string) => (await (await fetch(keysUrl(ws))).json()) as RingView;
  const ctx = (ws: string) => ({ ...sb.context(false), workspace: ws });
  const dialogIn = async (ws: string) => {
    const login = await signIn(ctx(ws), kari);
    return (await getDialog(ctx(ws), login.value!, DIALOG_ID.taxReturn)).value!;
  };
  const step5 = async (ws: string, token: string) => {
    const dialog = await dialogIn(ws);
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(DIALOG_ID.taxReturn, sb.sandbox.config.serviceProviderOrigin))!;
    const { exchange } = await callServiceProvider({ ...sb.context(true), workspace: ws }, token, action);
    const jwksFetches = (exchange.nested?.exchanges ?? []).filter((e) => e.request.url.endsWith("/jwks.json")).length;
    return { status: exchange.response?.status, code: problemCode(exchange), jwksFetches };
  };
  const jwksKids = async (ws?: string) => {
    const r = await fetch(`${origin()}/dialogporten/api/v1/.well-known/jwks.json`, { headers: ws ? { [WORKSPACE_HEADER]: ws } : {} });
    return ((await r.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  };

  it("publishes a key that may sign only 48 h later, on the workspace's clock", async () => {
    const before = await ring("keys-a");
    expect(before.keys.map((k) => k.status)).toEqual(["primary", "published"]);
    const published = await post("keys-a");
    expect(published.status).toBe(201);
    const after = (await published.json()) as RingView;
    const fresh = after.keys[2]!;
    expect(fresh).toMatchObject({ status: "published" });
    expect(await jwksKids("keys-a")).toEqual([before.primary, before.keys[1]!.kid, fresh.kid]);
    expect(await jwksKids()).toEqual(before.keys.map((k) => k.kid));

    const early = await post("keys-a", `/${fresh.kid}/promote`);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "key_too_new" });

    await fetch(`${origin()}${WORKSPACES_PATH}/keys-a/clock`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ offsetSeconds: 49 * 3600 }),
    });
    expect((await post("keys-a", `/${fresh.kid}/promote`)).status).toBe(200);
    const dialog = await dialogIn("keys-a");
    expect(kidOf(dialog.dialogToken!)).toBe(fresh.kid);
    expect(await step5("keys-a", dialog.dialogToken!)).toMatchObject({ status: 200 });
    // Other workspaces and default still sign with the deployment's Primary.
    expect(kidOf((await dialogIn("keys-a-neighbour")).dialogToken!)).toBe(before.primary);
  });

  it("a cache fetched before a hurried rotation refetches once on the unknown kid", async () => {
    const first = await dialogIn("keys-b");
    expect((await step5("keys-b", first.dialogToken!)).jwksFetches).toBe(1);
    expect((await step5("keys-b", first.dialogToken!)).jwksFetches).toBe(0);
    const fresh = ((await (await post("keys-b")).json()) as RingView).keys[2]!;
    expect((await post("keys-b", `/${fresh.kid}/promote?early=true`)).status).toBe(200);
    const rotated = await dialogIn("keys-b");
    expect(kidOf(rotated.dialogToken!)).toBe(fresh.kid);
    expect(await step5("keys-b", rotated.dialogToken!)).toEqual({ status: 200, code: undefined, jwksFetches: 1 });
  });

  it("a retired key's token is refused once the cache no longer holds the key", async () => {
    const old = await dialogIn("keys-c");
    const before = await ring("keys-c");
    expect(await step5("keys-c", old.dialogToken!)).toMatchObject({ status: 200 });
    const fresh = ((await (await post("keys-c")).json()) as RingView).keys[2]!;
    expect((await post("keys-c", `/${before.primary}/retire`)).status).toBe(409);
    await post("keys-c", `/${fresh.kid}/promote?early=true`);
    expect((await post("keys-c", `/${before.primary}/retire`)).status).toBe(200);
    expect(await jwksKids("keys-c")).not.toContain(before.primary);
    // A cache still holding the retired key trusts it until it refreshes: that is what the flush shows.
    expect(await step5("keys-c", old.dialogToken!)).toMatchObject({ status: 200 });
    const flush = await fetch(`${sb.sandbox.config.serviceProviderOrigin}/service-provider/ws/keys-c/sandbox/jwks-cache`, { method: "DELETE" });
    expect(flush.status).toBe(204);
    expect(await step5("keys-c", old.dialogToken!)).toMatchObject({ status: 401, code: "kid_unknown", jwksFetches: 1 });
    // Never fewer than two keys in the JWKS.
    const second = before.keys[1]!.kid;
    const last = await post("keys-c", `/${second}/retire`);
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ code: "jwks_minimum" });
  });

  it("the shared default workspace keeps the deployment's keys and its shared cache", async () => {
    expect((await post("default")).status).toBe(409);
    expect((await fetch(keysUrl("default"), { method: "DELETE" })).status).toBe(409);
    const flush = await fetch(`${sb.sandbox.config.serviceProviderOrigin}/service-provider/sandbox/jwks-cache`, { method: "DELETE" });
    expect(flush.status).toBe(409);
  });

  it("DELETE puts the workspace back on the deployment's keys", async () => {
    const before = await ring("keys-d");
    await post("keys-d");
    expect((await ring("keys-d")).keys).toHaveLength(3);
    expect((await fetch(keysUrl("keys-d"), { method: "DELETE" })).status).toBe(204);
    expect(await ring("keys-d")).toEqual({ ...before, now: expect.any(String) });
  });
});
