import type { Dialog } from "../altinn/dialog";
import type { WorkspaceStore } from "../store/store";

export type ReplaceOutcome = "ok" | "missing" | "conflict" | "full";

const keyOf = (id: string) => `dialog:${id.toLowerCase()}`;

/**
 * Dialogs per workspace, copy-on-write over the seed: a workspace that never changed a dialog reads the
 * seed's, so a new workspace costs nothing. Changes go through the store's compare-and-set, so two
 * writers (on one instance or two sharing Redis) can never both win.
 */
export class DialogStore {
  private readonly seed = new Map<string, Dialog>();

  constructor(
    seed: Dialog[],
    private readonly store: WorkspaceStore,
    /** Told after every stored change (the GraphQL subscription's events); its failure never undoes the change. */
    private readonly onChanged?: (workspace: string, dialog: Dialog) => Promise<void>,
  ) {
    for (const d of seed) this.seed.set(keyOf(d.id), structuredClone(d));
  }

  async get(workspace: string, id: string): Promise<Dialog | undefined> {
    const stored = await this.store.read(workspace, keyOf(id));
    if (stored !== null) return JSON.parse(stored) as Dialog;
    const seeded = this.seed.get(keyOf(id));
    return seeded && structuredClone(seeded);
  }

  /** Stores a changed dialog only if the stored one still has `expectedRevision` (the service-owner API's optimistic concurrency). */
  async replace(workspace: string, next: Dialog, expectedRevision: string): Promise<ReplaceOutcome> {
    const key = keyOf(next.id);
    const stored = await this.store.read(workspace, key);
    const current = stored !== null ? (JSON.parse(stored) as Dialog) : this.seed.get(key);
    if (!current) return "missing";
    if (current.revision !== expectedRevision) return "conflict";
    const outcome = await this.store.write(workspace, key, JSON.stringify(next), stored);
    if (outcome === "ok") await this.onChanged?.(workspace, next).catch((error: unknown) => console.error("Publishing a dialog event failed:", error));
    return outcome;
  }
}
