import type { Dialog, DialogListItem } from "../altinn/dialog";
import { UNAUTHORIZED_URL } from "../altinn/dialog";
import { PERSONA_GRANT } from "../altinn/grants";
import type { Persona } from "../seed/personas";
import type { Exchange } from "../shared/trace";
import { identityProviderOf } from "../shared/services";
import { tracedFetch } from "../shared/trace";
import type { FetchLike } from "../shared/types";
import { workspaceHeaders } from "../shared/workspace";

/** Where the end-user system finds each service, and how it talks to them. */
export interface EndUserSystemContext {
  fetch: FetchLike;
  /** Base URL of the identity providers (`/id-porten`, `/maskinporten`) and Dialogporten. */
  baseUrl: string;
  /** Ask every service for its trace (the `sandbox-trace` header). */
  trace: boolean;
  /** The sandbox workspace whose dialogs this client sees (the shared `default` when absent). */
  workspace?: string;
}

export interface CallResult<T> {
  exchange: Exchange;
  value?: T;
}

/** Step 0a: sign in as the persona at the mock ID-porten/Maskinporten. */
export async function signIn(ctx: EndUserSystemContext, persona: Persona): Promise<CallResult<string>> {
  const form = new URLSearchParams({ grant_type: PERSONA_GRANT, persona: persona.id });
  const { exchange, response, body } = await tracedFetch(
    ctx.fetch,
    `${ctx.baseUrl}/${identityProviderOf(persona)}/token`,
    { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() },
    { from: "end-user-system", to: "id-porten", label: `Sign in as ${persona.name} (${persona.provider})` },
  );
  const token = response?.ok ? (parseJson(body) as { access_token?: string } | null)?.access_token : undefined;
  return { exchange, value: token };
}

/** Steps 0b → 3: ask Dialogporten for the dialog; the answer carries the dialog token. */
export async function getDialog(
  ctx: EndUserSystemContext,
  accessToken: string,
  dialogId: string,
  extraHeaders: Record<string, string> = {},
): Promise<CallResult<Dialog>> {
  const { exchange, response, body } = await tracedFetch(
    ctx.fetch,
    `${ctx.baseUrl}/dialogporten/api/v1/enduser/dialogs/${encodeURIComponent(dialogId)}`,
    {
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: "application/json",
        "accept-language": "nb",
        ...workspaceHeaders(ctx.workspace),
        ...extraHeaders,
      },
    },
    { from: "end-user-system", to: "dialogporten", label: "Get the dialog (and its dialog token)", askForTrace: ctx.trace },
  );
  const dialog = response?.ok ? ((parseJson(body) as Dialog | null) ?? undefined) : undefined;
  return { exchange, value: dialog };
}

/**
 * The end user's dialog list, as the portal's inbox asks for it: Dialogporten's search for one party
 * (`GET /dialogporten/api/v1/enduser/dialogs?party=…`), in the client's workspace. No dialog token: the
 * search hands out none, and it writes no seen log.
 */
export async function searchDialogs(ctx: EndUserSystemContext, accessToken: string, party: string): Promise<CallResult<DialogListItem[]>> {
  const query = new URLSearchParams({ party, limit: "100" });
  const { exchange, response, body } = await tracedFetch(
    ctx.fetch,
    `${ctx.baseUrl}/dialogporten/api/v1/enduser/dialogs?${query}`,
    { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json", "accept-language": "nb", ...workspaceHeaders(ctx.workspace) } },
    { from: "end-user-system", to: "dialogporten", label: "List the party's dialogs (search)", askForTrace: ctx.trace },
  );
  const items = response?.ok ? (parseJson(body) as { items?: unknown } | null)?.items : undefined;
  return { exchange, value: Array.isArray(items) ? (items as DialogListItem[]) : undefined };
}

/** What the end-user system can do at the service provider with the token (step 4). */
export type ActionChoice =
  { kind: "embed" } | { kind: "transmission"; transmissionId: string } | { kind: "gui"; actionId: string } | { kind: "api"; actionId: string };

export interface ResolvedAction {
  method: string;
  url: string;
  label: string;
  /** Dialogporten masked the URL; the sandbox still calls the provider to show it refuses. */
  masked: boolean;
  accept?: string;
}

/** Finds the URL and method of the chosen action in the dialog, as the portal would. */
export function resolveAction(dialog: Dialog, choice: ActionChoice, seedUrl: (choice: ActionChoice) => string | undefined): ResolvedAction | undefined {
  const pick = (url: string | undefined, method: string, label: string, accept?: string): ResolvedAction | undefined => {
    if (!url) return undefined;
    const masked = url === UNAUTHORIZED_URL;
    const real = masked ? seedUrl(choice) : url;
    return real ? { method, url: real, label, masked, accept } : undefined;
  };
  switch (choice.kind) {
    case "embed":
      return pick(dialog.content.mainContentReference?.value[0]?.value, "GET", "Load the front-channel embed", "text/markdown");
    case "transmission": {
      const t = dialog.transmissions.find((x) => x.id === choice.transmissionId);
      return pick(t?.content.contentReference?.value[0]?.value, "GET", `Load transmission "${t?.content.title.value[0]?.value ?? ""}"`, "text/markdown");
    }
    case "gui": {
      const a = dialog.guiActions.find((x) => x.id === choice.actionId);
      return a && pick(a.url, a.httpMethod, `Write action "${a.title[0]?.value ?? a.action}"`, "application/json");
    }
    case "api": {
      const a = dialog.apiActions.find((x) => x.id === choice.actionId);
      const e = a?.endpoints[0];
      return e && pick(e.url, e.httpMethod, `API action "${a?.name ?? a?.action}"`, "application/json");
    }
  }
}

/** Steps 4 → 6: call the service provider with the dialog token as a bearer token. */
export async function callServiceProvider(
  ctx: EndUserSystemContext,
  dialogToken: string,
  action: ResolvedAction,
  extraHeaders: Record<string, string> = {},
): Promise<CallResult<string>> {
  const headers: Record<string, string> = { authorization: `Bearer ${dialogToken}`, "accept-language": "nb, nn;q=0.9, en;q=0.8", ...extraHeaders };
  if (action.accept) headers.accept = action.accept;
  const { exchange, body } = await tracedFetch(
    ctx.fetch,
    action.url,
    { method: action.method, headers, credentials: "omit" },
    { from: "end-user-system", to: "service-provider", label: action.label, askForTrace: ctx.trace, timeoutMs: 10_000 },
  );
  return { exchange, value: body ?? undefined };
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
