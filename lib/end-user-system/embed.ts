import { delay } from "../shared/delay";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { EndUserSystemContext } from "./calls";

/** Limits the front-channel embed spec puts on the end-user system (docs/real-systems.md §6.1). */
export const EMBED_MAX_BYTES = 100 * 1024;
const EMBED_TIMEOUT_MS = 10_000;
const RETRIES = 2;
const RETRY_DELAY_MS = 1000;

export type EmbedResult =
  | { kind: "markdown"; text: string }
  /** Legacy HTML (`…;type=text/html`): the portal renders its allow-listed tags only (html.ts). */
  | { kind: "html"; text: string }
  | { kind: "empty" }
  | { kind: "refused"; code: "embed_wrong_content_type" | "embed_too_large"; detail: string }
  | { kind: "error"; status: number; code: string; detail: string };

interface EmbedFetch {
  exchanges: Exchange[];
  result: EmbedResult;
}

/** `application/vnd.dialogporten.frontchannelembed-url;type=text/markdown` → `text/markdown` (or `…;type=text/html` → `text/html`). */
export function remoteTypeOf(mediaType: string): string | null {
  const m = /^application\/vnd\.dialogporten\.frontchannelembed-url;type=([a-z]+\/[a-z0-9.+-]+)$/i.exec(mediaType.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Loads an embed the way the real portal does: GET with the dialog token, Accept-Language, no
 * cookies, a 10 s timeout, up to two retries one second apart — but never on 403/404, which are
 * answers, not glitches. Then the end user's side of the contract: the Content-Type must match the
 * media type Dialogporten announced, 204 means "nothing to show", and bodies over 100 KB are refused.
 */
export async function fetchEmbed(
  ctx: EndUserSystemContext,
  url: string,
  dialogToken: string,
  expectedType: string,
  opts: { language?: string; sleep?: (ms: number) => Promise<void> } = {},
): Promise<EmbedFetch> {
  const sleep = opts.sleep ?? delay;
  const exchanges: Exchange[] = [];
  for (let attempt = 0; ; attempt++) {
    const { exchange, response, body } = await tracedFetch(
      ctx.fetch,
      url,
      {
        headers: { authorization: `Bearer ${dialogToken}`, "accept-language": opts.language ?? "nb, nn;q=0.9, en;q=0.8" },
        credentials: "omit",
        redirect: "follow",
      },
      {
        from: "end-user-system",
        to: "service-provider",
        label: attempt ? `Load the front-channel embed (retry ${attempt})` : "Load the front-channel embed",
        askForTrace: ctx.trace,
        timeoutMs: EMBED_TIMEOUT_MS,
      },
    );
    exchanges.push(exchange);
    const status = response?.status ?? 0;
    const final = status === 403 || status === 404 || (status >= 200 && status < 500) || attempt >= RETRIES;
    if (!final) {
      await sleep(RETRY_DELAY_MS);
      continue;
    }
    return { exchanges, result: interpret(status, response?.headers.get("content-type") ?? "", body, expectedType, exchange) };
  }
}

function interpret(status: number, contentType: string, body: string | null, expectedType: string, exchange: Exchange): EmbedResult {
  if (status === 0) return { kind: "error", status, code: "embed_unreachable", detail: exchange.error ?? "No answer." };
  if (status === 204) return { kind: "empty" };
  if (status < 200 || status >= 300) {
    let code = `http_${status}`;
    let detail = `The service provider answered ${status}.`;
    try {
      const problem = JSON.parse(body ?? "") as { code?: string; detail?: string };
      code = problem.code ?? code;
      detail = problem.detail ?? detail;
    } catch {
      // Not a problem+json body: the status says enough.
    }
    return { kind: "error", status, code, detail };
  }
  const actual = contentType.split(";")[0]!.trim().toLowerCase();
  if (actual !== expectedType) {
    return { kind: "refused", code: "embed_wrong_content_type", detail: `Expected ${expectedType}, got ${actual || "no Content-Type"}.` };
  }
  const bytes = new TextEncoder().encode(body ?? "").byteLength;
  if (bytes > EMBED_MAX_BYTES) return { kind: "refused", code: "embed_too_large", detail: `${bytes} bytes is more than the 100 KB an embed may be.` };
  if (!body) return { kind: "empty" };
  return expectedType === "text/html" ? { kind: "html", text: body } : { kind: "markdown", text: body };
}
