import type { SigningKey } from "../keys/keys";
import { KEYS_KEY, PUBLISH_LEAD_MS, promoteKey, publishKey, retireKey, seedRing, type KeyRing, type RingChange } from "../keys/ring";
import type { WorkspaceKeySource } from "../keys/workspace-keys";
import type { KeyPair2 } from "../keys/keys";
import { json } from "../shared/problem";
import type { Route } from "../shared/router";
import type { Clock } from "../shared/types";
import { DEFAULT_WORKSPACE } from "../shared/workspace";
import type { WorkspaceStore } from "../store/store";
import { refuse, WORKSPACES_PATH, type WithWorkspace } from "./workspaces";

export interface KeyRingApiOptions {
  store: WorkspaceStore;
  base: KeyPair2;
  source: WorkspaceKeySource;
  /** Dialogporten's clock in a workspace: publishing and the 48 h rule run on the time the learner set. */
  dialogportenNow: (workspace: string) => Promise<Clock>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const noStore = { "cache-control": "no-store" };

/**
 * The key timeline (the sandbox's own API): a workspace publishes a new Dialogporten key, promotes it to
 * Primary once it has been published for 48 h on the workspace's clock, and retires old ones while the
 * JWKS keeps at least two (docs/real-systems.md §2.4, lib/keys/ring.ts). `default` keeps the deployment's keys.
 */
export function keyRingRoutes(opts: KeyRingApiOptions, withWorkspace: WithWorkspace): Route[] {
  const ringOf = async (workspace: string) => (await opts.source.ringOf(workspace)) ?? seedRing(opts.base);

  async function view(workspace: string, ring: KeyRing, now: number) {
    const keys = await Promise.all(ring.keys.map(async (k) => [k, await opts.source.keyOf(workspace, k)] as const));
    return {
      primary: ring.primary,
      now: iso(now),
      keys: keys.map(([k, key]: readonly [KeyRing["keys"][number], SigningKey]) => ({
        kid: k.kid,
        status: k.retiredAt !== undefined ? "retired" : k.kid === ring.primary ? "primary" : "published",
        origin: k.n < 2 ? "deployment" : "workspace",
        publishedAt: k.n < 2 ? null : iso(k.publishedAt),
        signsFrom: k.n < 2 ? null : iso(k.publishedAt + PUBLISH_LEAD_MS),
        ...(k.retiredAt !== undefined && { retiredAt: iso(k.retiredAt) }),
        jwk: key.publicJwk,
      })),
    };
  }

  const shared = (instance: string) =>
    refuse(
      409,
      "Conflict",
      "default_workspace_shared",
      "The default workspace is shared and keeps the deployment's keys; use a workspace of your own.",
      instance,
    );

  /** Reads the ring, applies one change and stores it with compare-and-set. */
  const change = (apply: (ring: KeyRing, now: number, kid: string, workspace: string, request: Request) => Promise<RingChange> | RingChange, created = false) =>
    withWorkspace(async (request, workspace, instance) => {
      if (workspace === DEFAULT_WORKSPACE) return shared(instance);
      const kid = decodeURIComponent(new URL(request.url).pathname.split("/")[7] ?? "");
      const now = (await opts.dialogportenNow(workspace))();
      const stored = await opts.store.read(workspace, KEYS_KEY);
      const outcome = await apply(await ringOf(workspace), now, kid, workspace, request);
      if (!outcome.ok) return refuse(outcome.status, outcome.status === 404 ? "Not Found" : "Conflict", outcome.code, outcome.detail, instance);
      const written = await opts.store.write(workspace, KEYS_KEY, JSON.stringify(outcome.ring), stored);
      if (written === "full") return refuse(409, "Conflict", "workspace_full", "The workspace holds as much as it may; reset it.", instance);
      if (written === "conflict") return refuse(409, "Conflict", "write_conflict", "The keys changed meanwhile; try again.", instance);
      return json(await view(workspace, outcome.ring, now), { status: created ? 201 : 200, headers: noStore });
    });

  const read = withWorkspace(async (_request, workspace) => {
    const now = (await opts.dialogportenNow(workspace))();
    return json(await view(workspace, await ringOf(workspace), now), { headers: noStore });
  });

  const restore = withWorkspace(async (_request, workspace, instance) => {
    if (workspace === DEFAULT_WORKSPACE) return shared(instance);
    const current = await opts.store.read(workspace, KEYS_KEY);
    if (current !== null && current !== "null") await opts.store.write(workspace, KEYS_KEY, "null", current);
    return new Response(null, { status: 204 });
  });

  const base = `${WORKSPACES_PATH}/:id/keys`;
  return [
    {
      path: base,
      methods: {
        GET: read,
        POST: change((ring, now, _kid, workspace) => publishKey(ring, now, (entry) => opts.source.keyOf(workspace, entry)), true),
        DELETE: restore,
      },
    },
    {
      path: `${base}/:kid/promote`,
      methods: { POST: change((ring, now, kid, _ws, request) => promoteKey(ring, kid, now, new URL(request.url).searchParams.get("early") === "true")) },
    },
    { path: `${base}/:kid/retire`, methods: { POST: change((ring, now, kid) => retireKey(ring, kid, now)) } },
  ];
}
