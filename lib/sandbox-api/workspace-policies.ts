import { parsePolicyDocument, POLICIES_KEY, POLICY_SOURCE_HEADER, type PolicyDocument } from "../altinn/policy-document";
import type { Policy } from "../altinn/resource-registry";
import { json } from "../shared/problem";
import { readJson, type Route } from "../shared/router";
import { DEFAULT_WORKSPACE } from "../shared/workspace";
import type { WorkspaceStore } from "../store/store";
import { refuse, WORKSPACES_PATH, type WithWorkspace } from "./workspaces";

/** A document of the maximum size (POLICY_LIMITS) fits well below this; anything larger is not one. */
const MAX_BODY_BYTES = 128 * 1024;

const noStore = { "cache-control": "no-store" };

/**
 * The policy editor's endpoints (the sandbox's own API, not a real Altinn one): read a workspace's
 * policies as an importable document, replace them, or go back to the seed's. The PDP reads what is
 * stored here (lib/authorization/workspace-policies.ts). `default` is shared: it keeps the seed's
 * policies, so nobody can permit themselves something on an instance others use.
 */
export function policyRoutes(store: WorkspaceStore, seed: Policy[], withWorkspace: WithWorkspace): Route[] {
  const shared = (instance: string) =>
    refuse(
      409,
      "Conflict",
      "default_workspace_shared",
      "The default workspace is shared and keeps the seed's policies; use a workspace of your own.",
      instance,
    );

  const read = withWorkspace(async (_request, workspace) => {
    const raw = workspace === DEFAULT_WORKSPACE ? null : await store.read(workspace, POLICIES_KEY);
    const own = raw !== null && raw !== "null";
    const document: PolicyDocument = own ? (JSON.parse(raw) as PolicyDocument) : { policies: seed };
    return json(document, { headers: { ...noStore, [POLICY_SOURCE_HEADER]: own ? "workspace" : "seed" } });
  });

  const replace = withWorkspace(async (request, workspace, instance) => {
    if (workspace === DEFAULT_WORKSPACE) return shared(instance);
    const body = await readJson(request, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const parsed = parsePolicyDocument(body.value);
    if (!parsed.ok) {
      const detail = "The body is not a policy document: see errors.";
      return refuse(400, "One or more validation errors occurred.", "invalid_policies", detail, instance, parsed.errors);
    }
    const next = JSON.stringify(parsed.value);
    const outcome = await store.write(workspace, POLICIES_KEY, next, await store.read(workspace, POLICIES_KEY));
    if (outcome === "full") return refuse(409, "Conflict", "workspace_full", "The workspace holds as much as it may; reset it.", instance);
    if (outcome === "conflict") return refuse(409, "Conflict", "write_conflict", "The policies changed meanwhile; try again.", instance);
    return json(parsed.value, { headers: { ...noStore, [POLICY_SOURCE_HEADER]: "workspace" } });
  });

  const restore = withWorkspace(async (_request, workspace, instance) => {
    if (workspace === DEFAULT_WORKSPACE) return shared(instance);
    // The store compares and sets, it never deletes one key: "null" means "the seed's again".
    const current = await store.read(workspace, POLICIES_KEY);
    if (current !== null && current !== "null") await store.write(workspace, POLICIES_KEY, "null", current);
    return new Response(null, { status: 204 });
  });

  return [{ path: `${WORKSPACES_PATH}/:id/policies`, methods: { GET: read, PUT: replace, DELETE: restore } }];
}
