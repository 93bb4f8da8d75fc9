import type { Dialog, DialogStatus, GuiAction } from "../altinn/dialog";
import { RESOURCE } from "../seed/resources";

/**
 * The service provider's own processes. Dialogporten's `process` is only the business-process id the
 * service owner chose; which task a dialog is in is the provider's knowledge, and it shows it to
 * Dialogporten the way the real Altinn adapter does: through the GUI actions' `authorizationAttribute`
 * (`urn:altinn:task:Task_1`), rewritten through the service-owner API when the task changes.
 */

export const TASK_PREFIX = "urn:altinn:task:";

/** The tasks each of the provider's services goes through, in order. A service not named here has no process. */
const PROCESSES: Record<string, readonly string[]> = {
  [RESOURCE.taxReturn]: ["Task_1", "Task_2"],
  [RESOURCE.vatReturn]: ["Task_1", "Task_2"],
};

/** Actions whose attribute follows the current task (the adapter's delete); the rest stay bound to the task they name. */
const FOLLOWS_TASK = new Set(["delete"]);

export const taskOf = (attribute: string | undefined): string | undefined =>
  attribute?.startsWith(TASK_PREFIX) ? attribute.slice(TASK_PREFIX.length) || undefined : undefined;
export const taskUrn = (task: string) => `${TASK_PREFIX}${task}`;

/** What a write action does (ADR 012, docs/fidelity.md): the activity, the status, and where the process goes. */
export interface Effect {
  activity: "FormSubmitted" | "SignatureProvided" | "DialogDeleted";
  status?: DialogStatus;
  /** The task before and after, when the action moves the process (null: no task, the process has ended). */
  task?: { from: string | null; to: string | null };
  systemLabel?: "Bin";
}

/**
 * The task a dialog is in when the provider has no record of one yet: the one its task-following action
 * names, else the first task of its service's process if any GUI action is bound to a task, else none.
 */
export function initialTask(dialog: Dialog): string | null {
  const following = dialog.guiActions.find((g) => FOLLOWS_TASK.has(g.action) && taskOf(g.authorizationAttribute));
  if (following) return taskOf(following.authorizationAttribute)!;
  const tasks = PROCESSES[dialog.serviceResource];
  return tasks && dialog.guiActions.some((g) => taskOf(g.authorizationAttribute)) ? tasks[0]! : null;
}

/**
 * Per action: `write` (submit) in the first task moves to the next and waits (Awaiting), without a process it
 * completes the dialog, in a later task it is submitted again; `sign` completes it and ends the process;
 * `delete` puts it in the Bin (a soft delete the end user can still see).
 */
export function effectOf(action: string, dialog: Dialog, task: string | null): Effect | undefined {
  const tasks = PROCESSES[dialog.serviceResource];
  switch (action) {
    case "write": {
      if (!tasks || task === null) return { activity: "FormSubmitted", status: "Completed" };
      const next = tasks[tasks.indexOf(task) + 1];
      return task === tasks[0] && next
        ? { activity: "FormSubmitted", status: "Awaiting", task: { from: task, to: next } }
        : { activity: "FormSubmitted", status: "Awaiting" };
    }
    case "sign":
      return { activity: "SignatureProvided", status: "Completed", ...(task !== null && { task: { from: task, to: null } }) };
    case "delete":
      return { activity: "DialogDeleted", systemLabel: "Bin" };
    default:
      return undefined;
  }
}

/**
 * The GUI actions of a task, from the ones the dialog has now: a task-following action is bound to the new
 * task; an action bound to a task stays while that task is still ahead, and goes once the process has
 * passed it or ended. The rest are untouched.
 */
export function guiActionsIn(actions: GuiAction[], serviceResource: string, task: string | null): GuiAction[] {
  const tasks = PROCESSES[serviceResource] ?? [];
  const position = (t: string) => tasks.indexOf(t);
  return actions.flatMap((g) => {
    const bound = taskOf(g.authorizationAttribute);
    if (!bound) return [g];
    if (task === null) return [];
    if (FOLLOWS_TASK.has(g.action)) return [{ ...g, authorizationAttribute: taskUrn(task) }];
    return position(bound) >= position(task) ? [g] : [];
  });
}

/** The JSON Patch that turns the dialog's GUI actions into `next` (same ids, so each op names its element). */
export function guiActionOps(current: GuiAction[], next: GuiAction[]): unknown[] {
  const ops: unknown[] = [];
  const kept = new Map(next.map((g) => [g.id, g]));
  // From the end, so each index still points at the element it names.
  for (let i = current.length - 1; i >= 0; i--) {
    const g = current[i]!;
    const after = kept.get(g.id);
    if (!after) ops.push({ op: "remove", path: `/guiActions/${i}` });
    else if (after.authorizationAttribute !== g.authorizationAttribute)
      ops.push({ op: "replace", path: `/guiActions/${i}/authorizationAttribute`, value: after.authorizationAttribute ?? null });
  }
  return ops;
}
