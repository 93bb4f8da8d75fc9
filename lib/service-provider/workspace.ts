import { DEFAULT_WORKSPACE, WORKSPACE_HEADER, workspaceInPath, workspaceOf } from "../shared/workspace";
import type { Handler } from "../shared/types";

/** Set by inWorkspace on every request it lets through: the header is valid or absent. */
export function workspaceFrom(request: Request): string {
  return request.headers.get(WORKSPACE_HEADER) ?? DEFAULT_WORKSPACE;
}

/**
 * The workspace comes in the provider's own URL (`/service-provider/ws/<id>/…`, how Dialogporten writes a
 * workspace's dialogs) or in the header: either way the routes see the plain path and a checked header.
 */
export function inWorkspace(handler: Handler): Handler {
  return async (request) => {
    const url = new URL(request.url);
    const inPath = workspaceInPath(url.pathname);
    if (!inPath) {
      const scope = workspaceOf(request);
      return scope.ok ? handler(request) : scope.response;
    }
    const headers = new Headers(request.headers);
    headers.set(WORKSPACE_HEADER, inPath.workspace);
    url.pathname = inPath.pathname;
    const rewritten = new Request(url, {
      method: request.method,
      headers,
      body: request.body,
      signal: request.signal,
      ...(request.body && { duplex: "half" }),
    } as RequestInit);
    const scope = workspaceOf(rewritten);
    return scope.ok ? handler(rewritten) : scope.response;
  };
}
