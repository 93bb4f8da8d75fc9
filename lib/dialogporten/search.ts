import type { AltinnAction } from "../altinn/actions";
import type { AccessTokenAuthenticator } from "../altinn/access-token";
import type { PdpCallCode } from "../altinn/decision-request";
import type { ContentValue, Dialog } from "../altinn/dialog";
import type { Principal } from "../altinn/principal";
import { json } from "../shared/problem";
import type { Exchange } from "../shared/trace";
import { attachTrace } from "../shared/trace";
import { workspaceOf } from "../shared/workspace";
import { accessRefused, problem } from "./codes";
import { resolveUrls } from "./decorate";
import type { Visibility } from "./list-authorization";
import { visibility } from "./list-authorization";
import type { SearchQuery } from "./search-query";
import { compare, continuationOf, isAfter, orderByText, readSearchQuery } from "./search-query";
import type { DialogStore } from "./store";

/**
 * `GET /api/v1/enduser/dialogs`: the end user's dialog search. Filters as the real query parameters say,
 * then authorizes each remaining dialog as the real search does — a dialog is listed when the user may
 * see it, by main access or by list authorization (list-authorization.ts) — and pages through the
 * result with `continuationToken`. Deleted, not-yet-visible and expired dialogs are never listed.
 */
export interface SearchOptions {
  authenticator: AccessTokenAuthenticator;
  store: DialogStore;
  serviceProviderOrigin: string;
  /** Steps 1–2 for one dialog: the permitted pairs, or a failure (the search then fails closed). */
  authorize: (
    principal: Principal,
    dialog: Dialog,
    exchanges: Exchange[],
    workspace: string,
  ) => Promise<{ ok: true; permitted: AltinnAction[] } | { ok: false; code: PdpCallCode; detail: string }>;
  now: (workspace: string) => Promise<number>;
}

/** Bounded work per request: the sandbox asks the PDP about at most this many dialogs. */
const MAX_CANDIDATES = 200;

const inRange = (value: string | undefined, after?: number, before?: number) =>
  (after === undefined || (value !== undefined && Date.parse(value) >= after)) &&
  (before === undefined || (value !== undefined && Date.parse(value) <= before));

function matches(d: Dialog, q: SearchQuery, now: number): boolean {
  const { lists: l, dates: t } = q;
  const within = (list: string[] | undefined, value: string | undefined) => !list || (value !== undefined && list.includes(value));
  if (d.deletedAt || (d.visibleFrom && Date.parse(d.visibleFrom) > now) || (d.expiresAt && Date.parse(d.expiresAt) <= now)) return false;
  if (!within(l.org, d.org) || !within(l.serviceResource, d.serviceResource) || !within(l.party, d.party)) return false;
  if (!within(l.status, d.status) || !within(l.extendedStatus, d.extendedStatus)) return false;
  if (l.systemLabel && !d.endUserContext.systemLabels.some((x) => l.systemLabel!.includes(x))) return false;
  if (q.externalReference !== undefined && d.externalReference !== q.externalReference) return false;
  if (q.process !== undefined && d.process !== q.process) return false;
  if (q.excludeApiOnly && d.isApiOnly) return false;
  if (q.isContentSeen !== undefined && d.isContentSeen !== q.isContentSeen) return false;
  if (!inRange(d.createdAt, t.createdAfter, t.createdBefore) || !inRange(d.updatedAt, t.updatedAfter, t.updatedBefore)) return false;
  if (!inRange(d.contentUpdatedAt, t.contentUpdatedAfter, t.contentUpdatedBefore) || !inRange(d.dueAt, t.dueAfter, t.dueBefore)) return false;
  if (q.search) {
    const { title, summary, senderName } = d.content;
    const text = [title, summary, senderName].flatMap((c) => c?.value.map((v) => v.value) ?? []);
    const haystack = [...text, ...(d.searchTags ?? []).map((s) => s.value)].join(" ").toLowerCase();
    if (!haystack.includes(q.search)) return false;
  }
  return true;
}

/** `DialogListItem`: the summary the real search answers with; a dialog seen through list authorization shows its non-sensitive texts. */
function listItem(d: Dialog, seen: Visibility & { visible: true }) {
  const c = d.content;
  const strip = (v: ContentValue) => ({ value: v.value, mediaType: v.mediaType });
  const title = seen.via === "list" && c.nonSensitiveTitle ? c.nonSensitiveTitle : c.title;
  const summary = seen.via === "list" && c.nonSensitiveSummary ? c.nonSensitiveSummary : c.summary;
  const latest = d.activities.at(-1);
  return {
    id: d.id,
    org: d.org,
    serviceResource: d.serviceResource,
    serviceResourceType: d.serviceResourceType,
    party: d.party,
    ...(d.progress !== undefined && { progress: d.progress }),
    guiAttachmentCount: d.attachments.filter((a) => a.urls.some((u) => u.consumerType === "Gui")).length,
    ...(d.extendedStatus && { extendedStatus: d.extendedStatus }),
    ...(d.externalReference && { externalReference: d.externalReference }),
    ...(d.process && { process: d.process }),
    ...(d.precedingProcess && { precedingProcess: d.precedingProcess }),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    contentUpdatedAt: d.contentUpdatedAt,
    ...(d.dueAt && { dueAt: d.dueAt }),
    status: d.status,
    systemLabel: d.systemLabel,
    isApiOnly: d.isApiOnly,
    hasUnopenedContent: d.hasUnopenedContent,
    fromServiceOwnerTransmissionsCount: d.fromServiceOwnerTransmissionsCount,
    fromPartyTransmissionsCount: d.fromPartyTransmissionsCount,
    isContentSeen: d.isContentSeen,
    ...(latest && { latestActivity: latest }),
    content: {
      title: strip(title),
      ...(summary && { summary: strip(summary) }),
      ...(c.senderName && { senderName: strip(c.senderName) }),
      ...(c.extendedStatus && { extendedStatus: strip(c.extendedStatus) }),
    },
    seenSinceLastUpdate: d.seenSinceLastUpdate,
    seenSinceLastContentUpdate: d.seenSinceLastContentUpdate,
    endUserContext: d.endUserContext,
  };
}

export async function searchDialogs(request: Request, opts: SearchOptions): Promise<Response> {
  const url = new URL(request.url);
  const instance = url.pathname;
  const exchanges: Exchange[] = [];
  const notes: { query?: string; candidates?: number; listed?: { id: string; via: "main" | "list" }[] } = {};
  const finish = (response: Response) => attachTrace(request, response, { actor: "dialogporten", exchanges, notes });
  const scope = workspaceOf(request);
  if (!scope.ok) return finish(scope.response);
  const auth = await opts.authenticator.authenticate(request.headers.get("authorization"), exchanges);
  if (!auth.ok) return finish(accessRefused(auth, instance));
  const read = readSearchQuery(url.searchParams);
  if (!read.ok) {
    const detail = Object.values(read.errors).flat().join(" ");
    return finish(problem({ status: 400, title: "One or more validation errors occurred.", code: "invalid_search", detail, instance, errors: read.errors }));
  }
  const q = read.query;
  const now = await opts.now(scope.workspace);
  const candidates = (await opts.store.list(scope.workspace))
    .filter((d) => matches(d, q, now))
    .sort((a, b) => compare(a, b, q.order))
    .filter((d) => !q.after || isAfter(d, q.after, q.order))
    .slice(0, MAX_CANDIDATES);
  notes.query = url.search;
  notes.candidates = candidates.length;
  const listed: { dialog: Dialog; seen: Visibility & { visible: true } }[] = [];
  // In sort order, until one more than a page is found: that one only says there is a next page.
  for (const dialog of candidates) {
    if (listed.length > q.limit) break;
    const decided = await opts.authorize(auth.principal, dialog, exchanges, scope.workspace);
    if (!decided.ok)
      return finish(
        // The real search calls the same client: a failed PDP call is an UpstreamServiceException, 502 (docs/real-systems.md §9).
        problem({ status: 502, title: "Bad gateway.", code: decided.code, detail: decided.detail, instance }),
      );
    const seen = visibility(decided.permitted);
    if (seen.visible) listed.push({ dialog, seen });
  }
  const page = listed.slice(0, q.limit);
  const hasNextPage = listed.length > q.limit;
  notes.listed = page.map(({ dialog, seen }) => ({ id: dialog.id, via: seen.via }));
  const items = page.map(({ dialog, seen }) => resolveUrls(listItem(dialog, seen), opts.serviceProviderOrigin, scope.workspace));
  const body = {
    items,
    hasNextPage,
    ...(hasNextPage && { continuationToken: continuationOf(page.at(-1)!.dialog, q.order) }),
    orderBy: orderByText(q.order),
  };
  return finish(json(body, { headers: { "cache-control": "no-store" } }));
}
