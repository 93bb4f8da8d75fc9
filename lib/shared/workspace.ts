/**
 * Workspaces: each participant's own copy of whatever they can change (docs/design.md, principle 10).
 * A request names its workspace in a header; services pass it on to each other on server-to-server
 * calls. Without the header a request uses the shared `default` workspace, so plain curl keeps working.
 */

export const WORKSPACE_HEADER = "sandbox-workspace";
export const DEFAULT_WORKSPACE = "default";

const WORKSPACE_ID = /^[A-Za-z0-9-]{1,64}$/;

export const isWorkspaceId = (value: string): boolean => WORKSPACE_ID.test(value);

export type WorkspaceResult = { ok: true; workspace: string } | { ok: false; detail: string };

/** The workspace a request names, `default` when it names none; anything malformed is refused, never guessed at. */
export function workspaceOf(request: Request): WorkspaceResult {
  const raw = request.headers.get(WORKSPACE_HEADER);
  if (raw === null) return { ok: true, workspace: DEFAULT_WORKSPACE };
  if (isWorkspaceId(raw)) return { ok: true, workspace: raw };
  return { ok: false, detail: `The ${WORKSPACE_HEADER} header must be 1–64 characters of A–Z, a–z, 0–9 and "-".` };
}

/** Headers for a server-to-server call made on behalf of `workspace` (nothing for `default`, as a real client sends). */
export function workspaceHeaders(workspace: string | undefined): Record<string, string> {
  return workspace === undefined || workspace === DEFAULT_WORKSPACE ? {} : { [WORKSPACE_HEADER]: workspace };
}
