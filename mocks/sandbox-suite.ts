import { afterAll, afterEach, beforeAll } from "vitest";
import type { SandboxConfig } from "@/lib/config";
import { testConfig } from "@/lib/config";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import type { Sandbox, SandboxDeps } from "@/lib/sandbox";
import { createSandbox } from "@/lib/sandbox";
import { startSandboxServer } from "./node";
import { validatingHandle } from "./validating";

/**
 * One in-process sandbox per test file: every service built from lib/, every cross-service fetch
 * routed by MSW to the same handlers the app serves, anything unknown an error, and every end-user and
 * service-owner answer checked against the real OpenAPI documents (./validating.ts).
 */
export function sandboxSuite(config: Partial<SandboxConfig> = {}, deps: Partial<SandboxDeps> = {}) {
  const state = {} as { sandbox: Sandbox; server: ReturnType<typeof startSandboxServer> };
  let validated: Sandbox["handle"] = () => Promise.reject(new Error("The sandbox is not built yet."));
  const check = validatingHandle((request) => validated(request));
  beforeAll(async () => {
    state.sandbox = await createSandbox(testConfig(config), { fetch: (i, init) => fetch(i, init), ...deps });
    validated = state.sandbox.handle;
    state.server = startSandboxServer({ ...state.sandbox, handle: check });
  });
  afterEach(() => state.server.resetHandlers());
  afterAll(() => state.server.close());
  return {
    get sandbox() {
      return state.sandbox;
    },
    get server() {
      return state.server;
    },
    /** The end-user system's view: global fetch (through MSW) against the sandbox origin. */
    context(trace = true): EndUserSystemContext {
      return { fetch: (i, init) => fetch(i, init), baseUrl: state.sandbox.config.origin, trace };
    },
  };
}
