import type { Dialog } from "../../lib/altinn/dialog";
import type { EndUserSystemContext } from "../../lib/end-user-system/calls";
import { callServiceProvider, getDialog, resolveAction, signIn } from "../../lib/end-user-system/calls";
import { seedUrlFor } from "../../lib/end-user-system/flow";
import { DIALOG_ID } from "../../lib/seed/dialogs";
import { findPersona } from "../../lib/seed/personas";

/**
 * One workshop participant's whole flow over real HTTP, driven by the real end-user-system code
 * (lib/end-user-system), not a re-implementation of the protocol: sign in, get the dialog and its
 * dialog token, load the embed, run a write action, fetch the dialog again to see the new revision.
 * Shared by the load benchmarks (bench/) and the CI-sized check (e2e/workshop-load.spec.ts).
 */

export const STEPS = ["token", "dialog", "embed", "write", "refetch"] as const;
export type Step = (typeof STEPS)[number];

export interface Role {
  persona: "kari" | "email-user";
  dialogId: string;
  /** The GUI write action the participant presses. */
  actionId: string;
  /** What the provider answers: 202 (queued, applied ~500 ms later) or 204 (applied before the answer). */
  writeStatus: 202 | 204;
}

/** Half the room submits Kari's tax return (queued write), half sends Siri's fishing licence application (synchronous). */
const ROLES: readonly Role[] = [
  { persona: "kari", dialogId: DIALOG_ID.taxReturn, actionId: "019ad0c2-7000-7a3b-9c4d-000000000102", writeStatus: 202 },
  { persona: "email-user", dialogId: DIALOG_ID.fishingLicence, actionId: "019ad0c2-7000-7a3b-9c4d-000000000302", writeStatus: 204 },
];

export interface Participant {
  workspace: string;
  role: Role;
  /** Writes the provider accepted (202/204) in this workspace so far. */
  writes: number;
  /**
   * Writes whose outcome the client cannot know: no answer in time, a 5xx, or a 202 whose change never
   * showed. Under overload these happen; the isolation check then allows up to this many extra.
   */
  uncertain: number;
}

export interface FlowResult {
  ok: boolean;
  failedStep?: Step;
  detail?: string;
  /** Time of each step's request(s), as the client sees them (request sent until the body is read). */
  ms: Partial<Record<Step, number>>;
  /** Sum of the steps: the time spent waiting on the server, without the pause a 202 asks for. */
  totalMs: number;
  /** Wall time from pressing the write action until the re-fetch showed the new revision. */
  visibleAfterMs?: number;
}

export function participant(index: number, prefix: string): Participant {
  return { workspace: `${prefix}-${index}`, role: ROLES[index % ROLES.length]!, writes: 0, uncertain: 0 };
}

/** A request that gets no answer in this long counts as failed, so a stuck server shows up as failures, not a hang. */
const REQUEST_TIMEOUT_MS = 15_000;

export function contextFor(baseUrl: string, workspace: string): EndUserSystemContext {
  return {
    fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
    baseUrl,
    trace: false,
    workspace,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A problem+json answer as `code: detail`, for failure reports; anything else as it came. */
function problemOf(body: string | undefined): string {
  try {
    const p = JSON.parse(body ?? "") as { code?: string; detail?: string };
    return `${p.code ?? ""}: ${p.detail ?? ""}`;
  } catch {
    return body ?? "";
  }
}

/** A 202's Retry-After, in ms: the write-action spec's hint for when to look again (1 s here). */
function retryAfterMs(headers: Array<[string, string]> | undefined): number {
  const value = Number(headers?.find(([name]) => name === "retry-after")?.[1]);
  return Number.isFinite(value) && value >= 0 ? value * 1000 : 1000;
}

/** Runs the whole flow once. Never throws: a failure is a result naming the step, so a load run counts it and goes on. */
export async function runFlow(baseUrl: string, p: Participant, maxPolls = 5): Promise<FlowResult> {
  const ctx = contextFor(baseUrl, p.workspace);
  const ms: FlowResult["ms"] = {};
  const result = (ok: boolean, failedStep?: Step, detail?: string, visibleAfterMs?: number): FlowResult => ({
    ok,
    failedStep,
    detail,
    ms,
    totalMs: Object.values(ms).reduce((a, b) => a + b, 0),
    visibleAfterMs,
  });
  const statusOf = (e: { response: { status: number } | null; error?: string }) => (e.response ? String(e.response.status) : (e.error ?? "no answer"));

  const login = await signIn(ctx, findPersona(p.role.persona)!);
  ms.token = login.exchange.durationMs;
  if (!login.value) return result(false, "token", statusOf(login.exchange));

  const got = await getDialog(ctx, login.value, p.role.dialogId);
  ms.dialog = got.exchange.durationMs;
  const dialog = got.value;
  if (!dialog?.dialogToken) return result(false, "dialog", statusOf(got.exchange));

  const seedUrl = seedUrlFor(p.role.dialogId, baseUrl);
  const embed = resolveAction(dialog, { kind: "embed" }, seedUrl);
  const write = resolveAction(dialog, { kind: "gui", actionId: p.role.actionId }, seedUrl);
  if (!embed || !write || embed.masked || write.masked) return result(false, "dialog", "the dialog lacks the embed or the write action");
  // Dialogporten writes the workspace into the provider's URLs; a URL without it would write to the shared seed.
  if (!embed.url.includes(`/ws/${p.workspace}/`) || !write.url.includes(`/ws/${p.workspace}/`))
    return result(false, "dialog", `provider URL not in the workspace: ${write.url}`);

  const shown = await callServiceProvider(ctx, dialog.dialogToken, embed);
  ms.embed = shown.exchange.durationMs;
  if (shown.exchange.response?.status !== 200 || !shown.value) return result(false, "embed", statusOf(shown.exchange));

  const pressedAt = performance.now();
  const wrote = await callServiceProvider(ctx, dialog.dialogToken, write);
  ms.write = wrote.exchange.durationMs;
  const status = wrote.exchange.response?.status;
  if (status !== p.role.writeStatus) {
    if (status === undefined || status >= 500) p.uncertain++;
    return result(false, "write", `${statusOf(wrote.exchange)} ${problemOf(wrote.value)}`.trim());
  }

  // The re-fetch: a 204 is visible at once; a 202 after the Retry-After the provider sent, polled like a client would.
  ms.refetch = 0;
  for (let poll = 0; poll < maxPolls; poll++) {
    if (status === 202) await sleep(retryAfterMs(wrote.exchange.response?.headers));
    const again = await getDialog(ctx, login.value, p.role.dialogId);
    ms.refetch += again.exchange.durationMs;
    if (!again.value) {
      p.uncertain++;
      return result(false, "refetch", statusOf(again.exchange));
    }
    if (again.value.revision !== dialog.revision) {
      p.writes++;
      return result(true, undefined, undefined, performance.now() - pressedAt);
    }
    if (status === 204) return result(false, "refetch", "a synchronous write left the revision unchanged");
  }
  p.uncertain++;
  return result(false, "refetch", `the queued write was not visible after ${maxPolls} polls`);
}

const countSubmitted = (d: Dialog) => d.activities.filter((a) => a.type === "FormSubmitted").length;

/** Dialog as a persona sees it in a workspace, or a sentence saying why not. */
async function look(baseUrl: string, workspace: string, role: Role): Promise<Dialog | string> {
  const ctx = contextFor(baseUrl, workspace);
  const login = await signIn(ctx, findPersona(role.persona)!);
  if (!login.value) return `sign-in as ${role.persona} failed`;
  const got = await getDialog(ctx, login.value, role.dialogId);
  return got.value ?? `GET ${role.dialogId} in ${workspace} answered ${got.exchange.response?.status ?? got.exchange.error}`;
}

/**
 * "Each workspace sees only its own writes": in the participant's workspace, their dialog holds exactly as
 * many FormSubmitted activities beyond the seed's as they made writes (plus at most their uncertain ones),
 * and the other role's dialog is the seed's, untouched. Empty when it holds; otherwise one sentence per problem.
 */
export async function checkIsolation(baseUrl: string, p: Participant, seed: Map<string, Dialog>): Promise<string[]> {
  const problems: string[] = [];
  for (const role of ROLES) {
    const before = seed.get(role.dialogId)!;
    const now = await look(baseUrl, p.workspace, role);
    if (typeof now === "string") {
      problems.push(now);
      continue;
    }
    const own = role === p.role;
    const least = countSubmitted(before) + (own ? p.writes : 0);
    const most = least + (own ? p.uncertain : 0);
    const found = countSubmitted(now);
    if (found < least || found > most)
      problems.push(`${p.workspace}: ${role.dialogId} has ${found} FormSubmitted, expected ${least === most ? least : `${least}–${most}`}`);
    if (!own && now.revision !== before.revision) problems.push(`${p.workspace}: ${role.dialogId} changed although nobody here wrote to it`);
  }
  return problems;
}

/**
 * The seed as a workspace sees it before anyone writes: read in `workspace`, by default a fresh one nobody
 * writes to. (Not `default`: other tests may have written there, and new workspaces start from the seed.)
 */
export async function seedDialogs(baseUrl: string, workspace = `reference-${Date.now().toString(36)}`): Promise<Map<string, Dialog>> {
  const seed = new Map<string, Dialog>();
  for (const role of ROLES) {
    const d = await look(baseUrl, workspace, role);
    if (typeof d === "string") throw new Error(d);
    seed.set(role.dialogId, d);
  }
  return seed;
}
