import type { XacmlCategory, XacmlRequest } from "../altinn/xacml";

/** One individual decision request: the categories a `RequestReference` (or a single request) combines. */
export interface ResolvedReference {
  /** `ReferenceId` as sent; for a request without `MultiRequests`, the ids (if any) of the categories used. */
  reference: string[];
  subject: XacmlCategory;
  action: XacmlCategory;
  resource: XacmlCategory;
}

export const REFERENCE_ERROR_CODES = [
  "missing_category",
  "duplicate_category_id",
  "empty_multi_requests",
  "too_many_references",
  "unknown_reference_id",
  "ambiguous_reference",
  "incomplete_reference",
] as const;
export type ReferenceErrorCode = (typeof REFERENCE_ERROR_CODES)[number];

type Resolution = { ok: true; references: ResolvedReference[] } | { ok: false; code: ReferenceErrorCode; detail: string; path: string };

/** Caps the work one request can ask for; Dialogporten sends one reference per (action, attribute) of a dialog. */
export const MAX_REFERENCES = 1000;

type Kind = "subject" | "action" | "resource";

const KINDS: { kind: Kind; key: "AccessSubject" | "Action" | "Resource" }[] = [
  { kind: "subject", key: "AccessSubject" },
  { kind: "action", key: "Action" },
  { kind: "resource", key: "Resource" },
];

const MULTI = "$.Request.MultiRequests.RequestReference";

/**
 * Turns a request into its individual decision requests, in request order. Shared by the parser
 * (which rejects the request on any problem) and by `decide` (which must not trust its caller).
 */
export function resolveReferences(request: XacmlRequest): Resolution {
  for (const { key } of KINDS) {
    if (request[key].length === 0) {
      return { ok: false, code: "missing_category", detail: `The request has no ${key} category.`, path: `$.Request.${key}` };
    }
  }
  const multi = request.MultiRequests;
  if (!multi) return { ok: true, references: [single(request)] };

  const byId = new Map<string, { kind: Kind; category: XacmlCategory }>();
  for (const { kind, key } of KINDS) {
    for (const [i, category] of request[key].entries()) {
      if (category.Id === undefined) continue;
      if (byId.has(category.Id)) {
        return { ok: false, code: "duplicate_category_id", detail: `Category id "${category.Id}" is used more than once.`, path: `$.Request.${key}[${i}].Id` };
      }
      byId.set(category.Id, { kind, category });
    }
  }

  const refs = multi.RequestReference;
  if (refs.length === 0) return { ok: false, code: "empty_multi_requests", detail: "MultiRequests has no RequestReference.", path: MULTI };
  if (refs.length > MAX_REFERENCES) {
    return { ok: false, code: "too_many_references", detail: `At most ${MAX_REFERENCES} request references are allowed; got ${refs.length}.`, path: MULTI };
  }

  const references: ResolvedReference[] = [];
  for (const [i, ref] of refs.entries()) {
    const found: Partial<Record<Kind, XacmlCategory>> = {};
    for (const [j, id] of ref.ReferenceId.entries()) {
      const hit = byId.get(id);
      const path = `${MULTI}[${i}].ReferenceId[${j}]`;
      if (!hit) return { ok: false, code: "unknown_reference_id", detail: `ReferenceId "${id}" names no category in the request.`, path };
      const already = found[hit.kind];
      if (already && already !== hit.category) {
        return { ok: false, code: "ambiguous_reference", detail: `Request reference ${i} names more than one ${hit.kind} category.`, path };
      }
      found[hit.kind] = hit.category;
    }
    const { subject, action, resource } = found;
    if (!subject || !action || !resource) {
      const missing = KINDS.filter(({ kind }) => !found[kind])
        .map(({ key }) => key)
        .join(", ");
      return { ok: false, code: "incomplete_reference", detail: `Request reference ${i} names no ${missing} category.`, path: `${MULTI}[${i}].ReferenceId` };
    }
    references.push({ reference: [...ref.ReferenceId], subject, action, resource });
  }
  return { ok: true, references };
}

/** Without MultiRequests the XACML JSON profile treats the request as one decision over the first of each category. */
function single(request: XacmlRequest): ResolvedReference {
  // Checked non-empty by the caller.
  const subject = request.AccessSubject[0]!;
  const action = request.Action[0]!;
  const resource = request.Resource[0]!;
  const reference = [subject.Id, resource.Id, action.Id].filter((id): id is string => id !== undefined);
  return { reference, subject, action, resource };
}
