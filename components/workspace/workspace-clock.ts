import type { WorkspaceClock } from "@/lib/store/clock";
import { carriesClock, clockPart, fromWorkspaceClock, toWorkspaceClock, type LinkClock } from "./link-clock";
import { jsonBody, sandboxCall, type ApiResult } from "./sandbox-call";

const workspaceUrl = (id: string) => `/sandbox/api/v1/workspaces/${encodeURIComponent(id)}`;

/** The workspace's clock as the server keeps it, in a link's words (`{}` is the real clock). */
export async function fetchWorkspaceClock(id: string): Promise<ApiResult<LinkClock>> {
  const got = await sandboxCall<{ clock: WorkspaceClock | null }>(workspaceUrl(id));
  return got.ok ? { ok: true, value: fromWorkspaceClock(got.value.clock) } : got;
}

/** Sets exactly `clock` (replacing every earlier setting), or the real clock when it names none. */
export async function putWorkspaceClock(id: string, clock: LinkClock): Promise<ApiResult<LinkClock>> {
  if (!carriesClock(clock)) {
    const freed = await sandboxCall<null>(`${workspaceUrl(id)}/clock`, { method: "DELETE" });
    return freed.ok ? { ok: true, value: {} } : freed;
  }
  const put = await sandboxCall<WorkspaceClock>(`${workspaceUrl(id)}/clock`, jsonBody("PUT", toWorkspaceClock(clock)));
  return put.ok ? { ok: true, value: fromWorkspaceClock(put.value) } : put;
}

/**
 * What opening a link does to the clock: a link that carries one sets exactly that clock; a link without one
 * leaves the workspace's clock alone (an offset or skew set on /workspace survives opening a plain link).
 * Answers the clock the workspace then has, so the page can show it and put it in its own link.
 */
export async function applyLinkClock(id: string, link: LinkClock): Promise<LinkClock> {
  const carried = clockPart(link);
  if (carriesClock(carried)) {
    const set = await putWorkspaceClock(id, carried);
    if (set.ok) return set.value;
  }
  const now = await fetchWorkspaceClock(id);
  return now.ok ? now.value : carried;
}
