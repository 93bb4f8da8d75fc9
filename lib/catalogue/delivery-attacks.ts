import { attack, olaVat, type CatalogueEntry } from "./types";

/**
 * Attacks on how the token travels and what shape it has: the wrong place (query, cookie), two tokens,
 * quotes, oversize, and bytes that are not a JWS. A verifier refuses them before trusting any claim.
 */
export const DELIVERY_ATTACKS: readonly CatalogueEntry[] = [
  attack({
    id: "token-in-query",
    title: "Token in the query string",
    what: "The token is sent as ?access_token=… and not in the Authorization header.",
    models:
      "Clients that put bearer tokens in URLs, where logs, proxies, browser history and Referer headers keep them (RFC 6750 §2.3 discourages it; early Dialogporten designs allowed it).",
    expectedCode: "token_in_query",
    expectedStep: 4,
    lesson: "Only Authorization: Bearer is accepted; a token in a URL is refused before it is even parsed.",
    recipe: { ...olaVat, transport: "query" },
  }),
  attack({
    id: "token-in-cookie",
    title: "Token in a cookie",
    what: "The token is sent as Cookie: dialog_token=… and not in the Authorization header.",
    models: "Clients that store the token in a cookie, which the browser then attaches to every request to the provider — cross-site request forgery included.",
    expectedCode: "token_in_cookie",
    expectedStep: 4,
    lesson: "A bearer token is sent on purpose, in one header, by the code that means to; cookies are sent by the browser whether you mean it or not.",
    recipe: { ...olaVat, transport: "cookie" },
    notInBrowser: "Browsers never let a script set a Cookie header, and the provider is on another origin; run it from the tests or curl.",
  }),
  attack({
    id: "two-authorization-headers",
    title: "Two Authorization headers",
    what: 'The request carries Authorization twice: the dialog token and the ID-porten access token (fetch joins them as "Bearer …, Bearer …").',
    models:
      "A client library adding its own Authorization beside the app's, or a proxy appending one; which one wins differs between servers (Node itself keeps only the first of two separate lines).",
    expectedCode: "authorization_header_repeated",
    expectedStep: 4,
    lesson: "Exactly one token per request (RFC 6750 §2); ambiguity is refused, never resolved by guessing.",
    recipe: { ...olaVat, transport: "two-headers" },
  }),
  attack({
    id: "quoted-token",
    title: "Token in quotes",
    what: 'The header is Authorization: Bearer "eyJ…" — the token JSON-stringified, quotes and all.',
    models: "A client that serialises the token as a JSON string into the header.",
    expectedCode: "authorization_header_malformed",
    expectedStep: 4,
    lesson: "A bearer token is a b64token (RFC 6750 §2.1); anything else in the header is refused with a precise reason.",
    recipe: { ...olaVat, transport: "quoted" },
  }),
  attack({
    id: "token-12kb",
    title: "A 12 KB token",
    what: "A pad claim makes the token 12 KB long — more than the 8 KB the verifier accepts, less than the 16 KB a server's headers may hold.",
    models: "Oversized tokens meant to exhaust memory or CPU in parsing and signature checks, or an `e` claim grown past header limits (Dialogporten #4365).",
    expectedCode: "token_too_large",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "The verifier caps the token (8 KB) before decoding anything.",
    recipe: { ...olaVat, mutation: "pad-12k" },
  }),
  attack({
    id: "token-64kb",
    title: "A 64 KB token",
    what: "A pad claim makes the token 64 KB long, so the Authorization header alone is four times what the server accepts.",
    models:
      "Header flooding. Node's HTTP server refuses it with a bare 431 before any route runs; the sandbox's own guard answers the same 431 as problem+json in process.",
    expectedCode: "request_header_too_large",
    expectedStep: 4,
    lesson: "Size limits sit in layers: the HTTP server's header limit (16 KB here, 32 KB in Kestrel) comes first, the verifier's token cap second.",
    recipe: { ...olaVat, mutation: "pad-64k" },
    notInBrowser:
      "Node's bare 431 carries no CORS headers, so a browser calling the provider's origin sees only a network error; run it from the tests or curl.",
  }),
  attack({
    id: "not-base64url",
    title: "Bytes that are not base64url",
    what: "One character of the payload becomes '+', which standard base64 uses and base64url does not.",
    models: "A client or library that encodes with standard base64 (+, /, =) where JWS requires base64url.",
    expectedCode: "token_malformed",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "Decoding is strict: base64url only, no padding, canonical — one token has exactly one spelling.",
    recipe: { ...olaVat, mutation: "not-base64url" },
  }),
  attack({
    id: "payload-not-object",
    title: "JSON that is not an object",
    what: "The payload is valid JSON — an array holding the claims — instead of a JSON object.",
    models: "Parsers that accept any JSON and then read claims off whatever came out (a list, a string, null).",
    expectedCode: "token_malformed",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "Claims are a JSON object with typed members; anything else is refused before a claim is read.",
    recipe: { ...olaVat, mutation: "payload-not-object" },
  }),
];
