import { isGuid, isValidNationalIdentityNumber, isValidOrganizationNumber, URN } from "../altinn/identifiers";
import type { Activity, Actor, Dialog, Localization } from "../altinn/dialog";
import type { Invalid, PatchContext } from "./service-owner-validation";
import { extraKeys, invalid, isAbsoluteUri, isObject, MAX_URI } from "./service-owner-validation";

/**
 * The real `CreateActivity` shape, read and checked: what a service owner may add to a dialog's history,
 * when the dialog is created (only then may it be DialogCreated), by the activities endpoint, by PUT or
 * by a patch's `/activities/-`.
 */

/** `DialogActivityType` in the real OpenAPI document. */
const ACTIVITY_TYPES = [
  "DialogCreated",
  "DialogClosed",
  "Information",
  "TransmissionOpened",
  "PaymentMade",
  "SignatureProvided",
  "DialogOpened",
  "DialogDeleted",
  "DialogRestored",
  "SentToSigning",
  "SentToFormFill",
  "SentToSendIn",
  "SentToPayment",
  "FormSubmitted",
  "FormSaved",
  "CorrespondenceOpened",
  "CorrespondenceConfirmed",
] as const;

const MAX_DESCRIPTION = 1023;

/** Reads and checks a `CreateActivity` body (real field names); fills id, createdAt and the actor's name. */
export function readActivity(
  value: unknown,
  dialog: Dialog,
  ctx: PatchContext,
  field = "activity",
  creating = false,
): { ok: true; activity: Activity } | Invalid {
  if (!isObject(value)) return invalid(400, "invalid_activity", field, "An activity is an object.");
  const extra = extraKeys(value, ["id", "createdAt", "extendedType", "type", "transmissionId", "performedBy", "description"]);
  if (extra.length) return invalid(400, "invalid_activity", field, `Unknown member(s): ${extra.join(", ")}.`);

  const type = value.type;
  if (typeof type !== "string" || !(ACTIVITY_TYPES as readonly string[]).includes(type)) {
    return invalid(400, "invalid_activity", `${field}.type`, `type is one of ${ACTIVITY_TYPES.join(", ")}.`);
  }
  if (type === "DialogCreated" && !creating)
    return invalid(422, "invalid_activity", `${field}.type`, "DialogCreated is added by Dialogporten when the dialog is created.");

  let id = ctx.newId();
  if (value.id !== undefined && value.id !== null) {
    if (typeof value.id !== "string" || !isGuid(value.id) || value.id[14] !== "7")
      return invalid(400, "invalid_activity", `${field}.id`, "id must be a UUIDv7.");
    if (dialog.activities.some((a) => a.id.toLowerCase() === (value.id as string).toLowerCase()))
      return invalid(422, "activity_id_taken", `${field}.id`, "An activity with this id exists.");
    id = value.id.toLowerCase();
  }

  let createdAt = new Date(ctx.now).toISOString();
  if (value.createdAt !== undefined && value.createdAt !== null) {
    const t =
      typeof value.createdAt === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/.test(value.createdAt)
        ? Date.parse(value.createdAt)
        : NaN;
    if (!Number.isFinite(t)) return invalid(400, "invalid_activity", `${field}.createdAt`, "createdAt is an ISO 8601 date-time.");
    if (t > ctx.now + 2000) return invalid(400, "invalid_activity", `${field}.createdAt`, "createdAt cannot be in the future.");
    createdAt = new Date(t).toISOString();
  }

  let extendedType: string | undefined;
  if (value.extendedType !== undefined && value.extendedType !== null) {
    if (typeof value.extendedType !== "string" || !isAbsoluteUri(value.extendedType))
      return invalid(400, "invalid_activity", `${field}.extendedType`, `extendedType is an absolute URI of at most ${MAX_URI} characters.`);
    extendedType = value.extendedType;
  }

  let transmissionId: string | undefined;
  if (value.transmissionId !== undefined && value.transmissionId !== null) {
    const t = value.transmissionId;
    if (typeof t !== "string" || !isGuid(t)) return invalid(400, "invalid_activity", `${field}.transmissionId`, "transmissionId must be a GUID.");
    if (!dialog.transmissions.some((x) => x.id.toLowerCase() === t.toLowerCase()))
      return invalid(422, "invalid_activity", `${field}.transmissionId`, "No transmission with this id in the dialog.");
    transmissionId = t.toLowerCase();
  }
  if (type === "TransmissionOpened" && !transmissionId)
    return invalid(400, "invalid_activity", `${field}.transmissionId`, "TransmissionOpened needs a transmissionId.");

  const description = readDescription(value.description, type, `${field}.description`);
  if (!description.ok) return description;
  const actor = readActor(value.performedBy, `${field}.performedBy`, ctx);
  if (!actor.ok) return actor;

  const activity: Activity & { extendedType?: string } = {
    id,
    createdAt,
    ...(extendedType && { extendedType }),
    type,
    ...(transmissionId && { transmissionId }),
    performedBy: actor.actor,
    description: description.value,
  };
  return { ok: true, activity };
}

function readDescription(value: unknown, type: string, field: string): { ok: true; value: Localization[] } | Invalid {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    return type === "Information" ? invalid(400, "invalid_activity", field, "An Information activity needs a description.") : { ok: true, value: [] };
  }
  if (type !== "Information") return invalid(400, "invalid_activity", field, "Only Information activities carry a description.");
  if (!Array.isArray(value) || value.length > 10) return invalid(400, "invalid_activity", field, "description is an array of at most 10 localizations.");
  const out: Localization[] = [];
  for (const l of value) {
    if (!isObject(l) || extraKeys(l, ["value", "languageCode"]).length || typeof l.value !== "string" || typeof l.languageCode !== "string") {
      return invalid(400, "invalid_activity", field, "Each localization is {value, languageCode}.");
    }
    if (l.value.length === 0 || l.value.length > MAX_DESCRIPTION)
      return invalid(400, "invalid_activity", field, `A description is 1 to ${MAX_DESCRIPTION} characters.`);
    if (!/^[a-z]{2}$/.test(l.languageCode)) return invalid(400, "invalid_activity", field, "languageCode is a two-letter ISO 639-1 code, e.g. nb.");
    out.push({ value: l.value, languageCode: l.languageCode });
  }
  return { ok: true, value: out };
}

/** A party representative is named by a valid party URN or by name (not both); the service owner by neither. */
function isActorId(value: string): boolean {
  const person = new RegExp(`^${URN.person}:(\\d{11})$`).exec(value);
  if (person) return isValidNationalIdentityNumber(person[1]!);
  const org = new RegExp(`^${URN.organization}:(\\d{9})$`).exec(value);
  if (org) return isValidOrganizationNumber(org[1]!);
  const email = new RegExp(`^${URN.idportenEmail}:([^\\s@:]{1,64}@[^\\s@:]{1,190})$`).exec(value);
  if (email) return true;
  const sys = new RegExp(`^${URN.systemUser}:(.+)$`).exec(value);
  return sys ? isGuid(sys[1]!) : false;
}

function readActor(value: unknown, field: string, ctx: PatchContext): { ok: true; actor: Actor } | Invalid {
  if (!isObject(value)) return invalid(400, "invalid_activity", field, "performedBy is {actorType, actorName?, actorId?}.");
  const extra = extraKeys(value, ["actorType", "actorName", "actorId"]);
  if (extra.length) return invalid(400, "invalid_activity", field, `Unknown member(s): ${extra.join(", ")}.`);
  const { actorType, actorName, actorId } = value;
  const present = (v: unknown) => v !== undefined && v !== null;
  if (actorType === "ServiceOwner") {
    if (present(actorName) || present(actorId)) return invalid(400, "invalid_activity", field, "A ServiceOwner actor has no actorName or actorId.");
    return { ok: true, actor: { actorType } };
  }
  if (actorType !== "PartyRepresentative") return invalid(400, "invalid_activity", `${field}.actorType`, "actorType is PartyRepresentative or ServiceOwner.");
  if (present(actorName) === present(actorId))
    return invalid(400, "invalid_activity", field, "A PartyRepresentative has exactly one of actorName and actorId.");
  if (present(actorId)) {
    if (typeof actorId !== "string" || !isActorId(actorId))
      return invalid(400, "invalid_activity", `${field}.actorId`, "actorId is a valid party URN (person, organization, idporten-email or system user).");
    const name = ctx.partyName(actorId);
    return { ok: true, actor: { actorType, actorId, ...(name && { actorName: name }) } };
  }
  if (typeof actorName !== "string" || actorName.trim().length === 0 || actorName.length > 255)
    return invalid(400, "invalid_activity", `${field}.actorName`, "actorName is 1 to 255 characters.");
  return { ok: true, actor: { actorType, actorName } };
}
