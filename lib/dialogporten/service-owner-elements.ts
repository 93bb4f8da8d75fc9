import type { ApiAction, Attachment, GuiAction, HttpVerb, NavigationalAction, Transmission } from "../altinn/dialog";
import { TRANSMISSION_CONTENT, readContent } from "./service-owner-content";
import type { Errors } from "./service-owner-schema";
import { array, at, boolean, dateTime, localizations, object, oneOf, present, string, uri, uuidV7 } from "./service-owner-schema";

/**
 * The lists a service owner writes into a dialog (create, PUT, and the transmissions endpoint): GUI and
 * API actions, attachments and transmissions. The create and update shapes in the real document are the
 * same member for member, so one reader serves both. Ids are kept when given (UUIDv7), made otherwise.
 */
export const HTTP_VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT"] as const;
const PRIORITIES = ["Primary", "Secondary", "Tertiary"] as const;
const CONSUMER_TYPES = ["Gui", "Api"] as const;
export const TRANSMISSION_TYPES = ["Information", "Acceptance", "Rejection", "Request", "Alert", "Decision", "Submission", "Correction"] as const;

export interface ElementContext {
  newId: () => string;
  now: number;
  /** The caller may write legacy HTML embeds (docs/fidelity.md). */
  legacyHtml?: boolean;
}

const id = (value: unknown, path: string, e: Errors, ctx: ElementContext) => uuidV7(value, path, e) ?? ctx.newId();

export function readGuiAction(value: unknown, path: string, e: Errors, ctx: ElementContext): GuiAction | undefined {
  const a = object(value, path, ["id", "action", "url", "authorizationAttribute", "isDeleteDialogAction", "priority", "httpMethod", "title", "prompt"], e);
  if (!a) return undefined;
  const action = string(a.action, at(path, "action"), e, { max: 255, required: true });
  const url = uri(a.url, at(path, "url"), e, true);
  const priority = oneOf(a.priority, at(path, "priority"), e, PRIORITIES, true);
  const httpMethod = oneOf(a.httpMethod ?? "GET", at(path, "httpMethod"), e, HTTP_VERBS);
  const title = localizations(a.title, at(path, "title"), e, { max: 255, required: true });
  const prompt = present(a.prompt) ? localizations(a.prompt, at(path, "prompt"), e, { max: 255 }) : undefined;
  const attr = string(a.authorizationAttribute, at(path, "authorizationAttribute"), e, { max: 255 });
  const isDelete = boolean(a.isDeleteDialogAction, at(path, "isDeleteDialogAction"), e) ?? false;
  if (action === undefined || url === undefined || priority === undefined || httpMethod === undefined) return undefined;
  return {
    id: id(a.id, at(path, "id"), e, ctx),
    action,
    url,
    ...(attr && { authorizationAttribute: attr }),
    isDeleteDialogAction: isDelete,
    priority,
    httpMethod: httpMethod as HttpVerb,
    title,
    ...(prompt?.length && { prompt }),
  };
}

export function readApiAction(value: unknown, path: string, e: Errors, ctx: ElementContext): ApiAction | undefined {
  const a = object(value, path, ["id", "action", "authorizationAttribute", "name", "endpoints"], e);
  if (!a) return undefined;
  const action = string(a.action, at(path, "action"), e, { max: 255, required: true });
  const attr = string(a.authorizationAttribute, at(path, "authorizationAttribute"), e, { max: 255 });
  const name = string(a.name, at(path, "name"), e, { max: 255 });
  const endpointKeys = ["id", "version", "url", "httpMethod", "documentationUrl", "requestSchema", "responseSchema", "deprecated", "sunsetAt"];
  const endpoints = array(a.endpoints, at(path, "endpoints"), e, 100, (item, p) => {
    const ep = object(item, p, endpointKeys, e);
    if (!ep) return undefined;
    const url = uri(ep.url, at(p, "url"), e, true);
    const httpMethod = oneOf(ep.httpMethod, at(p, "httpMethod"), e, HTTP_VERBS, true);
    const version = string(ep.version, at(p, "version"), e, { max: 255 });
    const documentationUrl = uri(ep.documentationUrl, at(p, "documentationUrl"), e);
    const requestSchema = uri(ep.requestSchema, at(p, "requestSchema"), e);
    const responseSchema = uri(ep.responseSchema, at(p, "responseSchema"), e);
    const sunsetAt = dateTime(ep.sunsetAt, at(p, "sunsetAt"), e);
    const deprecated = boolean(ep.deprecated, at(p, "deprecated"), e) ?? false;
    if (url === undefined || httpMethod === undefined) return undefined;
    return {
      id: id(ep.id, at(p, "id"), e, ctx),
      ...(version && { version }),
      url,
      httpMethod: httpMethod as HttpVerb,
      ...(documentationUrl && { documentationUrl }),
      ...(requestSchema && { requestSchema }),
      ...(responseSchema && { responseSchema }),
      deprecated,
      ...(sunsetAt && { sunsetAt }),
    };
  });
  if (action === undefined) return undefined;
  return { id: id(a.id, at(path, "id"), e, ctx), action, ...(attr && { authorizationAttribute: attr }), ...(name && { name }), endpoints };
}

/** A dialog's or a transmission's attachment; a transmission attachment's urls carry no id of their own in the request. */
export function readAttachment(value: unknown, path: string, e: Errors, ctx: ElementContext): Attachment | undefined {
  const a = object(value, path, ["id", "displayName", "name", "urls", "expiresAt"], e);
  if (!a) return undefined;
  const displayName = localizations(a.displayName, at(path, "displayName"), e, { max: 255 });
  const name = string(a.name, at(path, "name"), e, { max: 255 });
  const expiresAt = dateTime(a.expiresAt, at(path, "expiresAt"), e);
  if (!Array.isArray(a.urls) || a.urls.length === 0) e.add(at(path, "urls"), "'Urls' must not be empty.");
  const urls = array(a.urls, at(path, "urls"), e, 100, (item, p) => {
    const u = object(item, p, ["id", "url", "mediaType", "consumerType"], e);
    if (!u) return undefined;
    const url = uri(u.url, at(p, "url"), e, true);
    const mediaType = string(u.mediaType, at(p, "mediaType"), e, { max: 255 });
    const consumerType = oneOf(u.consumerType, at(p, "consumerType"), e, CONSUMER_TYPES, true);
    if (url === undefined || consumerType === undefined) return undefined;
    return { id: id(u.id, at(p, "id"), e, ctx), url, ...(mediaType && { mediaType }), consumerType };
  });
  return { id: id(a.id, at(path, "id"), e, ctx), displayName, ...(name && { name }), urls, ...(expiresAt && { expiresAt }) };
}

function readNavigationalAction(value: unknown, path: string, e: Errors): NavigationalAction | undefined {
  const n = object(value, path, ["title", "url", "expiresAt"], e);
  if (!n) return undefined;
  const title = localizations(n.title, at(path, "title"), e, { max: 255, required: true });
  const url = uri(n.url, at(path, "url"), e, true);
  const expiresAt = dateTime(n.expiresAt, at(path, "expiresAt"), e);
  return url === undefined ? undefined : { title, url, ...(expiresAt && { expiresAt }) };
}

/** `sender` is an actor: the service owner (no name, no id) or a party representative named one way. */
function readSender(value: unknown, path: string, e: Errors): Transmission["sender"] | undefined {
  const s = object(value, path, ["actorType", "actorName", "actorId"], e);
  if (!s) return undefined;
  const actorType = oneOf(s.actorType, at(path, "actorType"), e, ["PartyRepresentative", "ServiceOwner"] as const, true);
  const actorName = string(s.actorName, at(path, "actorName"), e, { max: 255 });
  const actorId = string(s.actorId, at(path, "actorId"), e, { max: 255 });
  if (actorType === "ServiceOwner" && (actorName || actorId)) return e.add(path, "A ServiceOwner actor has neither ActorName nor ActorId.");
  if (actorType === "PartyRepresentative" && !actorName === !actorId) return e.add(path, "A PartyRepresentative has exactly one of ActorName and ActorId.");
  return actorType && { actorType, ...(actorName && { actorName }), ...(actorId && { actorId }) };
}

const TRANSMISSION_KEYS = [
  "id",
  "idempotentKey",
  "createdAt",
  "authorizationAttribute",
  "extendedType",
  "externalReference",
  "relatedTransmissionId",
  "type",
  "sender",
  "content",
  "attachments",
  "navigationalActions",
];

/** A transmission; `existing` are the dialog's transmissions so far (ids must be new, a related id must exist). */
export function readTransmission(value: unknown, path: string, e: Errors, ctx: ElementContext, existing: Transmission[]): Transmission | undefined {
  const t = object(value, path, TRANSMISSION_KEYS, e);
  if (!t) return undefined;
  const given = uuidV7(t.id, at(path, "id"), e);
  if (given && existing.some((x) => x.id === given)) e.add(at(path, "id"), `A transmission with id '${given}' already exists in the dialog.`);
  const type = oneOf(t.type, at(path, "type"), e, TRANSMISSION_TYPES, true);
  const sender = readSender(t.sender, at(path, "sender"), e);
  const content = readContent(t.content, at(path, "content"), e, TRANSMISSION_CONTENT, true, ctx.legacyHtml);
  const createdAt = dateTime(t.createdAt, at(path, "createdAt"), e) ?? new Date(ctx.now).toISOString();
  const attr = string(t.authorizationAttribute, at(path, "authorizationAttribute"), e, { max: 255 });
  const extendedType = uri(t.extendedType, at(path, "extendedType"), e);
  const externalReference = string(t.externalReference, at(path, "externalReference"), e, { max: 255 });
  string(t.idempotentKey, at(path, "idempotentKey"), e, { max: 36 });
  const related = present(t.relatedTransmissionId) ? uuidV7(t.relatedTransmissionId, at(path, "relatedTransmissionId"), e) : undefined;
  if (related && !existing.some((x) => x.id === related)) e.add(at(path, "relatedTransmissionId"), `No transmission '${related}' in the dialog.`);
  const attachments = array(t.attachments, at(path, "attachments"), e, 100, (item, p) => readAttachment(item, p, e, ctx));
  const navigationalActions = array(t.navigationalActions, at(path, "navigationalActions"), e, 100, (item, p) => readNavigationalAction(item, p, e));
  if (!type || !sender || !content) return undefined;
  return {
    id: given ?? ctx.newId(),
    createdAt,
    ...(attr && { authorizationAttribute: attr }),
    ...(extendedType && { extendedType }),
    ...(externalReference && { externalReference }),
    ...(related && { relatedTransmissionId: related }),
    type,
    sender,
    isOpened: false,
    content: content as Transmission["content"],
    attachments,
    navigationalActions,
  };
}
