import type { Clock } from "../shared/types";
import type { WorkspaceStore } from "./store";

/** Where a workspace keeps its fixed clock, when it has one. */
export const CLOCK_KEY = "clock";

export interface WorkspaceClock {
  /** A frozen instant (ISO 8601): every service of the workspace reads this time. */
  at: string;
}

export async function readWorkspaceClock(store: WorkspaceStore, workspace: string): Promise<WorkspaceClock | null> {
  const raw = await store.read(workspace, CLOCK_KEY);
  if (raw === null) return null;
  // "null" is a clock that was freed (the store compares and sets, it never deletes single keys).
  const parsed = JSON.parse(raw) as WorkspaceClock | null;
  return parsed && Number.isFinite(Date.parse(parsed.at)) ? parsed : null;
}

/** A service's clock for one request, and whether it stands still (then tokens are derived, not random). */
export interface WorkspaceClockOf {
  now: Clock;
  fixed: boolean;
}

/**
 * The clock a service uses for one request: the workspace's fixed instant, else the deployment's
 * (`SANDBOX_FIXED_CLOCK` or the real one). A fixed clock is what makes a link's tokens byte-identical.
 */
export async function clockOf(store: WorkspaceStore, workspace: string, fallback: WorkspaceClockOf): Promise<WorkspaceClockOf> {
  const fixed = await readWorkspaceClock(store, workspace);
  if (!fixed) return fallback;
  const at = Date.parse(fixed.at);
  return { now: () => at, fixed: true };
}
