import type { Dialog } from "../altinn/dialog";

/** The embedded default: dialogs in memory, seeded at start. Each instance owns its copy. */
export class DialogStore {
  private readonly dialogs = new Map<string, Dialog>();

  constructor(seed: Dialog[]) {
    for (const d of seed) this.dialogs.set(d.id.toLowerCase(), structuredClone(d));
  }

  get(id: string): Dialog | undefined {
    const d = this.dialogs.get(id.toLowerCase());
    return d && structuredClone(d);
  }

  all(): Dialog[] {
    return [...this.dialogs.values()].map((d) => structuredClone(d));
  }

  /**
   * Stores a changed dialog only if the stored one still has `expectedRevision` (the service-owner
   * API's optimistic concurrency). Synchronous, so two writers can never both win.
   */
  replace(next: Dialog, expectedRevision: string): "ok" | "missing" | "conflict" {
    const key = next.id.toLowerCase();
    const current = this.dialogs.get(key);
    if (!current) return "missing";
    if (current.revision !== expectedRevision) return "conflict";
    this.dialogs.set(key, structuredClone(next));
    return "ok";
  }
}
