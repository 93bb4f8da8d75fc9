import type { Dialog } from "@/lib/altinn/dialog";
import { delay } from "@/lib/shared/delay";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { getDialog, signIn } from "@/lib/end-user-system/calls";
import type { Persona } from "@/lib/seed/personas";
import { decodeToken } from "@/lib/service-provider/decode";
import type { AfterWrite, FollowUp } from "./follow-up";

/**
 * After a write action the end-user system learns what happened the only way it can: by fetching the
 * dialog again (docs/real-systems.md §6.2, without a subscription). 204 means "already updated": one
 * GET. 202 means "updated within 10 s": poll at most once a second, and give up after 10 s.
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

interface AfterWriteInput {
  ctx: EndUserSystemContext;
  persona: Persona;
  accessToken: string;
  dialogId: string;
  /** The dialog as it was before the write (its revision is what must change). */
  before: Dialog;
  mode: FollowUp;
}

interface AfterWriteOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told after every GET, so a poll in progress can be shown. */
  onProgress?: (after: AfterWrite) => void;
  /** True once nobody waits for the answer any more (reset, new scenario): polling stops. */
  isCancelled?: () => boolean;
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

  const started = now();
  for (;;) {
    if (input.mode === "poll") await sleep(POLL_INTERVAL_MS);
    if (opts.isCancelled?.()) return done("failed", "Cancelled.");
    const got = await getDialog(input.ctx, accessToken, input.dialogId);
    after.fetches = [...after.fetches, got.exchange];
    if (got.value) after.dialog = got.value;
    const changed = Boolean(got.value && got.value.revision !== input.before.revision);
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
