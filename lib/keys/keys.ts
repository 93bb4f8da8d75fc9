import { decodeBytes, encodeBytes, utf8 } from "../shared/base64url";

/** The default seed is public on purpose: every sandbox derives the same, NOT secret, keys from it. */
export const PUBLIC_DEFAULT_SEED = "dialog-token-sandbox/public-seed/v1";

export interface Ed25519PublicJwk {
  kty: "OKP";
  use: "sig";
  kid: string;
  crv: "Ed25519";
  x: string;
  alg: "EdDSA";
}

export interface SigningKey {
  kid: string;
  /** Non-extractable: the private half never leaves WebCrypto once imported. */
  privateKey: CryptoKey;
  publicJwk: Ed25519PublicJwk;
}

/** Dialogporten keeps exactly two keys: Primary signs, Secondary is only published (docs/real-systems.md §2). */
export interface KeyPair2 {
  primary: SigningKey;
  secondary: SigningKey;
}

/** Raw key material as Dialogporten's settings hold it: base64url 32-byte private seed. */
export interface ConfiguredKey {
  kid: string;
  privateComponent: string;
}

// PKCS#8 wrapper for a raw Ed25519 seed (RFC 8410 §7): fixed 16-byte prefix + 32 bytes.
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

async function keyFromSeedBytes(kid: string, seed: Uint8Array): Promise<SigningKey> {
  if (seed.length !== 32) throw new Error(`Ed25519 private key for ${kid} must be 32 bytes, got ${seed.length}`);
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(seed, 16);
  // Import once extractable only to learn the public `x`, then keep a non-extractable handle.
  const probe = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"]);
  const { x } = (await crypto.subtle.exportKey("jwk", probe)) as JsonWebKey;
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
  return { kid, privateKey, publicJwk: { kty: "OKP", use: "sig", kid, crv: "Ed25519", x: x!, alg: "EdDSA" } };
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(text)));
}

function suffix(bytes: Uint8Array): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(bytes.slice(0, 5), (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Derives a deterministic key (same seed → same key and kid on every instance), so two sandboxes
 * with one seed publish the same JWKS and accept each other's tokens (docs/design.md, principle 7).
 * `kidPrefix` mirrors the real `dp-<env>-<yyMMdd>-<5 chars>` kid format.
 */
export async function deriveKey(seed: string, role: string, kidPrefix: string): Promise<SigningKey> {
  const material = await sha256(`${seed}\u0000${role}`);
  const kidBytes = await sha256(`${seed}\u0000${role}\u0000kid`);
  return keyFromSeedBytes(`${kidPrefix}-${suffix(kidBytes)}`, material);
}

export async function deriveDialogportenKeys(seed: string): Promise<KeyPair2> {
  const [primary, secondary] = await Promise.all([
    deriveKey(seed, "dialogporten/primary", "dp-sandbox-261129"),
    deriveKey(seed, "dialogporten/secondary", "dp-sandbox-261129"),
  ]);
  return { primary, secondary };
}

export async function configuredKeys(primary: ConfiguredKey, secondary: ConfiguredKey): Promise<KeyPair2> {
  const load = async (k: ConfiguredKey) => {
    const bytes = decodeBytes(k.privateComponent);
    if (!bytes) throw new Error(`privateComponent of ${k.kid} is not base64url`);
    return keyFromSeedBytes(k.kid, bytes);
  };
  return { primary: await load(primary), secondary: await load(secondary) };
}

export function jwksOf(keys: SigningKey[]): { keys: Ed25519PublicJwk[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}

/** Signs `header.payload` with Ed25519 and returns the compact JWS. */
export async function signCompact(key: SigningKey, headerJson: string, payloadJson: string): Promise<string> {
  const signingInput = `${encodeBytes(utf8(headerJson))}.${encodeBytes(utf8(payloadJson))}`;
  const signature = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, utf8(signingInput)));
  return `${signingInput}.${encodeBytes(signature)}`;
}
