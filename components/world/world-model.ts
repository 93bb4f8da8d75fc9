import { MIN_PUBLISHED } from "@/lib/keys/rules";
import type { Locale } from "../i18n/locale";
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
export interface JumpEffect {
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

const UNITS: Record<Locale, { s: string; min: string; h: string; d: string }> = {
  en: { s: "s", min: "min", h: "h", d: "d" },
  nb: { s: "s", min: "min", h: "t", d: "d" },
};

/** A duration as people say it on a clock: "45 s", "11 min", "31 h", "2 d 4 h" (the two largest units). */
export function duration(totalSeconds: number, locale: Locale): string {
  const u = UNITS[locale];
  const s = Math.round(Math.abs(totalSeconds));
  const parts: [number, string][] =
    s < 60
      ? [[s, u.s]]
      : s < 3600
        ? [
            [Math.floor(s / 60), u.min],
            [s % 60, u.s],
          ]
        : s < 72 * 3600
          ? [
              [Math.floor(s / 3600), u.h],
              [Math.floor((s % 3600) / 60), u.min],
            ]
          : [
              [Math.floor(s / 86_400), u.d],
              [Math.floor((s % 86_400) / 3600), u.h],
            ];
  return parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(" ");
}

/** A signed duration, "+11 min" or "−30 s" (a real minus sign). */
export const signed = (seconds: number, locale: Locale): string => `${seconds < 0 ? "\u2212" : "+"}${duration(seconds, locale)}`;
