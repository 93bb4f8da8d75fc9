import { MIN_PUBLISHED } from "@/lib/keys/rules";
import type { LinkClock } from "../workspace/link-clock";
import { keyVerdict, type KeyVerdict } from "./key-verdict";
import { timeVerdict, type TimeOutcome } from "./time-verdict";
import type { CacheView, KeysView } from "./world-api";

/**
 * The world of one workspace as the /workspace page reads it (its clock, Dialogporten's key ring, the
 * provider's key cache), and what follows from it at a given instant. Pure: the page ticks `realNow`.
 */
export interface World {
  clock: LinkClock;
  keys: KeysView;
  cache: CacheView;
}

export type Side = "dialogporten" | "service-provider";

/** The workspace clock (no side's skew): the frozen instant or the real time, shifted by the offset. */
export function workspaceNow(clock: LinkClock, realNow: number): number {
  return (clock.at === undefined ? realNow : Date.parse(clock.at)) + (clock.offset ?? 0) * 1000;
}

/** One side's clock: the workspace clock plus that side's skew (lib/store/clock.ts, clockOf). */
export function sideNow(clock: LinkClock, realNow: number, side: Side): number {
  return workspaceNow(clock, realNow) + ((side === "dialogporten" ? clock.skewDp : clock.skewSp) ?? 0) * 1000;
}

/** What a jump forward would do: to a token issued just before it, to the provider's cache, to keys waiting for their 48 h. */
interface JumpEffect {
  token: TimeOutcome;
  cacheStale: boolean;
  promotable: string[];
}

export function jumpEffect(seconds: number, world: World, realNow: number): JumpEffect {
  const { clock, keys, cache } = world;
  const token = timeVerdict({ skewDp: clock.skewDp ?? 0, skewSp: clock.skewSp ?? 0, leewaySeconds: cache.leewaySeconds, elapsedSeconds: seconds }).outcome;
  const spAfter = sideNow(clock, realNow, "service-provider") + seconds * 1000;
  const cacheStale = cache.cached !== null && Date.parse(cache.cached.staleAt) <= spAfter;
  const dpNow = sideNow(clock, realNow, "dialogporten");
  const promotable = keys.keys
    .filter((k) => k.status === "published" && k.signsFrom !== null)
    .filter((k) => Date.parse(k.signsFrom!) > dpNow && Date.parse(k.signsFrom!) <= dpNow + seconds * 1000)
    .map((k) => k.kid);
  return { token, cacheStale, promotable };
}

/** Each key's verdict now, on the provider's clock in the workspace. */
export function verdicts(world: World, realNow: number): Map<string, KeyVerdict> {
  const spNow = sideNow(world.clock, realNow, "service-provider");
  return new Map(world.keys.keys.map((k) => [k.kid, keyVerdict(k, world.cache, spNow)]));
}

/** Why a key cannot be promoted or retired now (null: it can), by the ring's rules (lib/keys/ring.ts). */
export type Blocked = { why: "primary" | "retired" | "minimum" } | { why: "too_new"; seconds: number } | null;

export function promoteBlock(key: KeysView["keys"][number], world: World, realNow: number): Blocked {
  if (key.status === "primary") return { why: "primary" };
  if (key.status === "retired") return { why: "retired" };
  const wait = key.signsFrom === null ? 0 : Math.ceil((Date.parse(key.signsFrom) - sideNow(world.clock, realNow, "dialogporten")) / 1000);
  return wait > 0 ? { why: "too_new", seconds: wait } : null;
}

export function retireBlock(key: KeysView["keys"][number], world: World): Blocked {
  if (key.status === "primary") return { why: "primary" };
  if (key.status === "retired") return { why: "retired" };
  return world.keys.keys.filter((k) => k.status !== "retired").length <= MIN_PUBLISHED ? { why: "minimum" } : null;
}
