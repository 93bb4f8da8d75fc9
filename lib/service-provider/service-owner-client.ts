import { workspaceHeaders } from "../shared/workspace";
import type { Dialog } from "../altinn/dialog";
import { SERVICE_OWNER_GRANT, SERVICE_OWNER_SCOPE } from "../altinn/grants";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { Clock, FetchLike } from "../shared/types";

/**
 * The service provider's back channel to Dialogporten: its own Maskinporten token (per service owner,
 * cached until shortly before it expires) and the service-owner API over HTTP. Every call is traced as
 * the service provider made it and handed to the caller's sink, so it nests in the provider's trace.
 */

interface ServiceOwnerClientOptions {
  fetch: FetchLike;
  now: Clock;
  /** Base URL of the identity providers (`<base>/maskinporten/token`). */
  idportenUrl: string;
  /** Base URL of Dialogporten for server-to-server calls. */
  dialogportenUrl: string;
  timeoutMs?: number;
}

/** Where a traced call goes: the request's exchange list, and whether the caller wants nested traces. */
export interface TraceSink {
  exchanges: Exchange[];
  askForTrace: boolean;
  /** The sandbox workspace the change belongs to, passed on to Dialogporten (docs/design.md, principle 10). */
  workspace?: string;
}

export type ClientFailure = { ok: false; status?: number; code: string; detail: string };

/** Renew this long before `exp` so a token never expires on its way to Dialogporten. */
const EXPIRY_MARGIN_MS = 15_000;
const MAX_BODY_CHARS = 512 * 1024;

export class ServiceOwnerClient {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly inflight = new Map<string, Promise<{ ok: true; token: string } | ClientFailure>>();

  constructor(private readonly opts: ServiceOwnerClientOptions) {}

  private call(sink: TraceSink, url: string, init: RequestInit, to: "id-porten" | "dialogporten", label: string) {
    const headers = to === "dialogporten" ? { ...(init.headers as Record<string, string>), ...workspaceHeaders(sink.workspace) } : init.headers;
    return tracedFetch(
      this.opts.fetch,
      url,
      { ...init, headers },
      { from: "service-provider", to, label, askForTrace: sink.askForTrace && to === "dialogporten", timeoutMs: this.opts.timeoutMs ?? 5000 },
    );
  }

  /** The service owner's access token: from the cache, or one traced call to the mock Maskinporten. */
  async token(org: string, sink: TraceSink): Promise<{ ok: true; token: string; cached: boolean } | ClientFailure> {
    const hit = this.tokens.get(org);
    if (hit && this.opts.now() < hit.expiresAt) return { ok: true, token: hit.token, cached: true };
    let pending = this.inflight.get(org);
    if (!pending) {
      pending = this.fetchToken(org, sink).finally(() => this.inflight.delete(org));
      this.inflight.set(org, pending);
    }
    const r = await pending;
    return r.ok ? { ...r, cached: false } : r;
  }

  private async fetchToken(org: string, sink: TraceSink): Promise<{ ok: true; token: string } | ClientFailure> {
    const form = new URLSearchParams({ grant_type: SERVICE_OWNER_GRANT, org, scope: SERVICE_OWNER_SCOPE });
    const r = await this.call(
      sink,
      `${this.opts.idportenUrl}/maskinporten/token`,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body: form.toString() },
      "id-porten",
      `Get the service owner's Maskinporten token (${org})`,
    );
    sink.exchanges.push(r.exchange);
    if (!r.response) return { ok: false, code: "maskinporten_unreachable", detail: `Maskinporten could not be reached: ${r.exchange.error}` };
    const body = parse(r.body) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!r.response.ok || typeof body?.access_token !== "string")
      return { ok: false, status: r.response.status, code: "maskinporten_refused", detail: `Maskinporten answered ${r.response.status}.` };
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in * 1000 : 60_000;
    this.tokens.set(org, { token: body.access_token, expiresAt: this.opts.now() + Math.max(0, lifetime - EXPIRY_MARGIN_MS) });
    return { ok: true, token: body.access_token };
  }

  private url(dialogId: string) {
    return `${this.opts.dialogportenUrl}/dialogporten/api/v1/serviceowner/dialogs/${encodeURIComponent(dialogId)}`;
  }

  /** The dialog as Dialogporten has it now, with its revision (from the ETag). */
  async getDialog(
    org: string,
    dialogId: string,
    sink: TraceSink,
    label = "Read the dialog's current state (service-owner API)",
  ): Promise<{ ok: true; dialog: Dialog; revision: string } | ClientFailure> {
    const t = await this.token(org, sink);
    if (!t.ok) return t;
    const r = await this.call(sink, this.url(dialogId), { headers: { authorization: `Bearer ${t.token}`, accept: "application/json" } }, "dialogporten", label);
    sink.exchanges.push(r.exchange);
    if (!r.response) return { ok: false, code: "dialogporten_unreachable", detail: `Dialogporten could not be reached: ${r.exchange.error}` };
    if (!r.response.ok)
      return {
        ok: false,
        status: r.response.status,
        code: problemCode(r.body) ?? "dialogporten_refused",
        detail: `Dialogporten answered ${r.response.status}.`,
      };
    const dialog = (r.body && r.body.length <= MAX_BODY_CHARS ? parse(r.body) : null) as Dialog | null;
    const revision = unquote(r.response.headers.get("etag")) ?? dialog?.revision;
    if (!dialog || typeof dialog.id !== "string" || !revision)
      return { ok: false, status: r.response.status, code: "dialogporten_garbage", detail: "Dialogporten's answer is not a dialog." };
    return { ok: true, dialog, revision };
  }

  /** JSON Patch with If-Match; the answer's ETag is the new revision. */
  patch(org: string, dialogId: string, ops: unknown[], revision: string, sink: TraceSink): Promise<{ ok: true; revision?: string } | ClientFailure> {
    return this.send(org, sink, this.url(dialogId), {
      method: "PATCH",
      contentType: "application/json-patch+json",
      ifMatch: revision,
      body: ops,
      label: "Update the dialog (service-owner API, JSON Patch)",
    });
  }

  /**
   * The end user's system labels, through the real end-user-context endpoint (no If-Match: the labels
   * have their own revision, and a label change never conflicts with the provider's own update).
   */
  setSystemLabels(org: string, dialogId: string, change: { addLabels?: string[]; removeLabels?: string[] }, enduserId: string | undefined, sink: TraceSink) {
    const query = enduserId ? `?enduserId=${encodeURIComponent(enduserId)}` : "";
    return this.send(org, sink, `${this.url(dialogId)}/endusercontext/systemlabels${query}`, {
      method: "PUT",
      contentType: "application/json",
      body: change,
      label: "Set the end user's system labels (service-owner API)",
    });
  }

  /** One authenticated write; the answer's ETag is the new revision. */
  private async send(
    org: string,
    sink: TraceSink,
    url: string,
    req: { method: string; contentType: string; ifMatch?: string; body: unknown; label: string },
  ): Promise<{ ok: true; revision?: string } | ClientFailure> {
    const t = await this.token(org, sink);
    if (!t.ok) return t;
    const headers: Record<string, string> = {
      authorization: `Bearer ${t.token}`,
      "content-type": req.contentType,
      ...(req.ifMatch && { "if-match": req.ifMatch }),
    };
    const r = await this.call(sink, url, { method: req.method, headers, body: JSON.stringify(req.body) }, "dialogporten", req.label);
    sink.exchanges.push(r.exchange);
    if (!r.response) return { ok: false, code: "dialogporten_unreachable", detail: `Dialogporten could not be reached: ${r.exchange.error}` };
    if (!r.response.ok)
      return {
        ok: false,
        status: r.response.status,
        code: problemCode(r.body) ?? "dialogporten_refused",
        detail: `Dialogporten answered ${r.response.status}.`,
      };
    return { ok: true, revision: unquote(r.response.headers.get("etag")) };
  }
}

function parse(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function problemCode(text: string | null): string | undefined {
  const code = (parse(text) as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function unquote(etag: string | null): string | undefined {
  if (!etag) return undefined;
  return etag.replace(/^W\//, "").replace(/^"(.*)"$/, "$1") || undefined;
}
