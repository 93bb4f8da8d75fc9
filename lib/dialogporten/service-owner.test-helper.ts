import { sandboxSuite } from "@/mocks/sandbox-suite";
import { PERSONA_GRANT, SERVICE_OWNER_GRANT } from "../altinn/grants";
import type { Dialog } from "../altinn/dialog";
import { decodeText } from "../shared/base64url";

/** What the service-owner API's tests share: a sandbox, tokens from the mock identity providers, and callers. */
export function serviceOwnerHarness() {
  const sb = sandboxSuite();
  const base = () => sb.sandbox.config.origin;
  const soUrl = (id: string, rest = "") => `${base()}/dialogporten/api/v1/serviceowner/dialogs${id ? `/${id}` : ""}${rest}`;

  async function grant(path: "maskinporten" | "id-porten", form: Record<string, string>) {
    const res = await fetch(`${base()}/${path}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    return { res, body: (await res.json()) as { access_token?: string; error?: string } };
  }
  const ownerToken = async (org: string) => (await grant("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org })).body.access_token!;
  const personaToken = async (persona: string, provider: "id-porten" | "maskinporten" = "id-porten") =>
    (await grant(provider, { grant_type: PERSONA_GRANT, persona })).body.access_token!;

  /** The end-user GET as a persona: status, body and the dialog token. */
  async function endUser(persona: string, dialogId: string, query = "") {
    const res = await fetch(`${base()}/dialogporten/api/v1/enduser/dialogs${dialogId ? `/${dialogId}` : ""}${query}`, {
      headers: { authorization: `Bearer ${await personaToken(persona)}` },
    });
    const text = await res.text();
    return { res, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  async function so(id: string, init: RequestInit & { token?: string; rest?: string } = {}) {
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    const res = await fetch(soUrl(id, init.rest), { ...init, headers });
    const text = await res.text();
    return { res, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  /** A JSON write (POST/PUT) to the service-owner API. */
  const send = (method: string, id: string, token: string, body: unknown, extra: { rest?: string; headers?: Record<string, string> } = {}) =>
    so(id, { method, token, rest: extra.rest, headers: { "content-type": "application/json", ...extra.headers }, body: JSON.stringify(body) });

  const patch = (id: string, token: string, ops: unknown, headers: Record<string, string> = {}) =>
    so(id, {
      method: "PATCH",
      token,
      headers: { "content-type": "application/json-patch+json", ...headers },
      body: typeof ops === "string" ? ops : JSON.stringify(ops),
    });

  return { sb, base, soUrl, grant, ownerToken, personaToken, endUser, so, send, patch };
}

export const dialogOf = (r: { text: string }): Dialog => JSON.parse(r.text) as Dialog;
export const claimsOf = (jwt: string) => JSON.parse(decodeText(jwt.split(".")[1]!)!) as Record<string, unknown>;
