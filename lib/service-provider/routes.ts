import type { GuiAction } from "../altinn/dialog";
import type { DialogTokenClaims } from "../altinn/dialog-token";
import { formatAction } from "../altinn/dialog-token";
import type { Principal } from "../altinn/principal";
import { json, notFound } from "../shared/problem";
import type { Route } from "../shared/router";
import { apiSummary, legacyApiSummary, legacyMarkdown, mainContentMarkdown, markdownResponse, transmissionMarkdown } from "./content";
import { embedHtml, embedResponse } from "./content-html";
import type { GateTrace } from "./gate";
import type { LegacyTrace } from "./legacy";
import type { Found, Target, Targets } from "./targets";

/**
 * The provider's routes, the same on the dialog-token path and in legacy mode: each names its target in the
 * provider's records, lets the path's gate check the caller, and serves the target to whoever got through.
 */

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const NO_STORE = { headers: { "cache-control": "no-store" } };

/** Serves a target that exists to a caller the gate let through; `W` is who the gate says the caller is. */
export type Serve<W, T, X> = (who: W, target: Found<X>, trace: T) => Promise<Response> | Response;
/** Checks the caller, then answers from `serve`, or says the target is missing (only to a caller who got through). */
export type Gate<W, T> = <X>(request: Request, dialogId: string, target: Promise<Target<X>>, serve: Serve<W, T, X>) => Promise<Response>;
export type WriteTarget = Found<{ guiAction: GuiAction }>;
/** Attaches the provider's trace (and the preflight the request claimed) to its answer. */
export type Respond = (request: Request, response: Response, trace: GateTrace | LegacyTrace) => Promise<Response>;
export type ApplyWrite = (
  request: Request,
  target: WriteTarget,
  actorId: string,
  trace: GateTrace | LegacyTrace,
  claims?: DialogTokenClaims,
) => Promise<Response>;

export function tokenRoutes(targets: Targets, gate: Gate<DialogTokenClaims, GateTrace>, applyWrite: ApplyWrite): Route[] {
  const sp = "/service-provider";
  return [
    {
      path: `${sp}/fce/:dialogId`,
      methods: {
        GET: (r, { dialogId = "" }) =>
          gate(r, dialogId, targets.dialog(r, dialogId), (claims, t) =>
            embedResponse(
              t.dialog.content.mainContentReference?.mediaType,
              () => embedHtml(claims, t.dialog.content, "read"),
              () => mainContentMarkdown(claims, t.dialog),
            ),
          ),
      },
    },
    {
      path: `${sp}/fce/:dialogId/transmissions/:transmissionId`,
      methods: {
        GET: (r, { dialogId = "", transmissionId = "" }) =>
          gate(r, dialogId, targets.transmission(r, dialogId, transmissionId), (claims, t) =>
            embedResponse(
              t.transmission.content.contentReference?.mediaType,
              () => embedHtml(claims, t.transmission.content, formatAction(t.required)),
              () => transmissionMarkdown(claims, t.transmission, formatAction(t.required)),
            ),
          ),
      },
    },
    {
      path: `${sp}/actions/:dialogId/:action`,
      methods: Object.fromEntries(
        WRITE_METHODS.map((m) => [
          m,
          (r: Request, { dialogId = "", action = "" }: Record<string, string>) =>
            gate(r, dialogId, targets.writeAction(r, dialogId, action), (claims, t, trace) => applyWrite(r, t, claims.c, trace, claims)),
        ]),
      ),
    },
    {
      path: `${sp}/api/:dialogId`,
      methods: { GET: (r, { dialogId = "" }) => gate(r, dialogId, targets.dialog(r, dialogId), (claims) => json(apiSummary(claims), NO_STORE)) },
    },
  ];
}

export function legacyRoutes(targets: Targets, gate: Gate<Principal, LegacyTrace> | undefined, applyWrite: ApplyWrite): Route[] {
  const legacy: Gate<Principal, LegacyTrace> = gate ?? (async (request) => notFound(new URL(request.url).pathname, "Legacy mode is not configured."));
  const sp = "/service-provider/legacy";
  const decision = (t: LegacyTrace) => t.notes.decision ?? "";
  return [
    {
      path: `${sp}/fce/:dialogId`,
      methods: {
        GET: (r, { dialogId = "" }) =>
          legacy(r, dialogId, targets.dialog(r, dialogId), (p, t, trace) => markdownResponse(legacyMarkdown(p, t.dialog, "read", decision(trace)))),
      },
    },
    {
      path: `${sp}/fce/:dialogId/transmissions/:transmissionId`,
      methods: {
        GET: (r, { dialogId = "", transmissionId = "" }) =>
          legacy(r, dialogId, targets.transmission(r, dialogId, transmissionId), (p, t, trace) =>
            markdownResponse(legacyMarkdown(p, t.dialog, formatAction(t.required), decision(trace), t.transmission)),
          ),
      },
    },
    {
      path: `${sp}/actions/:dialogId/:action`,
      methods: Object.fromEntries(
        WRITE_METHODS.map((m) => [
          m,
          (r: Request, { dialogId = "", action = "" }: Record<string, string>) =>
            legacy(r, dialogId, targets.writeAction(r, dialogId, action), (p, t, trace) => applyWrite(r, t, p.consumer, trace)),
        ]),
      ),
    },
    {
      path: `${sp}/api/:dialogId`,
      methods: {
        GET: (r, { dialogId = "" }) =>
          legacy(r, dialogId, targets.dialog(r, dialogId), (p, t, trace) => json(legacyApiSummary(p, t.dialog, "read", decision(trace)), NO_STORE)),
      },
    },
  ];
}
