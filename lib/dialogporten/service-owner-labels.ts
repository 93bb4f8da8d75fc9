import type { Dialog } from "../altinn/dialog";
import { URN } from "../altinn/identifiers";
import { SYSTEM_LABELS } from "./service-owner-patch";
import { array, at, Errors, object, oneOf, string } from "./service-owner-schema";

/**
 * `SetDialogSystemLabelRequest` on `PUT …/endusercontext/systemlabels`: the end user's system labels,
 * set outright (`systemLabels`) or changed (`addLabels`, `removeLabels`). Default, Bin and Archive
 * exclude each other (the last one given wins); removing Bin or Archive falls back to Default; the two
 * others (MarkedAsUnopened, Sent) sit beside them — the rules the real document states for this request.
 */
type SystemLabel = (typeof SYSTEM_LABELS)[number];
const EXCLUSIVE: readonly SystemLabel[] = ["Default", "Bin", "Archive"];

export type LabelsRead = { ok: true; labels: SystemLabel[] } | { ok: false; errors: Record<string, string[]> };

function exclusive(labels: SystemLabel[]): SystemLabel[] {
  const last = labels.filter((l) => EXCLUSIVE.includes(l)).at(-1) ?? "Default";
  return [last, ...new Set(labels.filter((l) => !EXCLUSIVE.includes(l)))];
}

export function readSystemLabels(body: unknown, current: Dialog["endUserContext"]["systemLabels"], enduserId: string | null): LabelsRead {
  const e = new Errors();
  if (enduserId !== null && !new RegExp(`^${URN.person}:\\d{11}$`).test(enduserId)) e.add("EnduserId", `'EnduserId' must be ${URN.person}:<11 digits>.`);
  const b = object(body, "", ["systemLabels", "addLabels", "removeLabels", "performedBy"], e);
  if (!b) return { ok: false, errors: e.map };
  const list = (key: "systemLabels" | "addLabels" | "removeLabels") =>
    b[key] === undefined || b[key] === null ? undefined : array(b[key], at("", key), e, 10, (v, p) => oneOf(v, p, e, SYSTEM_LABELS, true));
  const set = list("systemLabels");
  const add = list("addLabels") ?? [];
  const remove = list("removeLabels") ?? [];
  if (b.performedBy !== undefined && b.performedBy !== null) {
    const actor = object(b.performedBy, "PerformedBy", ["actorType", "actorName", "actorId"], e);
    if (actor) {
      oneOf(actor.actorType, "PerformedBy.ActorType", e, ["PartyRepresentative", "ServiceOwner"] as const, true);
      string(actor.actorName, "PerformedBy.ActorName", e, { max: 255 });
      string(actor.actorId, "PerformedBy.ActorId", e, { max: 255 });
    }
    if (enduserId !== null) e.add("PerformedBy", "'PerformedBy' is only allowed when EnduserId is omitted.");
  }
  if (set && (add.length || remove.length)) e.add("SystemLabels", "Use either SystemLabels or AddLabels/RemoveLabels, not both.");
  if (!set && !add.length && !remove.length) e.add("SystemLabels", "Give SystemLabels, AddLabels or RemoveLabels.");
  if (add.some((l) => remove.includes(l))) e.add("AddLabels", "A label cannot be both added and removed.");
  if (!e.ok) return { ok: false, errors: e.map };
  if (set) return { ok: true, labels: exclusive(set) };
  const kept = current.filter((l) => !remove.includes(l));
  const fellBack = remove.some((l) => l === "Bin" || l === "Archive") && !add.some((l) => l === "Bin" || l === "Archive");
  return { ok: true, labels: exclusive([...kept, ...(fellBack ? (["Default"] as const) : []), ...add]) };
}
