// A service provider written without the project's verifier: plain node:http and node:crypto, as a team
// outside the project would write one. It trusts one Dialogporten (its JWKS and issuer) and serves
// `/dialogs/{dialogId}` to a token that grants one action. With `flaw` set it gets exactly one check wrong,
// so the conformance tests can prove each flaw is caught by the attacks aimed at it, and only by those.
import { createServer } from "node:http";
import { createPublicKey, verify } from "node:crypto";

/** The flaws a provider can have; `none` is the correct provider. */
export const FLAWS = ["none", "no-expiry-check", "ignores-dialog", "bare-action", "no-issuer-pin"];

const B64URL = /^[A-Za-z0-9_-]+$/;
const FORBIDDEN_HEADER = ["jku", "jwk", "x5u", "x5c", "crit"];

const decodeJson = (part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

/** Verifies a compact EdDSA JWS against a JWKS with node:crypto alone; returns { header, claims } or throws. */
export function verifyWithJwks(token, jwks) {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) throw new Error("not a compact JWS");
  const [h, p, s] = parts;
  const header = decodeJson(h);
  if (header.alg !== "EdDSA") throw new Error(`alg ${header.alg}`);
  if (FORBIDDEN_HEADER.some((k) => k in header)) throw new Error("header brings its own key");
  const jwk = jwks.keys.find((k) => k.kid === header.kid && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk || typeof header.kid !== "string") throw new Error("unknown kid");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
  if (!verify(null, Buffer.from(`${h}.${p}`, "ascii"), key, Buffer.from(s, "base64url"))) throw new Error("bad signature");
  const claims = decodeJson(p);
  if (claims === null || typeof claims !== "object" || Array.isArray(claims)) throw new Error("claims not an object");
  return { header, claims };
}

/**
 * Starts a provider on an ephemeral loopback port.
 * @param {{ flaw?: string, jwksUrl: string, issuer: string, action: string, skewSeconds?: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` holds `{dialogId}`.
 */
export async function startProvider({ flaw = "none", jwksUrl, issuer, action, skewSeconds = 10 }) {
  if (!FLAWS.includes(flaw)) throw new Error(`unknown flaw ${flaw}`);
  let jwks;
  const keys = async (refresh) => {
    if (!jwks || refresh) jwks = await (await fetch(jwksUrl)).json();
    return jwks;
  };

  const refuse = (res, status, error, description) => {
    res.writeHead(status, { "content-type": "application/json", "www-authenticate": `Bearer error="${error}", error_description="${description}"` });
    res.end(JSON.stringify({ error, description }));
  };

  const grants = (a, required) => {
    const items = String(a)
      .split(";")
      .filter(Boolean)
      .map((x) => x.toLowerCase());
    // The flaw of Dialogporten #4043 turned around: comparing names only, so any attribute (or none) will do.
    if (flaw === "bare-action") return items.some((x) => x.split(",")[0] === required.split(",")[0].toLowerCase());
    return items.includes(required.toLowerCase());
  };

  const server = createServer(async (req, res) => {
    const match = /^\/dialogs\/([^/?]+)/.exec(req.url ?? "");
    if (!match) return refuse(res, 404, "not_found", "no such route");
    const dialogId = decodeURIComponent(match[1]);
    const auth = req.headers.authorization;
    const bearer = typeof auth === "string" ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(auth) : null;
    if (!bearer) return refuse(res, 401, "invalid_request", "one Authorization: Bearer token");
    let verified;
    try {
      try {
        verified = verifyWithJwks(bearer[1], await keys(false));
      } catch (error) {
        // An unknown kid may mean a rotation: fetch the key set once more, then decide.
        if (error.message !== "unknown kid") throw error;
        verified = verifyWithJwks(bearer[1], await keys(true));
      }
    } catch (error) {
      return refuse(res, 401, "invalid_token", error.message);
    }
    const { header, claims } = verified;
    const now = Math.floor(Date.now() / 1000);
    if (header.typ !== "JWT") return refuse(res, 401, "invalid_token", "typ");
    if (flaw !== "no-issuer-pin" && claims.iss !== issuer) return refuse(res, 401, "invalid_token", "iss");
    if (typeof claims.nbf !== "number" || claims.nbf - skewSeconds > now) return refuse(res, 401, "invalid_token", "nbf");
    if (flaw !== "no-expiry-check" && (typeof claims.exp !== "number" || now > claims.exp + skewSeconds)) return refuse(res, 401, "invalid_token", "exp");
    if (flaw !== "ignores-dialog" && String(claims.i).toLowerCase() !== dialogId.toLowerCase()) return refuse(res, 403, "insufficient_scope", "another dialog");
    if (!grants(claims.a, action)) return refuse(res, 403, "insufficient_scope", "action");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, dialog: dialogId }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/dialogs/{dialogId}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
