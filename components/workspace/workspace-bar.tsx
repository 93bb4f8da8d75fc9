"use client";

import { useRef, useState, type ReactNode } from "react";
import { CopyButton } from "../ui/copy-button";
import { renewWorkspace, resetWorkspace } from "./use-workspace";
import { refreshPolicies } from "../world/policy-client";
import { useT } from "../i18n/locale-provider";

/**
 * The workspace, shown discreetly: the link that reopens this very step, and behind a small menu whose
 * changes this page sees, a way back to the seed and a fresh start. One line, so the page's layout does
 * not move. `onChange` lets the page drop a run made in the old state.
 */
export function WorkspaceBar({
  workspace,
  link,
  linkNote,
  onChange,
  dense = false,
}: {
  workspace: string | null;
  link: () => string;
  /** Something the copied link leaves out (the policies, when too big), said after copying. */
  linkNote?: () => ReactNode | null;
  onChange: () => void;
  /** In the sequence page's one-row header: from xl until 1800 px the button says only "Workspace" (the id is in its menu). */
  dense?: boolean;
}) {
  const t = useT();
  const [note, setNote] = useState("");
  const [copiedNote, setCopiedNote] = useState<ReactNode | null>(null);
  const copy = () => {
    setCopiedNote(linkNote?.() ?? null);
    return link();
  };
  const menu = useRef<HTMLDetailsElement>(null);
  const short = workspace ? workspace.replace(/^ws-/, "").slice(0, 8) : "…";

  const done = (text: string) => {
    setNote(text);
    if (menu.current) menu.current.open = false;
    onChange();
  };

  async function reset() {
    if (!workspace) return;
    done(
      (await resetWorkspace(workspace).finally(() => refreshPolicies(workspace)))
        ? t({ en: "Workspace reset to the seed.", nb: "Arbeidsområdet er tilbakestilt til startdataene." })
        : t({ en: "Reset failed.", nb: "Tilbakestillingen feilet." }),
    );
  }

  function renew() {
    renewWorkspace();
    done(t({ en: "New workspace.", nb: "Nytt arbeidsområde." }));
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <CopyButton text={copy} label={t({ en: "Copy link", nb: "Kopier lenke" })} className="px-2 py-0.5" />
      <details ref={menu} className="relative">
        <summary className="btn-secondary cursor-pointer list-none px-2 py-0.5" title={workspace ?? undefined}>
          {t({ en: "Workspace", nb: "Arbeidsområde" })} <code className={`font-mono font-normal ${dense ? "xl:max-[1800px]:hidden" : ""}`}>{short}</code>{" "}
          <span aria-hidden="true">▾</span>
        </summary>
        <div className="panel absolute right-0 z-20 mt-1 flex w-64 flex-col gap-2 p-3 shadow-lg">
          <p className="text-xs text-muted-strong">
            {t({
              en: "Your own copy of the sandbox: what you change here, nobody else sees. It is kept in this browser and forgotten after a while unused.",
              nb: "Din egen kopi av sandkassen: det du endrer her, ser ingen andre. Den lagres i denne nettleseren og glemmes etter en stund uten bruk.",
            })}
          </p>
          {/* The whole id, for a presenter asking "which workspace is yours?": the button shows at most its first eight characters. */}
          <p className="text-xs text-muted-strong">
            {t({ en: "Id", nb: "Id" })}: <code className="break-all font-mono">{workspace ?? "…"}</code>
          </p>
          <button type="button" className="btn-secondary" disabled={!workspace} onClick={() => void reset()}>
            {t({ en: "Reset workspace", nb: "Tilbakestill arbeidsområdet" })}
          </button>
          <button type="button" className="btn-secondary" disabled={!workspace} onClick={renew}>
            {t({ en: "New workspace", nb: "Nytt arbeidsområde" })}
          </button>
        </div>
      </details>
      <span role="status" aria-live="polite" className="sr-only">
        {note}
      </span>
      {/* Fixed at the foot of the screen, so the header keeps its height whatever the note says. */}
      <div role="status" className="fixed inset-x-3 bottom-3 z-30 sm:left-auto sm:w-96">
        {copiedNote && (
          <p className="callout-info flex items-start gap-2 shadow-lg">
            <span className="min-w-0 flex-1">{copiedNote}</span>
            <button type="button" className="link-button" onClick={() => setCopiedNote(null)}>
              {t({ en: "Close", nb: "Lukk" })}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
