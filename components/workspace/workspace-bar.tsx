"use client";

import { useRef, useState } from "react";
import { CopyButton } from "../ui/copy-button";
import { renewWorkspace, resetWorkspace } from "./use-workspace";
import { useT } from "../i18n/locale-provider";

/**
 * The workspace, shown discreetly: the link that reopens this very step, and behind a small menu whose
 * changes this page sees, a way back to the seed and a fresh start. One line, so the page's layout does
 * not move. `onChange` lets the page drop a run made in the old state.
 */
export function WorkspaceBar({
  workspace,
  link,
  onChange,
  dense = false,
}: {
  workspace: string | null;
  link: () => string;
  onChange: () => void;
  /** In the sequence page's one-row header: the word "Workspace" only for screen readers from xl until 1800 px. */
  dense?: boolean;
}) {
  const t = useT();
  const [note, setNote] = useState("");
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
      (await resetWorkspace(workspace))
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
      <CopyButton text={link} label={t({ en: "Copy link", nb: "Kopier lenke" })} className="px-2 py-0.5" />
      <details ref={menu} className="relative">
        <summary className="btn-secondary cursor-pointer list-none px-2 py-0.5" title={workspace ?? undefined}>
          <span className={dense ? "xl:max-[1800px]:sr-only" : ""}>{t({ en: "Workspace", nb: "Arbeidsområde" })}</span>{" "}
          <code className="font-mono font-normal">{short}</code> <span aria-hidden="true">▾</span>
        </summary>
        <div className="panel absolute right-0 z-20 mt-1 flex w-64 flex-col gap-2 p-3 shadow-lg">
          <p className="text-xs text-muted-strong">
            {t({
              en: "Your own copy of the sandbox: what you change here, nobody else sees. It is kept in this browser and forgotten after a while unused.",
              nb: "Din egen kopi av sandkassen: det du endrer her, ser ingen andre. Den lagres i denne nettleseren og glemmes etter en stund uten bruk.",
            })}
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
    </div>
  );
}
