import { dotnetJson, ENVIRONMENT_ISSUERS, parseActions } from "@/lib/altinn/dialog-token";
import type { ActionRef, Jwks, JwkLike } from "@/lib/altinn/dialog-token";
import { encodeText } from "@/lib/shared/base64url";
import { decodeToken, type TokenParts } from "@/lib/service-provider/decode";
import type { VerifyExpectations } from "@/lib/service-provider/types";

/**
 * The workbench's pure core: a pasted token taken apart, its fields edited as text, put back together with its
 * old signature, and what the service provider is to expect of it. No React, no network: unit-tested alone.
 */

export type Json = Record<string, unknown>;

/** A token taken apart: the encoded parts (kept byte for byte) and the decoded header and claims. */
export interface Piece {
  token: string;
  parts: TokenParts;
  header: Json;
  claims: Json;
}

type PieceResult = { ok: true; piece: Piece } | { ok: false; detail: string };

/** Whitespace a copy from a terminal or an e-mail adds, and a `Bearer ` prefix, are not part of the token. */
export function cleanToken(text: string): string {
  return text.replace(/^\s*(authorization:\s*)?bearer\s+/i, "").replace(/\s+/g, "");
}

export function takeApart(text: string): PieceResult {
  const token = cleanToken(text);
  const d = decodeToken(token);
  if (!d.ok) return { ok: false, detail: d.detail };
  return { ok: true, piece: { token, parts: d.parts, header: d.header, claims: d.payload } };
}

/** A field as the editor shows it: strings bare, everything else as JSON. */
export function fieldText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The edited text back to a value of the type the field had: a number stays a number when the text is one,
 * an object or array when the text is JSON; otherwise the text is a string, which the verifier then names.
 */
export function fieldValue(text: string, original: unknown): unknown {
  if (typeof original === "string") return text;
  if (typeof original === "number" && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Applies edited texts to an object, member by member, keeping member order. */
export function applyEdits(original: Json, texts: Readonly<Record<string, string>>): Json {
  const out: Json = {};
  for (const [name, value] of Object.entries(original)) out[name] = name in texts ? fieldValue(texts[name]!, value) : value;
  return out;
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edited token with the original signature kept. An unchanged part keeps its original bytes (a re-encoding
 * could differ and break a signature nobody touched); a changed one is written as Dialogporten's generator
 * writes JSON (docs/real-systems.md §1.3), so only the edit differs.
 */
export function reassemble(piece: Piece, header: Json, claims: Json): string {
  const h = same(header, piece.header) ? piece.parts.header : encodeText(dotnetJson(header));
  const p = same(claims, piece.claims) ? piece.parts.payload : encodeText(dotnetJson(claims));
  return `${h}.${p}.${piece.parts.signature}`;
}

/** What the form holds for the provider's expectations; empty means "not asked". */
export interface ExpectationForm {
  issuer: string;
  dialogId: string;
  action: string;
  minimumLevel: string;
}

const KNOWN_ISSUERS: readonly string[] = Object.values(ENVIRONMENT_ISSUERS);

/**
 * A provider expects what the token was issued for: its own Dialogporten (the sandbox's, or the real
 * environment the token names), the dialog and the first action in the token as loaded. Edits made later are
 * then measured against what the original token said, which is what a tampered token looks like to a provider.
 */
export function defaultExpectations(claims: Json, sandboxIssuer: string): ExpectationForm {
  const iss = typeof claims.iss === "string" && KNOWN_ISSUERS.includes(claims.iss) ? claims.iss : sandboxIssuer;
  const first = typeof claims.a === "string" ? parseActions(claims.a)[0] : undefined;
  return {
    issuer: iss,
    dialogId: typeof claims.i === "string" ? claims.i : "",
    action: first ? (first.attribute ? `${first.name},${first.attribute}` : first.name) : "",
    minimumLevel: "",
  };
}

/** `delete,urn:altinn:task:Task_1` → the action with its attribute; the comma rule of the `a` claim. */
function actionOf(text: string): ActionRef | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const comma = t.indexOf(",");
  return comma < 0 ? { name: t } : { name: t.slice(0, comma), attribute: t.slice(comma + 1) };
}

export function expectationsOf(form: ExpectationForm): VerifyExpectations {
  const level = form.minimumLevel.trim();
  const action = actionOf(form.action);
  return {
    issuer: form.issuer.trim(),
    ...(form.dialogId.trim() && { dialogId: form.dialogId.trim() }),
    ...(action && { action }),
    ...(/^[0-4]$/.test(level) && { minimumLevel: Number(level) }),
  };
}

export type TimeMode = "now" | "iat" | "chosen";

/** The instant (ms) the checks run at: the real now, the token's own iat, or a chosen time; null when it has none. */
export function checkTime(mode: TimeMode, claims: Json, now: number, chosen: number | null): number | null {
  if (mode === "now") return now;
  if (mode === "iat") return typeof claims.iat === "number" && Number.isFinite(claims.iat) ? claims.iat * 1000 : null;
  return chosen;
}

type JwksResult = { ok: true; jwks: Jwks } | { ok: false; detail: string };

/** A JWKS document from a paste, a file or a fetch: `{"keys": [...]}`; a single JWK is accepted as a set of one. */
export function parseJwks(text: string): JwksResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, detail: "not JSON" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, detail: "not a JSON object" };
  const keys = (value as { keys?: unknown }).keys;
  if (Array.isArray(keys)) return { ok: true, jwks: { keys: keys.filter((k): k is object => k !== null && typeof k === "object") } };
  if ("kty" in value) return { ok: true, jwks: { keys: [value as JwkLike] } };
  return { ok: false, detail: 'no "keys" array' };
}

/** What kind of token was pasted: the workbench checks dialog tokens and explains access tokens. */
export function tokenKind(header: Json, claims: Json): "dialog" | "access" {
  if (typeof header.typ === "string" && header.typ.toLowerCase() === "at+jwt") return "access";
  const accessLike = "scope" in claims || "pid" in claims || "authorization_details" in claims || "client_id" in claims;
  return accessLike && !("i" in claims) ? "access" : "dialog";
}

/** Seconds from `base` to `at` in the largest whole unit, for Intl.RelativeTimeFormat. */
export function relativeParts(at: number, base: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const s = Math.round((at - base) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return { value: s, unit: "second" };
  if (abs < 3600) return { value: Math.trunc(s / 60), unit: "minute" };
  if (abs < 86_400) return { value: Math.trunc(s / 3600), unit: "hour" };
  if (abs < 86_400 * 60) return { value: Math.trunc(s / 86_400), unit: "day" };
  if (abs < 86_400 * 730) return { value: Math.trunc(s / (86_400 * 30)), unit: "month" };
  return { value: Math.trunc(s / (86_400 * 365)), unit: "year" };
}
