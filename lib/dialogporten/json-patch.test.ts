import { describe, expect, it } from "vitest";
import { applyJsonPatch, equal, readPatch } from "./json-patch";

const apply = (doc: unknown, ops: unknown) => {
  const read = readPatch(ops, 20);
  if (!read.ok) return read;
  return applyJsonPatch(doc, read.ops);
};

describe("RFC 6902 JSON Patch", () => {
  it("applies the RFC's operations to a copy, in order", () => {
    const doc = { a: { "b/c": 1, "d~e": [1, 2] }, f: null };
    const r = apply(doc, [
      { op: "add", path: "/a/d~0e/1", value: 9 },
      { op: "replace", path: "/a/b~1c", value: 2 },
      { op: "copy", from: "/a/b~1c", path: "/g" },
      { op: "move", from: "/g", path: "/h" },
      { op: "remove", path: "/a/d~0e/0" },
      { op: "test", path: "/f", value: null },
      { op: "add", path: "/a/d~0e/-", value: 3 },
    ]);
    expect(r).toEqual({ ok: true, value: { a: { "b/c": 2, "d~e": [9, 2, 3] }, f: null, h: 2 } });
    expect(doc).toEqual({ a: { "b/c": 1, "d~e": [1, 2] }, f: null });
  });

  it("is all or nothing, and says which operation failed and why", () => {
    expect(
      apply({ a: 1 }, [
        { op: "replace", path: "/a", value: 2 },
        { op: "test", path: "/a", value: 1 },
      ]),
    ).toMatchObject({ ok: false, index: 1, kind: "test" });
    expect(apply({ a: [] }, [{ op: "add", path: "/a/5", value: 1 }])).toMatchObject({ ok: false, index: 0, kind: "path" });
    expect(apply({ a: {} }, [{ op: "move", from: "/a", path: "/a/b" }])).toMatchObject({ ok: false, kind: "path" });
    expect(apply({}, [{ op: "replace", path: "/missing", value: 1 }])).toMatchObject({ ok: false, kind: "path" });
    for (const bad of [
      {},
      [],
      [{ op: "bogus", path: "/a" }],
      [{ op: "add", path: "a", value: 1 }],
      [{ op: "add", path: "/a" }],
      [{ op: "copy", path: "/a" }],
      [{ op: "add", path: "/a", value: 1, extra: 1 }],
      [{ op: "add", path: "/~2", value: 1 }],
    ])
      expect(apply({}, bad)).toMatchObject({ ok: false, kind: "malformed" });
    expect(readPatch(Array(21).fill({ op: "test", path: "", value: 1 }), 20)).toMatchObject({ ok: false, kind: "malformed" });
  });

  it("compares JSON values deeply, member order aside", () => {
    expect(equal({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true);
    expect(equal([1, 2], [2, 1])).toBe(false);
    expect(equal({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});
