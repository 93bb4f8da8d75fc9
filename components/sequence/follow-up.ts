import type { Dialog } from "@/lib/altinn/dialog";
import type { Exchange } from "@/lib/shared/trace";

/**
 * What the end-user system does after a write action (docs/real-systems.md §6.2), the part every view
 * needs. The fetching itself lives in after-write.ts, loaded only when a write action has succeeded.
 */

export type FollowUp = "reload" | "poll";

export interface AfterWrite {
  mode: FollowUp;
  /** A fresh sign-in, when the run's access token was (nearly) expired. */
  signIn?: Exchange;
  /** Every GET of the dialog after the write, in order. */
  fetches: Exchange[];
  /** The newest dialog fetched. */
  dialog?: Dialog;
  state: "fetching" | "changed" | "unchanged" | "gave-up" | "failed";
  detail?: string;
  /** After a 202: the GraphQL subscription the end-user system followed the dialog with, when it tried one. */
  live?: LiveFollow;
}

/** The subscription's course: open and waiting, an event arrived, or it could not be used (then polling took over). */
export interface LiveFollow {
  exchange: Exchange;
  state: "connecting" | "listening" | "event" | "refused" | "ended";
  event?: { id: string; type: string };
  detail?: string;
}

/** Nothing after a read or a refusal; one reload after 204 (or any other 2xx); polling after 202. */
export function followUpOf(method: string | undefined, e: Exchange | undefined): FollowUp | null {
  const status = e?.response?.status ?? 0;
  if (!method || method === "GET" || status < 200 || status >= 300) return null;
  return status === 202 ? "poll" : "reload";
}
