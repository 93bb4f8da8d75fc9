import type { Dialog } from "../altinn/dialog";
import type { ServiceResource } from "../altinn/resource-registry";
import type { Exchange } from "../shared/trace";
import { MemoryStore } from "../store/memory";
import type { WorkspaceStore } from "../store/store";
import { asClaims, decodeToken } from "./decode";
import type { ServiceOwnerClient } from "./service-owner-client";
import { guiActionsIn, initialTask } from "./tasks";
import { workspaceFrom } from "./workspace";

/**
 * What the service provider knows of its dialogs, per workspace: the ones it made (the seed's) and their
 * task in its own state; a dialog it has no record of — one a team created through the service-owner
 * API — it looks up in Dialogporten's service-owner API, as its back end would read its own dialog.
 */
export interface ProviderRecord {
  /** The dialog as the provider knows it: its GUI actions those of the current task. */
  dialog: Dialog;
  /** The task the provider has the dialog in (null: none, or its process has ended). */
  task: string | null;
}

interface RecordsOptions {
  dialogs: Dialog[];
  resources: ServiceResource[];
  /** Where the provider keeps its state per workspace (default: this process's memory). */
  state?: Pick<WorkspaceStore, "read" | "write">;
  /** The back channel, for dialogs the provider has no record of. */
  client?: ServiceOwnerClient;
}

const taskKey = (dialogId: string) => `provider-task:${dialogId.toLowerCase()}`;
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createRecords(opts: RecordsOptions) {
  const state = opts.state ?? new MemoryStore();
  const own = (id: string) => opts.dialogs.find((d) => sameId(d.id, id));

  async function storedTask(workspace: string, dialogId: string): Promise<{ raw: string | null; task?: string | null }> {
    const raw = await state.read(workspace, taskKey(dialogId));
    return raw === null ? { raw } : { raw, task: (JSON.parse(raw) as { task: string | null }).task };
  }

  /**
   * The organisation whose token may read the dialog: the one owning the resource the (not yet verified)
   * dialog token names for this very dialog. Only a token that names the dialog leads to a lookup, so a
   * stranger's request costs the provider no call; the token is verified before anything is served.
   */
  function ownerHint(request: Request, dialogId: string): string | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const decoded = bearer ? decodeToken(bearer) : undefined;
    const claims = decoded?.ok ? asClaims(decoded.payload) : null;
    if (!claims || !sameId(claims.i, dialogId)) return undefined;
    return opts.resources.find((r) => r.id === claims.s)?.org;
  }

  return {
    /** The provider's record of a dialog in the request's workspace; `lookups` are the back-channel calls it took. */
    async find(request: Request, dialogId: string): Promise<{ record?: ProviderRecord; lookups: Exchange[] }> {
      const workspace = workspaceFrom(request);
      const mine = own(dialogId);
      if (mine) {
        const { task = initialTask(mine) } = await storedTask(workspace, mine.id);
        return { record: { dialog: { ...mine, guiActions: guiActionsIn(mine.guiActions, mine.serviceResource, task) }, task }, lookups: [] };
      }
      const org = opts.client && /^[0-9a-f-]{36}$/i.test(dialogId) ? ownerHint(request, dialogId) : undefined;
      if (!org || !opts.client) return { lookups: [] };
      const sink = { exchanges: [] as Exchange[], askForTrace: false, workspace };
      const got = await opts.client.getDialog(org, dialogId, sink, "Look up a dialog the provider has no record of (service-owner API)");
      if (!got.ok) return { lookups: sink.exchanges };
      const { task = initialTask(got.dialog) } = await storedTask(workspace, dialogId);
      return { record: { dialog: got.dialog, task }, lookups: sink.exchanges };
    },

    /** The task the provider has the dialog in now. */
    async task(workspace: string, dialog: Dialog): Promise<string | null> {
      const { task = initialTask(own(dialog.id) ?? dialog) } = await storedTask(workspace, dialog.id);
      return task;
    },

    /** Moves the dialog to `to`, only if it is still where the provider saw it (`false`: someone else moved it first). */
    async moveTask(workspace: string, dialog: Dialog, from: string | null, to: string | null): Promise<boolean> {
      const { raw, task = initialTask(own(dialog.id) ?? dialog) } = await storedTask(workspace, dialog.id);
      if (task !== from) return false;
      return (await state.write(workspace, taskKey(dialog.id), JSON.stringify({ task: to }), raw)) === "ok";
    },
  };
}

export type Records = ReturnType<typeof createRecords>;
