/**
 * The end-user `Dialog` DTO, as in `dialogporten-openapi-enduser.json` (camelCase, nulls omitted).
 * Only the fields the sandbox fills are typed; `isAuthorized` and `dialogToken` are computed per request.
 */
export interface Localization {
  value: string;
  languageCode: string;
}
export interface ContentValue {
  value: Localization[];
  mediaType: string;
  isAuthorized?: boolean;
}

export interface Content {
  title: ContentValue;
  summary?: ContentValue;
  senderName?: ContentValue;
  additionalInfo?: ContentValue;
  extendedStatus?: ContentValue;
  mainContentReference?: ContentValue;
  /** Service-owner API only; never in the end-user DTO. */
  nonSensitiveTitle?: ContentValue;
  nonSensitiveSummary?: ContentValue;
}

export type HttpVerb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ActorType = "PartyRepresentative" | "ServiceOwner";
export interface Actor {
  actorType: ActorType;
  actorName?: string;
  actorId?: string;
}

export interface GuiAction {
  id: string;
  action: string;
  url: string;
  authorizationAttribute?: string;
  isAuthorized?: boolean;
  isDeleteDialogAction: boolean;
  priority: "Primary" | "Secondary" | "Tertiary";
  httpMethod: HttpVerb;
  title: Localization[];
  prompt?: Localization[];
}

interface ApiActionEndpoint {
  id: string;
  version?: string;
  url: string;
  httpMethod: HttpVerb;
  documentationUrl?: string;
  requestSchema?: string;
  responseSchema?: string;
  deprecated: boolean;
  sunsetAt?: string;
}

export interface ApiAction {
  id: string;
  action: string;
  authorizationAttribute?: string;
  isAuthorized?: boolean;
  name?: string;
  endpoints: ApiActionEndpoint[];
}

interface AttachmentUrl {
  id: string;
  url: string;
  mediaType?: string;
  consumerType: "Gui" | "Api";
}
export interface Attachment {
  id: string;
  displayName: Localization[];
  name?: string;
  urls: AttachmentUrl[];
  expiresAt?: string;
}

export interface NavigationalAction {
  title: Localization[];
  url: string;
  expiresAt?: string;
}

export interface Transmission {
  id: string;
  createdAt: string;
  authorizationAttribute?: string;
  isAuthorized?: boolean;
  extendedType?: string;
  externalReference?: string;
  relatedTransmissionId?: string;
  type: "Information" | "Acceptance" | "Rejection" | "Request" | "Alert" | "Decision" | "Submission" | "Correction";
  sender: Actor;
  isOpened: boolean;
  content: { title: ContentValue; summary?: ContentValue; contentReference?: ContentValue };
  attachments: Attachment[];
  navigationalActions: NavigationalAction[];
}

export interface Activity {
  id: string;
  createdAt: string;
  type: string;
  performedBy: Actor;
  description: Localization[];
  transmissionId?: string;
  extendedType?: string;
}

export type DialogStatus = "NotApplicable" | "InProgress" | "Draft" | "Awaiting" | "RequiresAttention" | "Completed";

export interface Dialog {
  id: string;
  revision: string;
  org: string;
  serviceResource: string;
  serviceResourceType: string;
  party: string;
  progress?: number;
  process?: string;
  extendedStatus?: string;
  status: DialogStatus;
  createdAt: string;
  updatedAt: string;
  contentUpdatedAt: string;
  dueAt?: string;
  /** After this instant the end-user API answers 404 (docs/real-systems.md §9). */
  expiresAt?: string;
  /** Stored, never in the end-user DTO: before this instant the end-user API answers 404 with `Expires`. */
  visibleFrom?: string;
  /** Stored, never in the end-user DTO: set by a soft delete; the end-user API then answers 410. */
  deletedAt?: string;
  isApiOnly: boolean;
  hasUnopenedContent: boolean;
  systemLabel: "Default" | "Bin" | "Archive" | "MarkedAsUnopened" | "Sent";
  fromServiceOwnerTransmissionsCount: number;
  fromPartyTransmissionsCount: number;
  content: Content;
  dialogToken?: string;
  attachments: Attachment[];
  transmissions: Transmission[];
  guiActions: GuiAction[];
  apiActions: ApiAction[];
  activities: Activity[];
  seenSinceLastUpdate: unknown[];
  seenSinceLastContentUpdate: unknown[];
  isContentSeen: boolean;
  endUserContext: { revision: string; systemLabels: Array<"Default" | "Bin" | "Archive" | "MarkedAsUnopened" | "Sent"> };
  externalReference?: string;
  precedingProcess?: string;
  /** Service-owner API only (never in the end-user DTO): search tags, idempotency key, the owner's labels. */
  searchTags?: { value: string }[];
  idempotentKey?: string;
  serviceOwnerContext?: { revision: string; serviceOwnerLabels: { value: string }[] };
}

/** One item of the end-user search's answer (`DialogListItem`): the members a client picks a dialog by. */
export interface DialogListItem {
  id: string;
  org: string;
  serviceResource: string;
  party: string;
  status: DialogStatus;
  contentUpdatedAt: string;
  content: { title: ContentValue; summary?: ContentValue };
  endUserContext: { revision: string; systemLabels: Dialog["endUserContext"]["systemLabels"] };
}

export const MEDIA_TYPE = {
  plain: "text/plain",
  markdown: "text/markdown",
  embedMarkdown: "application/vnd.dialogporten.frontchannelembed-url;type=text/markdown",
  /** Legacy HTML (`MediaTypes.LegacyEmbeddableHtml`): for content migrated from Altinn 2, only with the legacy-HTML scope. */
  embedHtml: "application/vnd.dialogporten.frontchannelembed-url;type=text/html",
} as const;

export const UNAUTHORIZED_URL = "urn:dialogporten:unauthorized";
/** What an expired attachment or navigational-action URL becomes (`Constants.ExpiredUri`, docs/real-systems.md §3.2). */
export const EXPIRED_URL = "urn:dialogporten:expired";
