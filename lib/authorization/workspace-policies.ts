import { parsePolicyDocument, POLICIES_KEY } from "../altinn/policy-document";
import type { Policy } from "../altinn/resource-registry";
import { DEFAULT_WORKSPACE } from "../shared/workspace";
import type { WorkspaceStore } from "../store/store";

/**
 * The policies the PDP evaluates for one workspace: its own when the policy editor stored some, else the
 * seed's. `default` is shared, so it always has the seed's. A stored document that no longer parses
 * (it was validated when written, so only a damaged store gets here) fails closed: no policy, so
 * every request is NotApplicable and nothing is permitted.
 */
export async function workspacePolicies(store: WorkspaceStore, workspace: string, seed: Policy[]): Promise<Policy[]> {
  if (workspace === DEFAULT_WORKSPACE) return seed;
  const raw = await store.read(workspace, POLICIES_KEY);
  if (raw === null || raw === "null") return seed;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  const parsed = parsePolicyDocument(value);
  return parsed.ok ? parsed.value.policies : [];
}
