import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { callServiceProvider, getDialog, resolveAction, signIn } from "@/lib/end-user-system/calls";
import { problemCode, seedUrlFor } from "@/lib/end-user-system/flow";
import { deriveDialogportenKeys, signCompact, type SigningKey } from "@/lib/keys/keys";
import { deriveRingKey } from "@/lib/keys/ring";
import { DIALOG_ID } from "@/lib/seed/dialogs";
import { findPersona } from "@/lib/seed/personas";
import { decodeText } from "@/lib/shared/base64url";
import { serviceProviderNotes } from "../exchange/trace-notes";
import { keyVerdict, type KeyPath, type KeyVerdict } from "./key-verdict";
import type { CacheView, KeysView } from "./world-api";

const kari = findPersona("kari")!;

/**
 * The verdicts are predictions; the oracle is the provider itself. Each state of a real workspace (its ring, read
 * from the keys API, and the provider's cache, read from its own endpoint) is asked for a verdict per key, and
 * then a token signed by that key is really sent to the provider: the verdict must be what happened.
 */
describe("a key's verdict matches what the provider then does", () => {
  const sb = sandboxSuite({ writeQueueDelayMs: 0 });
  const ws = "verdicts";
  const api = (path: string, method = "GET") => fetch(`${sb.sandbox.config.origin}${path}`, { method });
  const keysApi = (rest = "", method = "GET") => api(`/sandbox/api/v1/workspaces/${ws}/keys${rest}`, method);
  const ring = async () => (await (await keysApi()).json()) as KeysView;
  const cache = async () => (await (await api(`/service-provider/ws/${ws}/sandbox/jwks-cache`)).json()) as CacheView;
  const ctx = (trace = false) => ({ ...sb.context(trace), workspace: ws });

  /** A dialog token of this workspace, re-signed by `key`: the same claims, only the signer (and kid) differ. */
  async function tokenBy(key: SigningKey): Promise<string> {
    const login = await signIn(ctx(), kari);
    const issued = (await getDialog(ctx(), login.value!, DIALOG_ID.taxReturn)).value!.dialogToken!;
    const [header, payload] = issued.split(".").map((part) => decodeText(part)!);
    return signCompact(key, JSON.stringify({ ...JSON.parse(header!), kid: key.kid }), payload!);
  }

  /** Step 5 for real, described as a verdict: how the provider came by its keys, and whether it accepted. */
  async function actual(token: string): Promise<KeyVerdict & { code?: string }> {
    const dialog = (await getDialog(ctx(), (await signIn(ctx(), kari)).value!, DIALOG_ID.taxReturn)).value!;
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(DIALOG_ID.taxReturn, sb.sandbox.config.serviceProviderOrigin))!;
    const { exchange } = await callServiceProvider(ctx(true), token, action);
    const notes = serviceProviderNotes(exchange);
    const fetched = { cold: "fetch", stale: "refresh", unknown_kid: "refetch" } as const;
    const path: KeyPath = notes.keyFetch ? fetched[notes.keyFetch] : notes.jwks?.startsWith("Unknown kid") ? "refetch_skipped" : "cache";
    const code = problemCode(exchange);
    return { accepted: exchange.response?.status === 200, path, ...(code && { code }) };
  }

  async function keyOf(kid: string): Promise<SigningKey> {
    const base = await deriveDialogportenKeys(sb.sandbox.config.seed);
    if (kid === base.primary.kid) return base.primary;
    if (kid === base.secondary.kid) return base.secondary;
    const keys = (await ring()).keys;
    const n = keys.findIndex((k) => k.kid === kid);
    const entry = keys[n]!;
    return deriveRingKey(sb.sandbox.config.seed, ws, { n, publishedAt: Date.parse(entry.publishedAt!) });
  }

  /** Predicts, then checks, one key against the workspace as it is now. */
  async function expectVerdict(kid: string, expected: KeyVerdict) {
    const [keys, held] = await Promise.all([ring(), cache()]);
    const key = keys.keys.find((k) => k.kid === kid)!;
    const predicted = keyVerdict(key, held, Date.parse(held.now));
    expect(predicted).toEqual(expected);
    const happened = await actual(await tokenBy(await keyOf(kid)));
    expect({ accepted: happened.accepted, path: happened.path }).toEqual(predicted);
    if (!predicted.accepted) expect(happened.code).toBe("kid_unknown");
  }

  it("through a hurried rotation: fetch, cache, refetch on the unknown kid, a retired key cached and then refused", async () => {
    const [primary, secondary] = (await ring()).keys.map((k) => k.kid) as [string, string];
    await expectVerdict(primary, { accepted: true, path: "fetch" });
    await expectVerdict(secondary, { accepted: true, path: "cache" });

    const fresh = ((await (await keysApi("", "POST")).json()) as KeysView).keys[2]!.kid;
    expect((await keysApi(`/${fresh}/promote?early=true`, "POST")).status).toBe(200);
    await expectVerdict(fresh, { accepted: true, path: "refetch" });

    // The refetch just made holds the old Primary; retiring it changes nothing for a cache that still has it.
    expect((await keysApi(`/${primary}/retire`, "POST")).status).toBe(200);
    await expectVerdict(primary, { accepted: true, path: "cache" });

    // Another unknown kid within the refetch interval: the provider does not ask again, so it refuses.
    const newer = ((await (await keysApi("", "POST")).json()) as KeysView).keys[3]!.kid;
    await expectVerdict(newer, { accepted: false, path: "refetch_skipped" });

    // Flushed: the next fetch brings the JWKS without the retired key.
    expect((await api(`/service-provider/ws/${ws}/sandbox/jwks-cache`, "DELETE")).status).toBe(204);
    await expectVerdict(primary, { accepted: false, path: "fetch" });
  });
});

describe("keyVerdict on its own", () => {
  const at = (iso: string) => Date.parse(iso);
  const held = { kids: ["k0", "k1"], fetchedAt: "2026-12-01T10:00:00Z", staleAt: "2026-12-01T11:00:00Z", stale: false };

  it("refreshes stale keys: a published key is then accepted, a retired one refused", () => {
    const later = at("2026-12-01T11:00:00Z");
    expect(keyVerdict({ kid: "k0", status: "primary" }, { cached: held, kidRefetchAllowedFrom: null }, later)).toEqual({ accepted: true, path: "refresh" });
    expect(keyVerdict({ kid: "k0", status: "retired" }, { cached: held, kidRefetchAllowedFrom: null }, later)).toEqual({ accepted: false, path: "refresh" });
  });

  it("refetches an unknown kid once the interval has passed", () => {
    const cache = { cached: held, kidRefetchAllowedFrom: "2026-12-01T10:01:00Z" };
    expect(keyVerdict({ kid: "k2", status: "published" }, cache, at("2026-12-01T10:00:30Z"))).toEqual({ accepted: false, path: "refetch_skipped" });
    expect(keyVerdict({ kid: "k2", status: "published" }, cache, at("2026-12-01T10:01:00Z"))).toEqual({ accepted: true, path: "refetch" });
  });
});
