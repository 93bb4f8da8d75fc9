/**
 * Workspaces: each participant's own copy of whatever they can change (docs/design.md, principle 10).
 * A request names its workspace in a header; services pass it on to each other on server-to-server
 * calls. Without the header a request uses the shared `default` workspace, so plain curl keeps working.
 */

import { problem } from "./problem";

export const WORKSPACE_HEADER = "sandbox-workspace";
export const DEFAULT_WORKSPACE = "default";

const WORKSPACE_ID = /^[A-Za-z0-9-]{1,64}$/;

export const isWorkspaceId = (value: string): boolean => WORKSPACE_ID.test(value);

export type WorkspaceResult = { ok: true; workspace: string } | { ok: false; response: Response };

/** The workspace a request names, `default` when it names none; anything malformed is a 400, never guessed at. */
export function workspaceOf(request: Request): WorkspaceResult {
  const raw = request.headers.get(WORKSPACE_HEADER);
  if (raw === null) return { ok: true, workspace: DEFAULT_WORKSPACE };
  if (isWorkspaceId(raw)) return { ok: true, workspace: raw };
  const detail = `The ${WORKSPACE_HEADER} header must be 1–64 characters of A–Z, a–z, 0–9 and "-".`;
  return { ok: false, response: problem({ status: 400, title: "Bad Request", code: "invalid_workspace", detail, instance: new URL(request.url).pathname }) };
}

/** Headers for a server-to-server call made on behalf of `workspace` (nothing for `default`, as a real client sends). */
export function workspaceHeaders(workspace: string | undefined): Record<string, string> {
  return workspace === undefined || workspace === DEFAULT_WORKSPACE ? {} : { [WORKSPACE_HEADER]: workspace };
}

/**
 * The browser calls the service provider cross-origin exactly as the real portal does, so the workspace
 * cannot ride in an extra header there (it would change the CORS preflight). Instead the provider's own
 * URLs in a workspace's dialogs carry it: `/service-provider/ws/<id>/…` (ADR 016).
 */
const PROVIDER_PREFIX = "/service-provider";
const IN_PATH = new RegExp(`^${PROVIDER_PREFIX}/ws/([^/]*)(/.*)?$`);

/** The provider URL prefix of a workspace, as Dialogporten writes it into that workspace's dialogs. */
export function providerPrefixOf(workspace: string): string {
  return workspace === DEFAULT_WORKSPACE ? PROVIDER_PREFIX : `${PROVIDER_PREFIX}/ws/${workspace}`;
}

/** `/service-provider/ws/<id>/rest` → the workspace and `/service-provider/rest`; null when the path names none. */
export function workspaceInPath(pathname: string): { workspace: string; pathname: string } | null {
  const m = IN_PATH.exec(pathname);
  return m ? { workspace: m[1]!, pathname: `${PROVIDER_PREFIX}${m[2] ?? ""}` } : null;
}
