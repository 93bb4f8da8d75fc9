import type { PolicyDocument } from "@/lib/altinn/policy-document";
import { decodeBytes, encodeBytes, utf8 } from "@/lib/shared/base64url";
import { readStreamCapped as collect } from "@/lib/shared/capped-stream";

/**
 * A policy document as a link parameter: its compact JSON, deflated, in base64url. Deflating matters: the
 * seed's document alone is about 3,000 characters of JSON and 4,000 of plain base64url, past what a link
 * may carry (run-link.ts, MAX_LINK_LENGTH), and under 900 deflated, so an edited one still travels.
 * CompressionStream is a Web API (browsers, Node 18+), so no library is needed.
 */

/** The largest document a link may unpack to: the workspace API refuses bigger bodies anyway (128 KiB). */
const MAX_UNPACKED_BYTES = 128 * 1024;

export async function encodePolicies(document: PolicyDocument): Promise<string> {
  const packed = new Blob([utf8(JSON.stringify(document))]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return encodeBytes((await collect(packed, Number.MAX_SAFE_INTEGER))!);
}

/** The JSON a link's `policies` carries, or null when it is not one of ours; the server still validates it. */
export async function decodePolicies(value: string): Promise<unknown> {
  const bytes = decodeBytes(value);
  if (!bytes) return null;
  try {
    const unpacked = await collect(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")), MAX_UNPACKED_BYTES);
    return unpacked ? (JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(unpacked)) as unknown) : null;
  } catch {
    return null;
  }
}
