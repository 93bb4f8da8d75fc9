import type { SigningKey } from "../keys/keys";
import { jwksOf, signCompact } from "../keys/keys";
import { findPersona } from "../seed/personas";
import { findServiceOwner } from "../seed/service-owners";
import { PERSONA_GRANT, SERVICE_OWNER_GRANT, LEGACY_HTML_SCOPE, SERVICE_OWNER_SCOPE } from "../altinn/grants";
import { json, problem } from "../shared/problem";
import { readTextCapped, router } from "../shared/router";
import type { IdentityProvider } from "../shared/services";
import { IDENTITY_PROVIDERS, identityProviderOf } from "../shared/services";
import type { Clock, Handler } from "../shared/types";
import type { IdPortenCode } from "./codes";

/** Access tokens from the mock identity providers live two minutes, as ID-porten's do by default. */
const ACCESS_TOKEN_LIFETIME_SECONDS = 120;

export function idpIssuer(origin: string, provider: IdentityProvider): string {
  return `${origin}/${provider}`;
}

interface IdentityProviderOptions {
  origin: string;
  key: SigningKey;
  now: Clock;
}

/**
 * A stand-in for ID-porten and Maskinporten with one sandbox-only grant: "sign me in as this
 * persona". Real logins (authorization code, JWT bearer) are out of scope; the token it returns has
 * the claims Dialogporten reads from the real ones.
 */
export function createIdentityProvider(opts: IdentityProviderOptions): Handler {
  const routes = IDENTITY_PROVIDERS.flatMap((provider) => [
    { path: `/${provider}/token`, methods: { POST: (r: Request) => token(r, provider, opts) } },
    { path: `/${provider}/jwks`, methods: { GET: async () => json(jwksOf([opts.key]), { headers: { "cache-control": "public, max-age=3600" } }) } },
    {
      path: `/${provider}/.well-known/${provider === "id-porten" ? "openid-configuration" : "oauth-authorization-server"}`,
      methods: {
        GET: async () =>
          json({
            issuer: idpIssuer(opts.origin, provider),
            token_endpoint: `${idpIssuer(opts.origin, provider)}/token`,
            jwks_uri: `${idpIssuer(opts.origin, provider)}/jwks`,
            grant_types_supported: provider === "maskinporten" ? [PERSONA_GRANT, SERVICE_OWNER_GRANT] : [PERSONA_GRANT],
          }),
      },
    },
  ]);
  return router(routes);
}

function invalid(error: IdPortenCode, description: string, status = 400): Response {
  // OAuth 2.0 token errors are plain JSON (RFC 6749 §5.2), not problem+json.
  return json({ error, error_description: description }, { status, headers: { "cache-control": "no-store" } });
}

async function token(request: Request, provider: IdentityProvider, opts: IdentityProviderOptions): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) {
    return problem({
      status: 415,
      title: "Unsupported Media Type",
      code: "unsupported_media_type",
      detail: "Send application/x-www-form-urlencoded.",
      instance: new URL(request.url).pathname,
    });
  }
  const body = await readTextCapped(request, 4096);
  if (body.error) return invalid("invalid_request", "The body must be a small UTF-8 form.");
  const form = new URLSearchParams(body.text);
  if (provider === "maskinporten" && form.get("grant_type") === SERVICE_OWNER_GRANT) return serviceOwnerToken(form, opts);
  if (form.get("grant_type") !== PERSONA_GRANT) return invalid("unsupported_grant_type", `Only ${PERSONA_GRANT} is supported by this sandbox.`);
  const persona = findPersona(form.get("persona") ?? "");
  if (!persona) return invalid("invalid_grant", "Unknown persona.");
  if (identityProviderOf(persona) !== provider) return invalid("invalid_grant", `${persona.name} signs in through ${persona.provider}.`);

  const iat = Math.floor(opts.now() / 1000);
  const claims = {
    iss: idpIssuer(opts.origin, provider),
    client_id: "sandbox-end-user-system",
    ...(provider === "id-porten" && { sub: `sandbox-${persona.id}` }),
    ...persona.claims,
    iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_SECONDS,
    jti: crypto.randomUUID(),
  };
  const header = { alg: "EdDSA", typ: "at+jwt", kid: opts.key.kid };
  const accessToken = await signCompact(opts.key, JSON.stringify(header), JSON.stringify(claims));
  return json(
    { access_token: accessToken, token_type: "Bearer", expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, scope: String(persona.claims.scope ?? "") },
    { headers: { "cache-control": "no-store" } },
  );
}

/** A Maskinporten token as a service owner's own system gets it: `consumer` is the owner's organisation number. */
async function serviceOwnerToken(form: URLSearchParams, opts: IdentityProviderOptions): Promise<Response> {
  const owner = findServiceOwner(form.get("org") ?? "");
  if (!owner) return invalid("invalid_grant", "Unknown service owner (org).");
  const scope = form.get("scope") ?? SERVICE_OWNER_SCOPE;
  const asked = scope.split(" ").filter(Boolean);
  if (!asked.includes(SERVICE_OWNER_SCOPE) || asked.some((s) => s !== SERVICE_OWNER_SCOPE && s !== LEGACY_HTML_SCOPE))
    return invalid("invalid_scope", `Only ${SERVICE_OWNER_SCOPE}, and with it ${LEGACY_HTML_SCOPE}, are granted to service owners in this sandbox.`);
  const iat = Math.floor(opts.now() / 1000);
  const claims = {
    iss: idpIssuer(opts.origin, "maskinporten"),
    client_amr: "private_key_jwt",
    token_type: "Bearer",
    client_id: `sandbox-service-owner-${owner.org}`,
    scope,
    consumer: { authority: "iso6523-actorid-upis", ID: `0192:${owner.orgNumber}` },
    iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_SECONDS,
    jti: crypto.randomUUID(),
  };
  const header = { alg: "EdDSA", typ: "at+jwt", kid: opts.key.kid };
  const accessToken = await signCompact(opts.key, JSON.stringify(header), JSON.stringify(claims));
  return json(
    { access_token: accessToken, token_type: "Bearer", expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, scope },
    { headers: { "cache-control": "no-store" } },
  );
}
