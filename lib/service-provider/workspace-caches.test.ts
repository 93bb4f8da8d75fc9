import { describe, expect, it } from "vitest";
import { DIALOG_ID } from "../seed/dialogs";
import { decodeTrace } from "../shared/trace";
import { makeToken, TEST_NOW, testKeys } from "./fixtures/sandbox-tokens";
import { problemOf, req, setup, token } from "./handler.test-helper";
import type { GateNotes } from "./trace-notes";

const HOUR = 3600_000;

interface CacheView {
  workspace: string;
  now: string;
  ttlSeconds: number;
  leewaySeconds: number;
  refetchIntervalSeconds: number;
  cached: { kids: string[]; jwksUri: string; fetchedAt: string; staleAt: string; stale: boolean } | null;
  kidRefetchAllowedFrom: string | null;
}

/** A provider whose workspace "ws-late" runs 25 h ahead, as a workspace clock with an offset does. */
async function provider() {
  const s = await setup({
    clockOf: async (workspace) => ({ now: () => s.clock.now + (workspace === "ws-late" ? 25 * HOUR : 0), fixed: false }),
  });
  return s;
}

const prefix = (workspace?: string) => (workspace ? `/service-provider/ws/${workspace}` : "/service-provider");
const iso = (ms: number) => new Date(ms).toISOString();

async function cacheOf(sp: (r: Request) => Promise<Response>, workspace?: string): Promise<CacheView> {
  const res = await sp(req(`${prefix(workspace)}/sandbox/jwks-cache`));
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return (await res.json()) as CacheView;
}

async function embed(sp: (r: Request) => Promise<Response>, workspace: string, bearer: string) {
  const res = await sp(req(`${prefix(workspace)}/fce/${DIALOG_ID.taxReturn}`, { bearer, headers: { "sandbox-trace": "on" } }));
  return { status: res.status, notes: (await decodeTrace(res.headers.get("sandbox-trace")!))!.notes as GateNotes };
}

describe("the provider's key cache, as the sandbox shows it (GET …/sandbox/jwks-cache)", () => {
  it("reports the running settings, and an empty cache until a token needs keys", async () => {
    const { sp } = await provider();
    expect(await cacheOf(sp, "ws-a")).toEqual({
      workspace: "ws-a",
      now: iso(TEST_NOW),
      ttlSeconds: 3600,
      leewaySeconds: 10,
      refetchIntervalSeconds: 60,
      cached: null,
      kidRefetchAllowedFrom: null,
    });
    // default answers too: reading its cache changes nothing for anyone.
    expect(await cacheOf(sp)).toMatchObject({ workspace: "default", cached: null });
  });

  it("shows what one workspace's cache holds, on that workspace's clock, and nobody else's", async () => {
    const { sp, clock } = await provider();
    const keys = await testKeys();
    expect((await embed(sp, "ws-a", await token(DIALOG_ID.taxReturn))).notes).toMatchObject({ keySource: "network", keyFetch: "cold" });
    const a = await cacheOf(sp, "ws-a");
    expect(a.cached).toEqual({
      kids: [keys.primary.kid, keys.secondary.kid],
      jwksUri: expect.stringMatching(/\/jwks\.json$/),
      fetchedAt: iso(TEST_NOW),
      staleAt: iso(TEST_NOW + HOUR),
      stale: false,
    });
    expect((await cacheOf(sp, "ws-b")).cached).toBeNull();
    expect((await cacheOf(sp)).cached).toBeNull();

    clock.now += HOUR;
    expect((await cacheOf(sp, "ws-a")).cached).toMatchObject({ stale: true });
    expect((await embed(sp, "ws-a", await token(DIALOG_ID.taxReturn, "read", { iat: Math.floor(clock.now / 1000) }))).notes).toMatchObject({
      keyFetch: "stale",
    });
  });

  it("runs a workspace's cache on its own provider clock", async () => {
    const { sp } = await provider();
    const late = TEST_NOW + 25 * HOUR;
    await embed(sp, "ws-late", await token(DIALOG_ID.taxReturn, "read", { iat: Math.floor(late / 1000) }));
    expect(await cacheOf(sp, "ws-late")).toMatchObject({ now: iso(late), cached: { fetchedAt: iso(late), staleAt: iso(late + HOUR), stale: false } });
  });

  it("says when an unknown kid may next make the provider refetch", async () => {
    const { sp, clock } = await provider();
    await embed(sp, "ws-kid", await token(DIALOG_ID.taxReturn));
    // Signed by the right key under a kid the JWKS lacks: only the kid lookup refuses it, after one refetch.
    const forged = await makeToken({ claims: { i: DIALOG_ID.taxReturn, a: "read" }, header: { kid: "dp-sandbox-unknown" } });
    const unknown = await embed(sp, "ws-kid", forged);
    expect(unknown).toMatchObject({ status: 401, notes: { keyFetch: "unknown_kid", verification: { failure: { failure: "kid_unknown" } } } });
    expect((await cacheOf(sp, "ws-kid")).kidRefetchAllowedFrom).toBe(iso(clock.now + 60_000));
    clock.now += 60_000;
    expect((await cacheOf(sp, "ws-kid")).kidRefetchAllowedFrom).toBeNull();
  });

  it("DELETE forgets one workspace's keys; the shared default refuses", async () => {
    const { sp } = await provider();
    await embed(sp, "ws-flush", await token(DIALOG_ID.taxReturn));
    const flushed = await sp(req(`${prefix("ws-flush")}/sandbox/jwks-cache`, { method: "DELETE" }));
    expect(flushed.status).toBe(204);
    expect((await cacheOf(sp, "ws-flush")).cached).toBeNull();
    const refused = await sp(req(`${prefix()}/sandbox/jwks-cache`, { method: "DELETE" }));
    expect(refused.status).toBe(409);
    expect((await problemOf(refused)).code).toBe("default_workspace_shared");
  });
});
