"use client";

import { useState } from "react";
import { CopyButton } from "../ui/copy-button";
import { renewWorkspace, resetWorkspace } from "./use-workspace";

/**
 * The workspace, shown discreetly: whose changes this page sees, a way back to the seed, a fresh start,
 * and the link that reopens this very step. `onChange` lets the page drop a run made in the old state.
 */
export function WorkspaceBar({ workspace, link, onChange }: { workspace: string | null; link: () => string; onChange: () => void }) {
  const [note, setNote] = useState("");
  const short = workspace ? workspace.replace(/^ws-/, "").slice(0, 8) : "…";

  async function reset() {
    if (!workspace) return;
    const ok = await resetWorkspace(workspace);
    setNote(ok ? "Workspace reset to the seed." : "Reset failed.");
    onChange();
  }

  function renew() {
    renewWorkspace();
    setNote("New workspace.");
    onChange();
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-x-2 gap-y-1 text-sm">
      <span className="text-muted-strong" title={workspace ?? undefined}>
        Workspace <code className="font-mono">{short}</code>
      </span>
      <button type="button" className="btn-secondary px-2 py-0.5" disabled={!workspace} onClick={() => void reset()}>
        Reset workspace
      </button>
      <button type="button" className="btn-secondary px-2 py-0.5" disabled={!workspace} onClick={renew}>
        New workspace
      </button>
      <CopyButton text={link} label="Copy link" className="px-2 py-0.5" />
      <span role="status" aria-live="polite" className="sr-only">
        {note}
      </span>
    </div>
  );
}
