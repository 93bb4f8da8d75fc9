import { describe, expect, it } from "vitest";
import type { CacheView, KeysView } from "./world-api";
import { jumpEffect, promoteBlock, retireBlock, sideNow, verdicts, workspaceNow, type World } from "./world-model";

const REAL = Date.parse("2026-12-01T10:00:00Z");
const HOUR = 3600;

function world(over: { clock?: World["clock"]; keys?: KeysView["keys"]; cache?: Partial<CacheView> } = {}): World {
  return {
    clock: over.clock ?? {},
    keys: {
      primary: "k0",
      now: new Date(REAL).toISOString(),
      keys: over.keys ?? [
        { kid: "k0", status: "primary", origin: "deployment", publishedAt: null, signsFrom: null },
        { kid: "k1", status: "published", origin: "deployment", publishedAt: null, signsFrom: null },
        { kid: "k2", status: "published", origin: "workspace", publishedAt: "2026-12-01T07:00:00Z", signsFrom: "2026-12-03T07:00:00Z" },
      ],
    },
    cache: {
      now: new Date(REAL).toISOString(),
      ttlSeconds: HOUR,
      leewaySeconds: 10,
      refetchIntervalSeconds: 60,
      cached: { kids: ["k0", "k1"], fetchedAt: "2026-12-01T09:30:00Z", staleAt: "2026-12-01T10:30:00Z", stale: false },
      kidRefetchAllowedFrom: null,
      ...over.cache,
    },
  };
}

describe("the workspace's clocks", () => {
  it("shift the real time by the offset, or stand at the frozen instant; each side adds its skew", () => {
    expect(workspaceNow({}, REAL)).toBe(REAL);
    expect(workspaceNow({ offset: 660 }, REAL)).toBe(REAL + 660_000);
    expect(workspaceNow({ at: "2026-01-01T00:00:00Z", offset: 60 }, REAL)).toBe(Date.parse("2026-01-01T00:01:00Z"));
    expect(sideNow({ offset: 60, skewDp: 120, skewSp: -30 }, REAL, "dialogporten")).toBe(REAL + 180_000);
    expect(sideNow({ offset: 60, skewDp: 120, skewSp: -30 }, REAL, "service-provider")).toBe(REAL + 30_000);
  });
});

describe("what a jump does", () => {
  it("expires a token issued before a jump past ten minutes and the leeway, and not one of five minutes", () => {
    expect(jumpEffect(5 * 60, world(), REAL).token).toBe("accepted");
    expect(jumpEffect(11 * 60, world(), REAL).token).toBe("token_expired");
  });

  it("makes the provider's cache stale once the jump reaches its stale time, on the provider's clock", () => {
    expect(jumpEffect(5 * 60, world(), REAL).cacheStale).toBe(false);
    expect(jumpEffect(HOUR, world(), REAL).cacheStale).toBe(true);
    expect(jumpEffect(20 * 60, world({ clock: { skewSp: 600 } }), REAL).cacheStale).toBe(true);
    expect(jumpEffect(HOUR, world({ cache: { cached: null } }), REAL).cacheStale).toBe(false);
  });

  it("names the keys whose 48 hours end within the jump", () => {
    expect(jumpEffect(25 * HOUR, world(), REAL).promotable).toEqual([]);
    expect(jumpEffect(48 * HOUR, world(), REAL).promotable).toEqual(["k2"]);
  });
});

describe("what the key buttons may do", () => {
  const [k0, k1, k2] = world().keys.keys as [KeysView["keys"][number], KeysView["keys"][number], KeysView["keys"][number]];

  it("promotes a key only 48 h after it was published, on Dialogporten's clock", () => {
    expect(promoteBlock(k2, world(), REAL)).toEqual({ why: "too_new", seconds: 45 * HOUR });
    expect(promoteBlock(k2, world({ clock: { offset: 45 * HOUR } }), REAL)).toBeNull();
    expect(promoteBlock(k2, world({ clock: { skewDp: HOUR } }), REAL)).toEqual({ why: "too_new", seconds: 44 * HOUR });
    expect(promoteBlock(k1, world(), REAL)).toBeNull();
    expect(promoteBlock(k0, world(), REAL)).toEqual({ why: "primary" });
  });

  it("retires a key only while two others stay published, and never Primary", () => {
    expect(retireBlock(k0, world())).toEqual({ why: "primary" });
    expect(retireBlock(k1, world())).toBeNull();
    expect(retireBlock(k1, world({ keys: [k0, k1] }))).toEqual({ why: "minimum" });
    expect(retireBlock({ ...k2, status: "retired" }, world())).toEqual({ why: "retired" });
  });

  it("gives each key its verdict on the provider's clock", () => {
    const v = verdicts(world(), REAL);
    expect(v.get("k0")).toEqual({ accepted: true, path: "cache" });
    expect(v.get("k2")).toEqual({ accepted: true, path: "refetch" });
    expect(verdicts(world({ clock: { skewSp: HOUR } }), REAL).get("k0")).toEqual({ accepted: true, path: "refresh" });
  });
});
