import { describe, expect, it } from "vitest";
import { clockOf } from "../store/clock";
import { MemoryStore } from "../store/memory";
import { deriveDialogportenKeys, PUBLIC_DEFAULT_SEED } from "../keys/keys";
import { workspaceKeySource } from "../keys/workspace-keys";
import { policies } from "../seed/policies";
import { createWorkspaceApi, WORKSPACES_PATH } from "./workspaces";

const base = await deriveDialogportenKeys(PUBLIC_DEFAULT_SEED);

const setup = () => {
  const store = new MemoryStore();
  const source = workspaceKeySource(store, base, PUBLIC_DEFAULT_SEED);
  const api = createWorkspaceApi(store, policies, { base, source, dialogportenNow: async () => Date.now });
  const call = (method: string, path: string, body?: unknown) =>
    api(
      new Request(`http://sandbox.test${WORKSPACES_PATH}${path}`, {
        method,
        ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
      }),
    );
  return { store, call };
};

describe("the workspace API", () => {
  it("fixes, reports and frees a workspace's clock", async () => {
    const { store, call } = setup();
    const put = await call("PUT", "/room-7/clock", { at: "2026-12-01T11:00:00+01:00" });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ at: "2026-12-01T10:00:00.000Z" });
    expect((await clockOf(store, "room-7", { now: () => 0, fixed: false })).now()).toBe(Date.parse("2026-12-01T10:00:00Z"));
    const got = await (await call("GET", "/room-7")).json();
    expect(got).toMatchObject({ id: "room-7", shared: false, changed: [], clock: { at: "2026-12-01T10:00:00.000Z" } });
    expect((await call("DELETE", "/room-7/clock")).status).toBe(204);
    expect((await clockOf(store, "room-7", { now: () => 42, fixed: false })).now()).toBe(42);
  });

  it("keeps the shared default workspace on the real clock", async () => {
    const { call } = setup();
    const r = await call("PUT", "/default/clock", { at: "2020-01-01T00:00:00Z" });
    expect(r.status).toBe(409);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect((await r.json()).code).toBe("default_workspace_shared");
  });

  it("resets a workspace to the seed", async () => {
    const { store, call } = setup();
    await store.write("room-7", "dialog:x", "{}", null);
    expect((await (await call("GET", "/room-7")).json()).changed).toEqual(["dialog:x"]);
    expect((await call("DELETE", "/room-7")).status).toBe(204);
    expect(await store.read("room-7", "dialog:x")).toBeNull();
  });

  it.each([
    ["PUT", "/room-7/clock", { at: "tomorrow" }, 400, "invalid_clock"],
    ["PUT", "/room-7/clock", { at: 5 }, 400, "invalid_clock"],
    ["GET", "/bad%20id", undefined, 400, "invalid_workspace_id"],
    ["GET", `/${"x".repeat(65)}`, undefined, 400, "invalid_workspace_id"],
    ["POST", "/room-7", undefined, 405, "method_not_allowed"],
  ])("%s %s → %i %s", async (method, path, body, status, code) => {
    const { call } = setup();
    const r = await call(method, path, body);
    expect(r.status).toBe(status);
    expect((await r.json()).code).toBe(code);
  });
});
