"use client";

import { useT } from "../i18n/locale-provider";
import { useNow } from "../ui/hooks";
import { setLinkClock } from "../workspace/link-clock";
import { linkHere } from "../workspace/page-link";
import { renewWorkspace, useWorkspace } from "../workspace/use-workspace";
import { WorkspaceBar } from "../workspace/workspace-bar";
import { CachePanel } from "./cache-panel";
import { ClockPanel } from "./clock-panel";
import { KeyTimeline } from "./key-timeline";
import { SkewPanel } from "./skew-panel";
import { useWorld, type WorldProblem } from "./use-world";
import { WorldNav } from "./world-nav";

/** A refusal in the server's own words (RFC 9457 code and detail), and the way out of the shared default workspace. */
function Problem({ problem }: { problem: WorldProblem }) {
  const t = useT();
  return (
    <div role="alert" className="callout-error space-y-1">
      <p>
        {t(problem.what)}: {t({ en: "refused", nb: "avvist" })} ({problem.status || "—"}, <code className="font-mono font-semibold">{problem.code}</code>)
        {problem.detail && <span lang="en">: {problem.detail}</span>}
      </p>
      {problem.code === "default_workspace_shared" && (
        <p>
          {t({
            en: "This is the shared default workspace: its clock and keys stay as they are for everyone.",
            nb: "Dette er det delte standardarbeidsområdet: klokka og nøklene er de samme for alle.",
          })}{" "}
          <button type="button" className="link-button text-sm" onClick={() => renewWorkspace()}>
            {t({ en: "Start a workspace of your own", nb: "Start et eget arbeidsområde" })}
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * /workspace: this participant's time and keys. The clock (jump, skew, freeze), Dialogporten's key ring with what
 * the provider would make of each key's tokens, and the provider's key cache — all read from the services and
 * changed through the sandbox's workspace API, so the next run on the sequence page meets exactly this.
 */
export function WorldPage() {
  const t = useT();
  const workspace = useWorkspace();
  const controls = useWorld(workspace);
  const now = useNow();
  const { world } = controls;
  const link = () => linkHere(world ? setLinkClock(new URLSearchParams(), world.clock).toString() : "");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <WorldNav current="/workspace" />
        <WorkspaceBar workspace={workspace} link={link} onChange={() => void controls.refresh()} />
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted-strong">
        {controls.note ? t(controls.note) : controls.busy ? t({ en: "Working…", nb: "Arbeider …" }) : ""}
      </p>
      {controls.problem && <Problem problem={controls.problem} />}
      {world && now !== 0 ? (
        <>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <ClockPanel world={world} now={now} controls={controls} />
            <SkewPanel world={world} controls={controls} />
          </div>
          <KeyTimeline world={world} now={now} controls={controls} />
          <CachePanel world={world} now={now} controls={controls} />
        </>
      ) : (
        !controls.problem && <p className="panel p-3 text-muted-strong">{t({ en: "Reading your workspace…", nb: "Leser arbeidsområdet ditt …" })}</p>
      )}
    </div>
  );
}
