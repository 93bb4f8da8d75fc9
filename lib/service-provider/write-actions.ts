import type { Dialog, GuiAction } from "../altinn/dialog";
import { delay } from "../shared/delay";
import { problem } from "./codes";
import type { Exchange } from "../shared/trace";
import type { DialogTokenClaims } from "../altinn/dialog-token";
import type { ClientFailure, ServiceOwnerClient, TraceSink } from "./service-owner-client";
import type { Records } from "./records";
import type { Effect } from "./tasks";
import { effectOf, guiActionOps, guiActionsIn, taskOf, taskUrn } from "./tasks";
import type { WriteNote } from "./trace-notes";

/**
 * What a verified write action does (docs/real-systems.md §6.2): the service provider changes the dialog
 * in Dialogporten through the service-owner API with its own Maskinporten token — never with the dialog
 * token — and answers 204 when that is done, or 202 when it is queued and done shortly after.
 */

export interface WriteActionInput {
  /** The service provider's own record of the dialog (ids, org, actions); current state comes from Dialogporten. */
  dialog: Dialog;
  guiAction: GuiAction;
  /** Who acted: the dialog token's `c`, or in legacy mode the access token's consumer. */
  actorId: string;
  /** The verified dialog token's claims (absent in legacy mode). */
  claims?: DialogTokenClaims;
  /** The request's trace: calls made here are appended, and the write's note set. */
  trace: { exchanges: Exchange[]; notes: { write?: WriteNote } };
  askForTrace: boolean;
  instance: string;
  /** The sandbox workspace of the request; the change is made in it. */
  workspace?: string;
}

export type WriteActionHandler = (input: WriteActionInput) => Promise<Response | undefined>;

/**
 * The JSON Patch of a write: the activity by whoever acted, the status, and — when the process moves on — the
 * GUI actions of the next task, which is how Dialogporten (and so Altinn Authorization) learns of the task.
 */
export function patchFor(effect: Effect, actorId: string, current: Dialog): unknown[] {
  const ops: unknown[] = [{ op: "add", path: "/activities/-", value: { type: effect.activity, performedBy: { actorType: "PartyRepresentative", actorId } } }];
  if (effect.status) ops.push({ op: "replace", path: "/status", value: effect.status });
  if (effect.task) ops.push(...guiActionOps(current.guiActions, guiActionsIn(current.guiActions, current.serviceResource, effect.task.to)));
  return ops;
}

/** The task an action is bound to, if its authorization attribute names one. */
const taskBound = (guiAction: GuiAction) => taskOf(guiAction.authorizationAttribute);

interface WriteActionsOptions {
  client: ServiceOwnerClient;
  /** The provider's own records: the task each dialog is in. */
  records: Records;
  /** Delay before a queued (202) action is applied; ≤ 1 s so a client polling once a second sees it soon. */
  queueDelayMs: number;
  /** GUI action ids answered with 202 and applied later (the rest are applied before a 204). */
  queued: ReadonlySet<string>;
  /** Told when a queued action has been applied or failed (tests, logs). */
  onQueuedResult?: (result: QueuedResult) => void;
  /** At most this many queued actions wait at once; more get a 503 (default 100). */
  maxQueued?: number;
}

export type QueuedResult =
  { guiActionId: string; dialogId: string; ok: true; revision?: string } | { guiActionId: string; dialogId: string; ok: false; code: string; detail: string };

type Applied = { ok: true; revision?: string; before: string; effect: Effect } | (ClientFailure & { notInTask?: { current?: string; required: string } });

/**
 * Checks the task in the provider's own state, reads the dialog (for its revision), patches with If-Match —
 * one retry if the dialog changed meanwhile — then records the new task.
 */
async function apply(
  opts: Pick<WriteActionsOptions, "client" | "records">,
  input: Pick<WriteActionInput, "dialog" | "guiAction" | "actorId" | "workspace">,
  sink: TraceSink,
): Promise<Applied> {
  const { client, records } = opts;
  const { dialog, guiAction } = input;
  const workspace = input.workspace ?? "default";
  for (let attempt = 0; attempt < 2; attempt++) {
    const task = await records.task(workspace, dialog);
    const required = taskBound(guiAction);
    if (required && task !== required) return notInTask(task, required);
    const got = await client.getDialog(dialog.org, dialog.id, sink);
    if (!got.ok) return got;
    const effect = effectOf(guiAction.action, got.dialog, task);
    if (!effect) return { ok: false, code: "no_write_semantics", detail: `The service provider has no write semantics for "${guiAction.action}".` };
    const patched = await client.patch(dialog.org, dialog.id, patchFor(effect, input.actorId, got.dialog), got.revision, sink);
    if (patched.ok) {
      if (effect.task) await records.moveTask(workspace, dialog, effect.task.from, effect.task.to);
      // The Bin is the end user's label, set through its own endpoint (docs/real-systems.md §9), after the update.
      if (effect.systemLabel) {
        const person = input.actorId.startsWith("urn:altinn:person:identifier-no:") ? input.actorId : undefined;
        const labelled = await client.setSystemLabels(dialog.org, dialog.id, { addLabels: [effect.systemLabel] }, person, sink);
        if (!labelled.ok) return labelled;
      }
      return { ok: true, revision: patched.revision, before: got.revision, effect };
    }
    if (patched.status !== 412) return patched;
  }
  return { ok: false, status: 412, code: "revision_mismatch", detail: "The dialog kept changing while the provider updated it." };
}

const notInTask = (current: string | null, required: string): Applied => ({
  ok: false,
  code: "dialog_not_in_task",
  detail: "",
  notInTask: { current: current === null ? undefined : taskUrn(current), required: taskUrn(required) },
});

function failure(r: Exclude<Applied, { ok: true }>, instance: string): Response {
  if (r.notInTask) {
    const { current, required } = r.notInTask;
    const name = (t?: string) => (t ? (taskOf(t) ?? t) : "no task");
    return problem({
      status: 422,
      title: "Unprocessable Entity",
      code: "dialog_not_in_task",
      detail: `This action is bound to ${name(required)}, but the dialog is in ${name(current)} now.`,
      instance,
      extensions: { currentTask: current ?? null, requiredTask: required },
    });
  }
  return problem({
    status: 502,
    title: "Bad Gateway",
    code: "dialogporten_update_failed",
    detail: `${r.code}: ${r.detail}`,
    instance,
    headers: { "retry-after": "5" },
  });
}

/** The 202 promised the change: a back-channel call that got no answer (timeout, overload) is tried again, a few times. */
const QUEUE_ATTEMPTS = 3;
const QUEUE_RETRY_MS = 1000;

async function applyQueued(
  opts: Pick<WriteActionsOptions, "client" | "records">,
  job: Pick<WriteActionInput, "dialog" | "guiAction" | "actorId" | "workspace">,
  sink: TraceSink,
): Promise<Applied> {
  let r = await apply(opts, job, sink);
  for (let attempt = 1; attempt < QUEUE_ATTEMPTS && !r.ok && r.status === undefined; attempt++) {
    await delay(QUEUE_RETRY_MS * attempt);
    r = await apply(opts, job, sink);
  }
  return r;
}

export function createWriteActions(opts: WriteActionsOptions): WriteActionHandler {
  let pending = 0;
  return async (input) => {
    const sink: TraceSink = { exchanges: input.trace.exchanges, askForTrace: input.askForTrace, workspace: input.workspace };
    const queued = opts.queued.has(input.guiAction.id);
    const write: WriteNote = { mode: queued ? "queued" : "synchronous", action: input.guiAction.action, actorId: input.actorId };
    input.trace.notes.write = write;

    if (queued) {
      if (pending >= (opts.maxQueued ?? 100)) {
        return problem({
          status: 503,
          title: "Service Unavailable",
          code: "write_queue_full",
          detail: "Too many queued write actions; try again shortly.",
          instance: input.instance,
          headers: { "retry-after": "1" },
        });
      }
      // A task-bound action is checked now, so a refusal reaches the caller; the change itself comes later.
      const required = taskBound(input.guiAction);
      if (required) {
        const task = await opts.records.task(input.workspace ?? "default", input.dialog);
        if (task !== required) return failure(notInTask(task, required) as Exclude<Applied, { ok: true }>, input.instance);
      }
      write.applyAfterMs = opts.queueDelayMs;
      write.detail =
        "Queued: the provider applies the change after this response, through the service-owner API. Those calls are not in this trace; fetch the dialog again to see the new revision.";
      const job = { dialog: input.dialog, guiAction: input.guiAction, actorId: input.actorId, workspace: input.workspace };
      pending++;
      const background: TraceSink = { exchanges: [], askForTrace: false, workspace: input.workspace };
      const about = { guiActionId: job.guiAction.id, dialogId: job.dialog.id };
      // Not tied to the request's signal: the 202 is already the answer, and the change must still happen.
      void delay(opts.queueDelayMs)
        .then(() => applyQueued(opts, job, background))
        .finally(() => pending--)
        .then(
          (r) => opts.onQueuedResult?.(r.ok ? { ...about, ok: true, revision: r.revision } : { ...about, ok: false, code: r.code, detail: r.detail }),
          (error: unknown) => opts.onQueuedResult?.({ ...about, ok: false, code: "internal_error", detail: String(error) }),
        );
      // Retry-After: a hint to poll the dialog about once a second, as the write-action spec allows.
      return new Response(null, { status: 202, headers: { "retry-after": "1", "cache-control": "no-store" } });
    }

    const r = await apply(opts, input, sink);
    if (!r.ok) {
      write.failure = r.notInTask ? { code: "dialog_not_in_task", ...r.notInTask } : { code: r.code, detail: r.detail };
      return failure(r, input.instance);
    }
    write.effect = r.effect;
    write.revision = { before: r.before, after: r.revision ?? null };
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  };
}
