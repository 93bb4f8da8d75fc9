import type { Dialog, DialogStatus } from "../altinn/dialog";
import { SYSTEM_LABELS } from "./service-owner-patch";
import { Errors } from "./service-owner-schema";

/**
 * The end-user search's query string (`GET /api/v1/enduser/dialogs`), read with the real parameter names:
 * repeated parameters are lists, dates need an explicit zone, `limit` is 1–1000 (default 100), `orderBy`
 * defaults to contentUpdatedAt descending and is answered as `field_dir,…,id_dir`; `continuationToken`
 * names the last item's sort values in the same form (docs/real-systems.md §3).
 */
const STATUSES: readonly DialogStatus[] = ["NotApplicable", "InProgress", "Draft", "Awaiting", "RequiresAttention", "Completed"];
const ORDER_FIELDS = { createdat: "createdAt", updatedat: "updatedAt", dueat: "dueAt", contentupdatedat: "contentUpdatedAt" } as const;
type OrderField = (typeof ORDER_FIELDS)[keyof typeof ORDER_FIELDS];
const DATE_RANGES = [
  "createdAfter",
  "createdBefore",
  "updatedAfter",
  "updatedBefore",
  "contentUpdatedAfter",
  "contentUpdatedBefore",
  "dueAfter",
  "dueBefore",
] as const;
const LISTS = ["org", "serviceResource", "party", "extendedStatus", "status", "systemLabel"] as const;
const SINGLES = ["externalReference", "process", "search", "searchLanguageCode", "orderBy", "continuationToken", "limit", "excludeApiOnly", "isContentSeen"];

export interface SearchQuery {
  lists: Partial<Record<(typeof LISTS)[number], string[]>>;
  dates: Partial<Record<(typeof DATE_RANGES)[number], number>>;
  externalReference?: string;
  process?: string;
  search?: string;
  excludeApiOnly?: boolean;
  isContentSeen?: boolean;
  order: { field: OrderField; desc: boolean }[];
  after?: string[];
  limit: number;
}

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function bool(value: string | null, name: string, e: Errors): boolean | undefined {
  if (value === null) return undefined;
  if (value === "true" || value === "false") return value === "true";
  return e.add(name, `The value '${value}' is not valid for ${name}.`);
}

export function readSearchQuery(params: URLSearchParams): { ok: true; query: SearchQuery } | { ok: false; errors: Record<string, string[]> } {
  const e = new Errors();
  for (const key of new Set(params.keys())) {
    if (!(LISTS as readonly string[]).includes(key) && !(DATE_RANGES as readonly string[]).includes(key) && !SINGLES.includes(key))
      e.add(key, `'${key}' is not a parameter of this endpoint.`);
  }
  const lists: SearchQuery["lists"] = {};
  for (const key of LISTS) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length > 20) e.add(key, `At most 20 values for '${key}'.`);
    if (values.length) lists[key] = values;
  }
  for (const s of lists.status ?? []) if (!(STATUSES as readonly string[]).includes(s)) e.add("status", `'${s}' is not a dialog status.`);
  for (const l of lists.systemLabel ?? []) if (!(SYSTEM_LABELS as readonly string[]).includes(l)) e.add("systemLabel", `'${l}' is not a system label.`);
  const dates: SearchQuery["dates"] = {};
  for (const key of DATE_RANGES) {
    const raw = params.get(key);
    if (raw === null) continue;
    if (!ZONED.test(raw) || !Number.isFinite(Date.parse(raw)))
      e.add(key, `'${key}' must be a date-time with an explicit time zone, e.g. 2026-10-27T10:00:00Z.`);
    else dates[key] = Date.parse(raw);
  }
  const search = params.get("search") ?? undefined;
  if (search !== undefined && (search.trim().length < 3 || search.length > 100)) e.add("search", "'search' must be 3 to 100 characters.");
  const limitRaw = params.get("limit");
  const limit = limitRaw === null ? 100 : /^\d{1,4}$/.test(limitRaw) ? Number(limitRaw) : NaN;
  if (!(limit >= 1 && limit <= 1000)) e.add("limit", "'limit' must be between 1 and 1000.");
  const order = readOrder(params.get("orderBy"), e);
  const after = readContinuation(params.get("continuationToken"), order, e);
  const excludeApiOnly = bool(params.get("excludeApiOnly"), "excludeApiOnly", e);
  const isContentSeen = bool(params.get("isContentSeen"), "isContentSeen", e);
  if (!e.ok) return { ok: false, errors: e.map };
  const optional = <K extends string, V>(key: K, value: V | undefined | null) => (value === undefined || value === null ? {} : { [key]: value });
  return {
    ok: true,
    query: {
      lists,
      dates,
      ...optional("externalReference", params.get("externalReference")),
      ...optional("process", params.get("process")),
      ...optional("search", search?.trim().toLowerCase()),
      ...optional("excludeApiOnly", excludeApiOnly),
      ...optional("isContentSeen", isContentSeen),
      order,
      ...optional("after", after),
      limit,
    },
  };
}

function readOrder(raw: string | null, e: Errors): SearchQuery["order"] {
  if (raw === null || raw === "") return [{ field: "contentUpdatedAt", desc: true }];
  const order: SearchQuery["order"] = [];
  for (const part of raw.split(",")) {
    const [name = "", dir = "desc"] = part.trim().toLowerCase().split("_");
    const field = ORDER_FIELDS[name as keyof typeof ORDER_FIELDS];
    if (!field || (dir !== "asc" && dir !== "desc"))
      return e.add("orderBy", `'${part}' is not an order; use createdAt, updatedAt, dueAt or contentUpdatedAt with _asc or _desc.`) ?? [];
    if (!order.some((o) => o.field === field)) order.push({ field, desc: dir === "desc" });
  }
  return order;
}

/** The answer's `orderBy`: the order with the id as the final tie-breaker, in the real API's lower-case form. */
export const orderByText = (order: SearchQuery["order"]) =>
  [...order.map((o) => `${o.field.toLowerCase()}_${o.desc ? "desc" : "asc"}`), `id_${order[0]!.desc ? "desc" : "asc"}`].join(",");

/** The token for the page after `dialog`: each sort field's value, then the id. */
export const continuationOf = (dialog: Dialog, order: SearchQuery["order"]) =>
  [...order.map((o) => `${o.field.toLowerCase()}_${dialog[o.field] ?? "null"}`), `id_${dialog.id}`].join(",");

function readContinuation(raw: string | null, order: SearchQuery["order"], e: Errors): string[] | undefined {
  if (raw === null || raw === "") return undefined;
  const parts = raw.split(",");
  const expected = [...order.map((o) => o.field.toLowerCase()), "id"];
  if (parts.length !== expected.length || parts.some((p, i) => !p.toLowerCase().startsWith(`${expected[i]}_`)))
    return e.add("continuationToken", "The continuationToken does not belong to this orderBy.");
  return parts.map((p) => p.slice(p.indexOf("_") + 1));
}

/** Sort key comparison: each order field in turn (missing values last), then the id in the first field's direction. */
export function compare(a: Dialog, b: Dialog, order: SearchQuery["order"]): number {
  for (const { field, desc } of order) {
    const x = a[field] ?? "";
    const y = b[field] ?? "";
    if (x === y) continue;
    if (x === "" || y === "") return x === "" ? 1 : -1;
    return (x < y ? -1 : 1) * (desc ? -1 : 1);
  }
  return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * (order[0]!.desc ? -1 : 1);
}

/** Whether `dialog` comes after the continuation point. */
export function isAfter(dialog: Dialog, after: string[], order: SearchQuery["order"]): boolean {
  const marker = { ...Object.fromEntries(order.map((o, i) => [o.field, after[i] === "null" ? undefined : after[i]])), id: after.at(-1)! } as unknown as Dialog;
  return compare(dialog, marker, order) > 0;
}
