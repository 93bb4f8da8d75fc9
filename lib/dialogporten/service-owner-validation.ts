import type { DialogportenCode } from "./codes";

/**
 * What the service-owner API's body readers (the JSON Patch, the activity) share: what the caller hands
 * in, how a refusal looks (an ASP.NET-style validation error naming the field), and small shape checks.
 */

/** Pure readers get the clock, the id generator and the register of party names from the caller. */
export interface PatchContext {
  now: number;
  newId: () => string;
  /** The party register: a display name for an actor id, when known. */
  partyName: (actorId: string) => string | undefined;
}

/** A refused body: the problem's status and code, and the field it names. */
export type Invalid = { ok: false; status: 400 | 409 | 422; code: DialogportenCode; detail: string; errors?: Record<string, string[]> };

export const invalid = (status: Invalid["status"], code: DialogportenCode, field: string, detail: string): Invalid => ({
  ok: false,
  status,
  code,
  detail,
  errors: { [field]: [detail] },
});

export const MAX_URI = 255;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function extraKeys(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k));
}

/** An absolute http(s) URL or URN of at most MAX_URI characters, as the API's URI fields require. */
export function isAbsoluteUri(value: string): boolean {
  if (value.length === 0 || value.length > MAX_URI || /\s/.test(value)) return false;
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
