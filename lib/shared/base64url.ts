/** base64url without padding (RFC 7515 §2). Built on atob/btoa so it runs in Node, browsers and workers alike. */
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function encodeBytes(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function encodeText(text: string): string {
  return encodeBytes(encoder.encode(text));
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Returns null for anything that is not strict base64url (no padding, no `+`/`/`, no impossible length). */
export function decodeBytes(input: string): Uint8Array<ArrayBuffer> | null {
  if (!B64URL.test(input) || input.length % 4 === 1) return null;
  const b64 = input.replace(/-/g, "+").replace(/_/g, "/");
  let binary: string;
  try {
    binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  // Reject non-canonical encodings (trailing bits set), so one token has exactly one spelling.
  return encodeBytes(out) === input ? out : null;
}

/** Decodes base64url to UTF-8 text; null when either step fails. */
export function decodeText(input: string): string | null {
  const bytes = decodeBytes(input);
  if (!bytes) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}
