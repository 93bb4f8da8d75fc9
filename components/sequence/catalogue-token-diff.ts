import { decodeText } from "@/lib/shared/base64url";

/**
 * What an attack changed in the dialog token, part by part: the token Dialogporten issued against the one the
 * end-user system sent. Computed from the two strings, so the view marks exactly the bytes that differ.
 */

type PartName = "header" | "payload" | "signature";

export interface FieldChange {
  name: string;
  kind: "added" | "removed" | "changed";
  /** The value as JSON text; absent when the field did not exist on that side. */
  before?: string;
  after?: string;
}

export interface PartChange {
  part: PartName;
  changed: boolean;
  /** Member by member, when both sides are JSON objects. */
  fields: FieldChange[];
  /** The whole part, decoded where it decodes (shown when members cannot be compared, and for the signature). */
  before: string;
  after: string;
}

interface TokenDiff {
  /** The token was sent as issued: the attack is in how it was carried, or the fault is elsewhere. */
  same: boolean;
  parts: PartChange[];
}

const PARTS: PartName[] = ["header", "payload", "signature"];

function objectOf(text: string | null): Record<string, unknown> | undefined {
  if (text === null) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const out: FieldChange[] = [];
  for (const name of names) {
    const b = name in before ? JSON.stringify(before[name]) : undefined;
    const a = name in after ? JSON.stringify(after[name]) : undefined;
    if (b === a) continue;
    out.push({
      name,
      kind: b === undefined ? "added" : a === undefined ? "removed" : "changed",
      ...(b !== undefined && { before: b }),
      ...(a !== undefined && { after: a }),
    });
  }
  return out;
}

/** A part as a reader can compare it: decoded JSON text for header and payload, the base64url text otherwise. */
const readable = (part: PartName, raw: string): string => (part === "signature" ? raw : (decodeText(raw) ?? raw));

export function diffTokens(issued: string, sent: string): TokenDiff {
  const b = issued.split(".");
  const a = sent.split(".");
  const parts = PARTS.map((part, i): PartChange => {
    const rawB = b[i] ?? "";
    const rawA = a[i] ?? "";
    const changed = rawB !== rawA;
    const objB = part === "signature" ? undefined : objectOf(decodeText(rawB));
    const objA = part === "signature" ? undefined : objectOf(decodeText(rawA));
    return { part, changed, fields: changed && objB && objA ? fieldChanges(objB, objA) : [], before: readable(part, rawB), after: readable(part, rawA) };
  });
  // More than three parts (a JWE-looking or padded token) is a change of shape, shown on the signature row.
  if (a.length > 3) parts[2] = { ...parts[2]!, changed: true, after: a.slice(2).join(".") };
  return { same: issued === sent, parts };
}
