import { deriveKey, type KeyPair2, type SigningKey } from "./keys";
import { MIN_PUBLISHED, PUBLISH_LEAD_MS } from "./rules";

/**
 * A workspace's Dialogporten signing keys, rotated by the documented rules (docs/real-systems.md §2.4):
 * a new key is published at least 48 h before it signs, the JWKS always holds at least two keys, and
 * verifiers accept any key in it. Only Primary signs. The ring stores no private key: every key is
 * derived from the sandbox's seed, the workspace and the key's number, so every instance derives the
 * same keys from the same stored ring (docs/design.md, principle 7).
 */
export interface RingEntry {
  kid: string;
  /** 0 and 1 are the deployment's own Primary and Secondary; 2 and up are this workspace's. */
  n: number;
  /** Epoch ms on the workspace's clock; the deployment's keys count as published long ago (0). */
  publishedAt: number;
  retiredAt?: number;
}

export interface KeyRing {
  primary: string;
  keys: RingEntry[];
}

/** The workspace store key the ring lives under. */
export const KEYS_KEY = "keys";
export { MIN_PUBLISHED, PUBLISH_LEAD_MS } from "./rules";
export const MAX_RING = 10;

export const RING_CODES = ["key_not_found", "key_retired", "key_too_new", "key_is_primary", "jwks_minimum", "ring_full"] as const;
export type RingCode = (typeof RING_CODES)[number];
export type RingChange = { ok: true; ring: KeyRing } | { ok: false; status: 404 | 409; code: RingCode; detail: string };

export function seedRing(base: KeyPair2): KeyRing {
  return {
    primary: base.primary.kid,
    keys: [
      { kid: base.primary.kid, n: 0, publishedAt: 0 },
      { kid: base.secondary.kid, n: 1, publishedAt: 0 },
    ],
  };
}

const published = (ring: KeyRing) => ring.keys.filter((k) => k.retiredAt === undefined);
const iso = (ms: number) => new Date(ms).toISOString();

/** The date part of a kid, as the real `dp-<env>-<yyMMdd>-<5 chars>` has it. */
const yymmdd = (ms: number) => iso(ms).slice(2, 10).replaceAll("-", "");

/** Derives key `n` of `workspace` (n ≥ 2); n 0 and 1 are the deployment's keys. */
export function deriveRingKey(seed: string, workspace: string, entry: Pick<RingEntry, "n" | "publishedAt">): Promise<SigningKey> {
  return deriveKey(seed, `dialogporten/workspace/${workspace}/${entry.n}`, `dp-sandbox-${yymmdd(entry.publishedAt)}`);
}

export async function publishKey(
  ring: KeyRing,
  now: number,
  derive: (entry: Pick<RingEntry, "n" | "publishedAt">) => Promise<SigningKey>,
): Promise<RingChange> {
  if (ring.keys.length >= MAX_RING) return { ok: false, status: 409, code: "ring_full", detail: `A workspace holds at most ${MAX_RING} keys; reset its keys.` };
  const n = Math.max(...ring.keys.map((k) => k.n)) + 1;
  const key = await derive({ n, publishedAt: now });
  return { ok: true, ring: { ...ring, keys: [...ring.keys, { kid: key.kid, n, publishedAt: now }] } };
}

/**
 * Makes `kid` Primary. `early` breaks the 48 h rule on purpose — what a hurried rotation does — so a
 * learner can watch a verifier meet a kid its fresh cache does not hold, and refetch once.
 */
export function promoteKey(ring: KeyRing, kid: string, now: number, early = false): RingChange {
  const entry = ring.keys.find((k) => k.kid === kid);
  if (!entry) return { ok: false, status: 404, code: "key_not_found", detail: `No key ${kid} in this workspace.` };
  if (entry.retiredAt !== undefined) return { ok: false, status: 409, code: "key_retired", detail: `${kid} was retired; publish a new key.` };
  const signsFrom = entry.publishedAt + PUBLISH_LEAD_MS;
  if (now < signsFrom && !early) {
    const detail = `${kid} was published ${iso(entry.publishedAt)}; it may sign from ${iso(signsFrom)}, 48 h later, so every verifier's cache has it by then.`;
    return { ok: false, status: 409, code: "key_too_new", detail };
  }
  return { ok: true, ring: { ...ring, primary: kid } };
}

export function retireKey(ring: KeyRing, kid: string, now: number): RingChange {
  const entry = ring.keys.find((k) => k.kid === kid);
  if (!entry) return { ok: false, status: 404, code: "key_not_found", detail: `No key ${kid} in this workspace.` };
  if (entry.retiredAt !== undefined) return { ok: true, ring };
  if (kid === ring.primary) return { ok: false, status: 409, code: "key_is_primary", detail: `${kid} signs today's tokens; promote another key first.` };
  if (published(ring).length <= MIN_PUBLISHED)
    return { ok: false, status: 409, code: "jwks_minimum", detail: `The JWKS always holds at least ${MIN_PUBLISHED} keys; publish another key first.` };
  return { ok: true, ring: { ...ring, keys: ring.keys.map((k) => (k.kid === kid ? { ...k, retiredAt: now } : k)) } };
}

/** The JWKS order: Primary first, then the other published keys, oldest first (as the real lists Primary, Secondary). */
export function jwksEntries(ring: KeyRing): RingEntry[] {
  const live = published(ring);
  return [...live.filter((k) => k.kid === ring.primary), ...live.filter((k) => k.kid !== ring.primary)];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A stored ring, or null when it is not one (then the workspace uses the deployment's keys). */
export function parseRing(raw: string | null): KeyRing | null {
  if (raw === null || raw === "null") return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (!isObject(v) || typeof v.primary !== "string" || !Array.isArray(v.keys)) return null;
    const keys = v.keys.filter((k): k is RingEntry => isObject(k) && typeof k.kid === "string" && Number.isInteger(k.n) && typeof k.publishedAt === "number");
    return keys.length === v.keys.length && keys.some((k) => k.kid === v.primary) ? { primary: v.primary, keys } : null;
  } catch {
    return null;
  }
}
