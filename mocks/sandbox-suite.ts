import { afterAll, afterEach, beforeAll } from "vitest";
import type { SandboxConfig } from "@/lib/config";
import { testConfig } from "@/lib/config";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import type { Sandbox, SandboxDeps } from "@/lib/sandbox";
import { createSandbox } from "@/lib/sandbox";
import { startSandboxServer } from "./node";

/**
 * One in-process sandbox per test file: every service built from lib/, every cross-service fetch
 * routed by MSW to the same handlers the app serves, anything unknown an error.
 */
export function sandboxSuite(config: Partial<SandboxConfig> = {}, deps: Partial<SandboxDeps> = {}) {
  const state = {} as { sandbox: Sandbox; server: ReturnType<typeof startSandboxServer> };
  beforeAll(async () => {
    state.sandbox = await createSandbox(testConfig(config), { fetch: (i, init) => fetch(i, init), ...deps });
    state.server = startSandboxServer(state.sandbox);
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
