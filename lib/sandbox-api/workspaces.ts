import { json, problemFor } from "../shared/problem";
import { readJson, router } from "../shared/router";
import type { Handler } from "../shared/types";
import { DEFAULT_WORKSPACE, isWorkspaceId } from "../shared/workspace";
import { CLOCK_KEY, parseWorkspaceClock, readWorkspaceClock } from "../store/clock";
import type { WorkspaceStore } from "../store/store";
import type { Policy } from "../altinn/resource-registry";
import { policyRoutes } from "./workspace-policies";
import { keyRingRoutes, type KeyRingApiOptions } from "./workspace-keys";
import { RING_CODES } from "../keys/ring";

/** Wraps a handler of `/workspaces/:id/…` so it only ever sees a valid workspace id. */
export type WithWorkspace = (
  handle: (request: Request, workspace: string, instance: string) => Promise<Response>,
) => (request: Request, params: Record<string, string>) => Promise<Response>;

export const WORKSPACES_PATH = "/sandbox/api/v1/workspaces";

/** Stable codes of the workspace API. */
export const WORKSPACE_CODES = [
  "invalid_workspace_id",
  "default_workspace_shared",
  "invalid_clock",
  "workspace_full",
  "write_conflict",
  "invalid_policies",
  ...RING_CODES,
] as const;
export type WorkspaceCode = (typeof WORKSPACE_CODES)[number];

const MAX_BODY_BYTES = 1024;
const problem = problemFor<WorkspaceCode>();

export function refuse(status: number, title: string, code: WorkspaceCode, detail: string, instance: string, errors?: Record<string, string[]>): Response {
  return problem({ status, title, code, detail, instance, ...(errors && { errors }) });
}

/**
 * The sandbox's own workspace API (not part of any real Altinn API): look at a workspace, put it back
 * to the seed, and fix or free its clock. `default` is shared by everyone without a workspace, so its
 * clock cannot be moved — nobody can make an expired token pass on a shared instance.
 */
export function createWorkspaceApi(store: WorkspaceStore, seedPolicies: Policy[], keys: Omit<KeyRingApiOptions, "store">): Handler {
  const withWorkspace: WithWorkspace =
    (handle) =>
    async (request: Request, params: Record<string, string>): Promise<Response> => {
      const instance = new URL(request.url).pathname;
      const id = params.id ?? "";
      if (!isWorkspaceId(id))
        return refuse(400, "Bad Request", "invalid_workspace_id", 'A workspace id is 1–64 characters of A–Z, a–z, 0–9 and "-".', instance);
      return handle(request, id, instance);
    };

  const describe = withWorkspace(async (_request, workspace) => {
    const [keys, clock, stats] = await Promise.all([store.keys(workspace), readWorkspaceClock(store, workspace), store.stats()]);
    return json(
      { id: workspace, shared: workspace === DEFAULT_WORKSPACE, changed: keys.filter((k) => k !== CLOCK_KEY).sort(), clock, limits: stats.limits },
      { headers: { "cache-control": "no-store" } },
    );
  });

  const reset = withWorkspace(async (_request, workspace) => {
    await store.reset(workspace);
    return new Response(null, { status: 204 });
  });

  const setClock = withWorkspace(async (request, workspace, instance) => {
    if (workspace === DEFAULT_WORKSPACE) {
      return refuse(
        409,
        "Conflict",
        "default_workspace_shared",
        "The default workspace is shared and keeps the real clock; use a workspace of your own.",
        instance,
      );
    }
    const body = await readJson(request, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const parsed = parseWorkspaceClock(body.value);
    if (!parsed.ok || Object.keys(parsed.value).length === 0) {
      const detail = parsed.ok ? 'Send at least one of at, offsetSeconds, skewSeconds, e.g. {"at": "2026-12-01T10:00:00Z"}.' : parsed.detail;
      return refuse(400, "Bad Request", "invalid_clock", detail, instance);
    }
    const next = JSON.stringify(parsed.value);
    const outcome = await store.write(workspace, CLOCK_KEY, next, await store.read(workspace, CLOCK_KEY));
    if (outcome === "full") return refuse(409, "Conflict", "workspace_full", "The workspace holds as much as it may; reset it.", instance);
    if (outcome === "conflict") return refuse(409, "Conflict", "write_conflict", "The clock changed meanwhile; try again.", instance);
    return json(JSON.parse(next), { headers: { "cache-control": "no-store" } });
  });

  const freeClock = withWorkspace(async (_request, workspace) => {
    // Only the clock goes: a reset of the whole workspace is the other endpoint.
    const current = await store.read(workspace, CLOCK_KEY);
    if (current !== null) await store.write(workspace, CLOCK_KEY, "null", current);
    return new Response(null, { status: 204 });
  });

  return router([
    { path: `${WORKSPACES_PATH}/:id`, methods: { GET: describe, DELETE: reset } },
    { path: `${WORKSPACES_PATH}/:id/clock`, methods: { PUT: setClock, DELETE: freeClock } },
    ...policyRoutes(store, seedPolicies, withWorkspace),
    ...keyRingRoutes({ ...keys, store }, withWorkspace),
  ]);
}
