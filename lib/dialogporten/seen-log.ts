import type { Dialog } from "../altinn/dialog";
import type { Principal } from "../altinn/principal";

/** One stored sighting. The actor id is kept unmasked; masking happens per answer, as the real mapper does. */
export interface SeenEntry {
  id: string;
  seenAt: string;
  actorId: string;
  actorName?: string;
}

/** `DialogSeenLog` as the end-user DTO carries it. */
interface SeenLogDto {
  id: string;
  seenAt: string;
  seenBy: { actorType: "PartyRepresentative"; actorName?: string; actorId?: string };
  isCurrentEndUser: boolean;
}

/** `UserId.ExternalIdWithPrefix`: who the seen log says saw the dialog. */
export function seenActorId(principal: Principal): string {
  return principal.systemUser?.id ?? principal.consumer;
}

const PERSON = "urn:altinn:person:identifier-no:";
const EPHEMERAL = "urn:altinn:person:identifier-ephemeral:";
/** Per process, like the real `IdentifierMasker`'s salt: a masked id cannot be joined across instances. */
const SALT = crypto.getRandomValues(new Uint8Array(16));

async function sha256Hex(text: string, salt: Uint8Array = new Uint8Array()): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const buffer = new Uint8Array(bytes.length + salt.length);
  buffer.set(bytes);
  buffer.set(salt, bytes.length);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `IdentifierMasker.GetMaybeMaskedIdentifier`: only Norwegian person numbers are hashed (10 hex characters). */
async function masked(actorId: string): Promise<string> {
  return actorId.startsWith(PERSON) ? EPHEMERAL + (await sha256Hex(actorId, SALT)).slice(0, 10) : actorId;
}

/**
 * The seen log's id is derived from the dialog's `updatedAt`, whether its content was seen, and the user,
 * so a repeated GET without changes in between can never add a second entry (`DialogSeenLogWriter`).
 */
async function deterministicId(dialog: Dialog, contentSeen: boolean, actorId: string, seenAt: number): Promise<string> {
  const hex = await sha256Hex(`${dialog.id}${dialog.updatedAt}${contentSeen}${actorId}`);
  const time = seenAt.toString(16).padStart(12, "0").slice(-12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex.slice(0, 3)}-${((parseInt(hex[3]!, 16) & 3) | 8).toString(16)}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
}

const since = (entries: SeenEntry[], instant: string) => entries.filter((e) => Date.parse(e.seenAt) >= Date.parse(instant));

/**
 * `DialogSeenLogWriter.OnSeen`: a new entry unless this user already saw the dialog since its last update
 * and someone saw its content since the last content update. Returns the entry to store, if any.
 */
export async function sighting(dialog: Dialog, log: SeenEntry[], actorId: string, actorName: string | undefined, now: number): Promise<SeenEntry | null> {
  const contentSeen = since(log, dialog.contentUpdatedAt).length > 0;
  const seenByMe = since(log, dialog.updatedAt).some((e) => e.actorId === actorId);
  if (seenByMe && contentSeen) return null;
  const id = await deterministicId(dialog, contentSeen, actorId, now);
  if (log.some((e) => e.id === id)) return null;
  return { id, seenAt: new Date(now).toISOString(), actorId, ...(actorName && { actorName }) };
}

/** `GetSeenLogs`: the latest entry per actor since `instant`, flagged for the current user. */
async function seenLogsSince(log: SeenEntry[], instant: string, me: string): Promise<SeenLogDto[]> {
  const latest = new Map<string, SeenEntry>();
  for (const e of since(log, instant)) {
    const kept = latest.get(e.actorId);
    if (!kept || Date.parse(e.seenAt) > Date.parse(kept.seenAt)) latest.set(e.actorId, e);
  }
  return Promise.all(
    [...latest.values()].map(async (e) => ({
      id: e.id,
      seenAt: e.seenAt,
      seenBy: { actorType: "PartyRepresentative" as const, ...(e.actorName && { actorName: e.actorName }), actorId: await masked(e.actorId) },
      isCurrentEndUser: e.actorId === me,
    })),
  );
}

/**
 * The seen-log part of the answer: both lists, `isContentSeen` (true once anyone saw the current content)
 * and the `MarkedAsUnopened` label dropped, as `GetDialogQuery` does. `hasUnopenedContent` is the service
 * owner's to set and is left alone.
 */
export async function withSeenLog(dialog: Dialog, log: SeenEntry[], me: string): Promise<Dialog> {
  return {
    ...dialog,
    seenSinceLastUpdate: await seenLogsSince(log, dialog.updatedAt, me),
    seenSinceLastContentUpdate: await seenLogsSince(log, dialog.contentUpdatedAt, me),
    isContentSeen: since(log, dialog.contentUpdatedAt).length > 0,
    endUserContext: { ...dialog.endUserContext, systemLabels: dialog.endUserContext.systemLabels.filter((l) => l !== "MarkedAsUnopened") },
  };
}
