import { encodeBytes } from "./base64url";

/**
 * Security headers for the sandbox's pages and its mock APIs. Framework-free (docs/design.md,
 * principle 2): `proxy.ts` calls these per request with the nonce and the service provider's origin.
 */

/**
 * First path segments that belong to the mock services (and the sandbox's own API), not to pages.
 * Their responses are JSON or markdown that a real service sends with its own headers, so they get
 * `nosniff` only (see `apiSecurityHeaders`).
 */
export const API_PREFIXES = ["dialogporten", "authorization", "service-provider", "id-porten", "maskinporten", "sandbox"] as const;

export function isApiPath(pathname: string): boolean {
  const first = pathname.split("/")[1] ?? "";
  return (API_PREFIXES as readonly string[]).includes(first);
}

/** 128 random bits, base64url: a valid CSP nonce-source value that Next's nonce parser accepts too. */
export function newNonce(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)): string {
  return encodeBytes(random(new Uint8Array(16)));
}

export interface PagePolicyInput {
  /** Fresh for every response; Next reads it from the request's CSP header and puts it on its own scripts. */
  nonce: string;
  /** The service provider as the browser reaches it (a second origin, ADR 010): the pages call it with fetch. */
  serviceProviderOrigin: string;
  /** `next dev` only: React's dev build needs eval, dev CSS arrives as inline <style>, the dev overlay loads its own fonts. */
  dev?: boolean;
}

const NONCE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The pages' Content-Security-Policy. Everything not listed falls back to `default-src 'none'`.
 *
 * - `script-src`: only scripts carrying this response's nonce, and what they load (`'strict-dynamic'`:
 *   Next's runtime adds its chunks as script elements). `'self'` is ignored by browsers that know
 *   `'strict-dynamic'` and is only a fallback for those that do not. No `'unsafe-eval'` outside dev.
 *   It must be the first directive whose name starts with `script-src`: Next takes the nonce from that one.
 * - `style-src 'self'`: Tailwind's stylesheet; no page renders a `<style>` element.
 * - `style-src-attr 'unsafe-inline'`: the sequence diagram (and the comparison's bars) place elements
 *   with `style` attributes holding computed percentages; the diagram's are in the server-rendered HTML,
 *   where Chromium drops them (and reports style-src-attr violations on /) under a stricter policy. A
 *   nonce cannot cover an attribute, and hashes would need `'unsafe-hashes'` plus one hash per value. This
 *   allows inline style *attributes* only — not `<style>` elements and not stylesheets from elsewhere —
 *   and CSS cannot fetch anything the other directives do not allow. (Styles React sets after
 *   hydration go through the CSSOM, which CSP does not restrict.)
 * - `connect-src`: the page's own origin (Dialogporten, ID-porten, the sandbox API) and the service
 *   provider's origin, which differs from the page's by design.
 * - `img-src 'self'`: only for the site's icon (app/icon.svg, app/favicon.ico), which browsers load
 *   under the page's policy; no page shows other images (the embeds' markdown renders none).
 * - No `font-src`, `frame-src`, `worker-src` or `manifest-src`: no page uses them (the font is the
 *   system's), so they stay at `default-src 'none'`.
 * - No `upgrade-insecure-requests`: the sandbox is served over plain http on loopback, and its second
 *   origin (http://127.0.0.1:…) would be upgraded to an https that does not exist.
 */
export function contentSecurityPolicy({ nonce, serviceProviderOrigin, dev = false }: PagePolicyInput): string {
  if (!NONCE.test(nonce)) throw new Error("A CSP nonce must be base64 or base64url");
  const connect = ["'self'", ...originOf(serviceProviderOrigin)];
  const directives: [string, ...string[]][] = [
    ["default-src", "'none'"],
    ["script-src", `'nonce-${nonce}'`, "'strict-dynamic'", "'self'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ["style-src-attr", "'unsafe-inline'"],
    ["connect-src", ...new Set(connect)],
    ["img-src", "'self'"],
    ...(dev ? [["font-src", "'self'"] as [string, string]] : []),
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["object-src", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A bare origin for a CSP source list; anything unparsable or with characters CSP cannot carry adds nothing. */
function originOf(url: string): string[] {
  try {
    const { origin } = new URL(url);
    return origin === "null" || /[\s;,']/.test(origin) ? [] : [origin];
  } catch {
    return [];
  }
}

/**
 * `no-referrer`: nothing the sandbox does reads `Referer`. The service provider's CORS check reads
 * `Origin`, and a `fetch` (mode "cors") carries its real `Origin` whatever the referrer policy, same-
 * or cross-origin (Fetch standard, "append a request Origin header"); the policy only blanks `Origin`
 * for no-cors and form requests, which the pages do not make. So the provider learns the calling origin
 * from the header CORS is built on, and no page URL leaves the page.
 */
export const REFERRER_POLICY = "no-referrer";

export type PageSecurityHeaders = {
  "content-security-policy": string;
  "x-content-type-options": "nosniff";
  "referrer-policy": typeof REFERRER_POLICY;
  "x-frame-options": "DENY";
};

/** The headers every page response carries. */
export function pageSecurityHeaders(input: PagePolicyInput): PageSecurityHeaders {
  return {
    "content-security-policy": contentSecurityPolicy(input),
    "x-content-type-options": "nosniff",
    "referrer-policy": REFERRER_POLICY,
    // frame-ancestors 'none' says the same to every browser that knows CSP Level 2.
    "x-frame-options": "DENY",
  };
}

/**
 * The mock APIs keep the headers their real counterparts send (docs/design.md, principle 6). Their
 * bodies are JSON, problem+json or markdown, fetched by the pages or by curl, never framed or rendered
 * as documents, so a page CSP, frame or referrer header on them would protect nothing. `nosniff` does:
 * browsers then keep to the declared type and never sniff a body (which may echo request input) as HTML.
 */
export function apiSecurityHeaders(): Record<string, string> {
  return { "x-content-type-options": "nosniff" };
}
