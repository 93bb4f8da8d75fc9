import { DEFAULT_WORKSPACE } from "../shared/workspace";
import type { WorkspaceStore } from "../store/store";
import type { KeyPair2, SigningKey } from "./keys";
import { deriveRingKey, jwksEntries, KEYS_KEY, parseRing, type KeyRing, type RingEntry } from "./ring";

/** What Dialogporten needs in one workspace: the key that signs and the keys it publishes, in JWKS order. */
export interface WorkspaceKeys {
  signing: SigningKey;
  published: SigningKey[];
}

/** Derived keys are kept: deriving one costs two digests and two imports, and a ring changes rarely. */
const MAX_DERIVED = 2000;

/**
 * The keys of a workspace: the deployment's own (`base`) until the workspace rotates, then its ring's.
 * `default` never rotates (the workspace API refuses), so curl users and CI always see the deployment's keys.
 */
export function workspaceKeySource(store: WorkspaceStore, base: KeyPair2, seed: string) {
  const derived = new Map<string, Promise<SigningKey>>();
  const baseKeys: WorkspaceKeys = { signing: base.primary, published: [base.primary, base.secondary] };

  function keyOf(workspace: string, entry: Pick<RingEntry, "n" | "publishedAt">): Promise<SigningKey> {
    if (entry.n === 0) return Promise.resolve(base.primary);
    if (entry.n === 1) return Promise.resolve(base.secondary);
    const id = `${workspace}/${entry.n}`;
    let key = derived.get(id);
    if (!key) {
      if (derived.size >= MAX_DERIVED) derived.delete(derived.keys().next().value!);
      key = deriveRingKey(seed, workspace, entry);
      derived.set(id, key);
    }
    return key;
  }

  async function ringOf(workspace: string): Promise<KeyRing | null> {
    return workspace === DEFAULT_WORKSPACE ? null : parseRing(await store.read(workspace, KEYS_KEY));
  }

  return {
    keyOf,
    ringOf,
    async keysOf(workspace: string): Promise<WorkspaceKeys> {
      const ring = await ringOf(workspace);
      if (!ring) return baseKeys;
      const entries = jwksEntries(ring);
      const published = await Promise.all(entries.map((e) => keyOf(workspace, e)));
      return { signing: published[0]!, published };
    },
  };
}

export type WorkspaceKeySource = ReturnType<typeof workspaceKeySource>;
