/**
 * RFC 6902 JSON Patch over a plain JSON document: add, remove, replace, move, copy and test, with RFC 6901
 * pointers. Applies to a copy, all or nothing. The service-owner API patches the dialog's update document
 * with it, as the real `PatchDialogsController` applies a patch to `UpdateDialogDto` and then validates.
 */
export type PatchOp = { op: "add" | "remove" | "replace" | "move" | "copy" | "test"; path: string; from?: string; value?: unknown };
export type PatchFailure = { ok: false; index: number; kind: "malformed" | "path" | "test"; message: string };

const OPS = ["add", "remove", "replace", "move", "copy", "test"] as const;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Checks the operations' shape (members, op names, pointers); says which operation is wrong. */
export function readPatch(body: unknown, maxOps: number): { ok: true; ops: PatchOp[] } | PatchFailure {
  if (!Array.isArray(body)) return { ok: false, index: -1, kind: "malformed", message: "A JSON Patch document is an array of operations (RFC 6902)." };
  if (body.length === 0 || body.length > maxOps) return { ok: false, index: -1, kind: "malformed", message: `Send 1 to ${maxOps} operations.` };
  const ops: PatchOp[] = [];
  for (const [index, raw] of body.entries()) {
    const fail = (message: string): PatchFailure => ({ ok: false, index, kind: "malformed", message });
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return fail("Each operation is an object.");
    const o = raw as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => !["op", "path", "from", "value"].includes(k));
    if (extra.length) return fail(`Unknown member(s): ${extra.join(", ")}.`);
    if (!(OPS as readonly unknown[]).includes(o.op)) return fail(`op is one of ${OPS.join(", ")}.`);
    const op = o.op as PatchOp["op"];
    if (typeof o.path !== "string" || !isPointer(o.path)) return fail("path is a JSON Pointer (RFC 6901).");
    if ((op === "move" || op === "copy") && (typeof o.from !== "string" || !isPointer(o.from))) return fail(`A ${op} operation needs a from pointer.`);
    if ((op === "add" || op === "replace" || op === "test") && !("value" in o)) return fail(`A ${op} operation needs a value.`);
    ops.push({ op, path: o.path, ...(typeof o.from === "string" && { from: o.from }), ...("value" in o && { value: o.value }) });
  }
  return { ok: true, ops };
}

const isPointer = (p: string) => p === "" || (p.startsWith("/") && !/~[^01]|~$/.test(p));
const tokens = (p: string) =>
  p === ""
    ? []
    : p
        .slice(1)
        .split("/")
        .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));

function parentOf(doc: Json, path: string): { parent: Json; key: string } | undefined {
  const parts = tokens(path);
  const key = parts.pop();
  if (key === undefined) return undefined;
  let node: Json = doc;
  for (const part of parts) {
    const next = child(node, part);
    if (next === undefined) return undefined;
    node = next;
  }
  return { parent: node, key };
}

function child(node: Json, key: string): Json | undefined {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(key) ? node[Number(key)] : undefined;
  if (node && typeof node === "object") return Object.hasOwn(node, key) ? node[key] : undefined;
  return undefined;
}

const get = (doc: Json, path: string): Json | undefined => tokens(path).reduce<Json | undefined>((n, k) => (n === undefined ? undefined : child(n, k)), doc);

function add(doc: Json, path: string, value: Json): boolean {
  const at = parentOf(doc, path);
  if (!at) return false;
  const { parent, key } = at;
  if (Array.isArray(parent)) {
    if (key === "-") return parent.push(value) > 0;
    if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) > parent.length) return false;
    parent.splice(Number(key), 0, value);
    return true;
  }
  if (!parent || typeof parent !== "object") return false;
  parent[key] = value;
  return true;
}

function remove(doc: Json, path: string): boolean {
  const at = parentOf(doc, path);
  if (!at || child(at.parent, at.key) === undefined) return false;
  if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
  else delete (at.parent as Record<string, Json>)[at.key];
  return true;
}

/** Deep equality of two JSON values (object member order does not matter). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function applyJsonPatch<T>(source: T, ops: PatchOp[]): { ok: true; value: T } | PatchFailure {
  let doc = structuredClone(source) as Json;
  for (const [index, o] of ops.entries()) {
    const fail = (kind: PatchFailure["kind"], message: string): PatchFailure => ({ ok: false, index, kind, message });
    const value = structuredClone(o.value) as Json;
    if (o.path === "" && (o.op === "replace" || o.op === "add")) {
      doc = value;
      continue;
    }
    switch (o.op) {
      case "test":
        if (!equal(get(doc, o.path), o.value)) return fail("test", `${o.path} is ${JSON.stringify(get(doc, o.path) ?? null)}, not ${JSON.stringify(o.value)}.`);
        break;
      case "add":
        if (!add(doc, o.path, value)) return fail("path", `The target location ${o.path} was not found.`);
        break;
      case "remove":
        if (!remove(doc, o.path)) return fail("path", `The target location ${o.path} was not found.`);
        break;
      case "replace":
        if (get(doc, o.path) === undefined || !remove(doc, o.path) || !add(doc, o.path, value))
          return fail("path", `The target location ${o.path} was not found.`);
        break;
      case "move":
      case "copy": {
        const from = get(doc, o.from!);
        if (from === undefined) return fail("path", `The location ${o.from} was not found.`);
        if (o.op === "move" && (o.path === o.from || o.path.startsWith(`${o.from}/`))) return fail("path", "A value cannot be moved into itself.");
        if (o.op === "move") remove(doc, o.from!);
        if (!add(doc, o.path, structuredClone(from))) return fail("path", `The target location ${o.path} was not found.`);
        break;
      }
    }
  }
  return { ok: true, value: doc as T };
}
