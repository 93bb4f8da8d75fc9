import type { Dialog } from "@/lib/altinn/dialog";
import { delay } from "@/lib/shared/delay";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { getDialog, signIn } from "@/lib/end-user-system/calls";
import type { DialogFollower } from "@/lib/end-user-system/dialog-events";
import { followDialog } from "@/lib/end-user-system/dialog-events";
import type { Persona } from "@/lib/seed/personas";
import { decodeToken } from "@/lib/service-provider/decode";
import type { AfterWrite, FollowUp } from "./follow-up";

/**
 * After a write action the end-user system learns what happened (docs/real-systems.md §6.2). 204 means
 * "already updated": one GET. 202 means "updated within 10 s": the end-user system follows the dialog through
 * Dialogporten's GraphQL subscription, with the dialog token (§9), and fetches the dialog when the event comes.
 * If the subscription cannot be had, it polls at most once a second instead. Either way it gives up after 10 s.
 */

const POLL_INTERVAL_MS = 1000;
const GIVE_UP_AFTER_MS = 10_000;
/** Sign in again when the access token has less than this left (the mock identity providers issue 120 s tokens). */
const ACCESS_TOKEN_MARGIN_S = 15;

function expiresSoon(accessToken: string, nowMs: number): boolean {
  const d = decodeToken(accessToken);
  if (!d.ok) return true;
  return typeof d.payload.exp === "number" && d.payload.exp - nowMs / 1000 < ACCESS_TOKEN_MARGIN_S;
}

/** Subscriptions opened before a write action was sent, by dialog token, until the follow-up takes them over. */
const openBeforeWrite = new Map<string, DialogFollower>();

/**
 * Opens the subscription before the write action is sent, as the portal keeps it open while it shows the
 * dialog (docs/real-systems.md §6.3): an event can then never come before anyone listens. Resolves once
 * Dialogporten has answered; the returned function closes it when no follow-up will use it.
 */
export async function subscribeBeforeWrite(ctx: EndUserSystemContext, dialogToken: string, dialogId: string): Promise<() => void> {
  const follower = followDialog(ctx, dialogToken, dialogId);
  openBeforeWrite.set(dialogToken, follower);
  await follower.opened;
  return () => {
    if (openBeforeWrite.get(dialogToken) === follower) openBeforeWrite.delete(dialogToken);
    follower.close();
  };
}

function takeOver(dialogToken: string): DialogFollower | undefined {
  const follower = openBeforeWrite.get(dialogToken);
  openBeforeWrite.delete(dialogToken);
  return follower;
}

interface AfterWriteInput {
  ctx: EndUserSystemContext;
  persona: Persona;
  accessToken: string;
  dialogId: string;
  /** The dialog as it was before the write (its revision is what must change; its dialog token opens the subscription). */
  before: Dialog;
  mode: FollowUp;
}

interface AfterWriteOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told after every GET and every turn of the subscription, so the follow-up in progress can be shown. */
  onProgress?: (after: AfterWrite) => void;
  /** True once nobody waits for the answer any more (reset, new scenario): polling stops. */
  isCancelled?: () => boolean;
  /** How to follow a 202: the subscription (polling when it fails), or polling only. */
  follow?: "subscription" | "polling";
}

export async function fetchAfterWrite(input: AfterWriteInput, opts: AfterWriteOptions = {}): Promise<{ after: AfterWrite; accessToken: string }> {
  const sleep = opts.sleep ?? delay;
  const now = opts.now ?? Date.now;
  const after: AfterWrite = { mode: input.mode, fetches: [], state: "fetching" };
  let accessToken = input.accessToken;
  const done = (state: AfterWrite["state"], detail?: string) => ({ after: { ...after, state, ...(detail && { detail }) }, accessToken });

  if (expiresSoon(accessToken, now())) {
    const fresh = await signIn(input.ctx, input.persona);
    after.signIn = fresh.exchange;
    if (!fresh.value) return done("failed", "The access token had expired, and signing in again failed.");
    accessToken = fresh.value;
  }

  /** One GET of the dialog; true when its revision has moved on. */
  const fetchOnce = async () => {
    const got = await getDialog(input.ctx, accessToken, input.dialogId);
    after.fetches = [...after.fetches, got.exchange];
    if (got.value) after.dialog = got.value;
    return { got, changed: Boolean(got.value && got.value.revision !== input.before.revision) };
  };

  const started = now();
  const token = input.before.dialogToken;
  if (input.mode === "poll" && token && opts.follow !== "polling") {
    const followed = await followLive(input.ctx, token, input.dialogId, after, fetchOnce, {
      sleep,
      remainingMs: () => GIVE_UP_AFTER_MS - (now() - started),
      onProgress: () => opts.onProgress?.({ ...after }),
    });
    if (followed) return done(followed.state, followed.detail);
  }

  for (;;) {
    if (input.mode === "poll") await sleep(POLL_INTERVAL_MS);
    if (opts.isCancelled?.()) return done("failed", "Cancelled.");
    const { got, changed } = await fetchOnce();
    if (changed) return done("changed");
    if (input.mode === "reload") {
      return got.value
        ? done("unchanged", "The provider said the dialog was updated (204), but its revision is the same.")
        : done("failed", `Dialogporten answered ${got.exchange.response?.status ?? got.exchange.error}.`);
    }
    if (now() - started + POLL_INTERVAL_MS > GIVE_UP_AFTER_MS) {
      return done(
        "gave-up",
        `No new revision after ${Math.round((now() - started) / 1000)} s and ${after.fetches.length} requests: the end-user system gives up and shows a generic error, as the write-action spec says.`,
      );
    }
    opts.onProgress?.({ ...after });
  }
}

type Outcome = { state: AfterWrite["state"]; detail?: string } | null;

/**
 * Subscribes, then fetches once (the change may have landed between the 202 and the open stream), then waits
 * for the event and fetches the dialog it announces. Null when the subscription could not be used: polling follows.
 */
async function followLive(
  ctx: EndUserSystemContext,
  dialogToken: string,
  dialogId: string,
  after: AfterWrite,
  fetchOnce: () => Promise<{ changed: boolean }>,
  t: { sleep: (ms: number) => Promise<void>; remainingMs: () => number; onProgress: () => void },
): Promise<Outcome> {
  const early = takeOver(dialogToken);
  const follower = early ?? followDialog(ctx, dialogToken, dialogId);
  const live = (state: NonNullable<AfterWrite["live"]>["state"], extra: Partial<NonNullable<AfterWrite["live"]>> = {}) => {
    after.live = { exchange: structuredClone(follower.exchange), state, ...extra };
    t.onProgress();
  };
  try {
    live("connecting");
    const opened = await follower.opened;
    if (!opened.ok) {
      live("refused", { detail: opened.detail });
      return null;
    }
    live("listening");
    // Only a subscription opened after the 202 can have missed the change: one GET settles it.
    if (!early && (await fetchOnce()).changed) return { state: "changed", detail: "The dialog had already changed when the subscription opened." };
    const timeout = t.sleep(Math.max(0, t.remainingMs())).then(() => "timeout" as const);
    const first = await Promise.race([follower.first, timeout]);
    if (first === "timeout") {
      live("listening");
      return { state: "gave-up", detail: "No event within 10 s: the end-user system gives up and shows a generic error, as the write-action spec says." };
    }
    if (first.kind !== "event") {
      live(first.kind, { detail: first.detail });
      return null;
    }
    live("event", { event: first.event });
    return (await fetchOnce()).changed ? { state: "changed" } : { state: "unchanged", detail: "The event came, but the dialog's revision is the same." };
  } finally {
    follower.close();
  }
}
