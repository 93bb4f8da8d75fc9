import type { Dialog } from "../altinn/dialog";
import type { WorkspaceStore } from "../store/store";
import type { SeenEntry } from "./seen-log";

export type ReplaceOutcome = "ok" | "missing" | "conflict" | "full";

const keyOf = (id: string) => `dialog:${id.toLowerCase()}`;
/** The seen log lives beside the dialog: a sighting changes neither its revision nor its `updatedAt`. */
const seenKeyOf = (id: string) => `seen:${id.toLowerCase()}`;
/** Enough for any workshop; the oldest sightings go first. */
const MAX_SEEN = 50;

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

  async seenLog(workspace: string, id: string): Promise<SeenEntry[]> {
    const stored = await this.store.read(workspace, seenKeyOf(id));
    return stored === null ? [] : (JSON.parse(stored) as SeenEntry[]);
  }

  /** Appends a sighting; retried on a concurrent writer, as the real writer's single-statement insert never conflicts. */
  async recordSeen(workspace: string, id: string, entry: SeenEntry): Promise<SeenEntry[]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.store.read(workspace, seenKeyOf(id));
      const log = stored === null ? [] : (JSON.parse(stored) as SeenEntry[]);
      if (log.some((e) => e.id === entry.id)) return log;
      const next = [...log, entry].slice(-MAX_SEEN);
      const outcome = await this.store.write(workspace, seenKeyOf(id), JSON.stringify(next), stored);
      if (outcome === "ok") return next;
      if (outcome === "full") return [...log, entry];
    }
    return this.seenLog(workspace, id);
  }

  /** Stores a new dialog in one workspace only; "conflict" when the id is taken there or by the seed. */
  async create(workspace: string, dialog: Dialog): Promise<"ok" | "conflict" | "full"> {
    if (this.seed.has(keyOf(dialog.id))) return "conflict";
    return this.store.write(workspace, keyOf(dialog.id), JSON.stringify(dialog), null);
  }

  /** Every dialog a workspace sees: the seed's (or its changed copies) and the ones it created. */
  async list(workspace: string): Promise<Dialog[]> {
    const created = (await this.store.keys(workspace)).filter((k) => k.startsWith("dialog:") && !this.seed.has(k));
    const ids = [...[...this.seed.values()].map((d) => d.id), ...created.map((k) => k.slice("dialog:".length))];
    const dialogs = await Promise.all(ids.map((id) => this.get(workspace, id)));
    return dialogs.filter((d): d is Dialog => d !== undefined);
  }
}
