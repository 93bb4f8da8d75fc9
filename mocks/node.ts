import { setupServer } from "msw/node";
import type { Sandbox } from "@/lib/sandbox";
import { sandboxHandlers } from "./handlers";

/** A Node MSW server for one sandbox; anything it does not know is an error, never a real request. */
export function startSandboxServer(sandbox: Sandbox) {
  const server = setupServer(...sandboxHandlers(sandbox));
  server.listen({ onUnhandledRequest: "error" });
  return server;
}
