"use client";

import { useEffect, useRef } from "react";
import { useT } from "../i18n/locale-provider";
import { KEY_HELP } from "./keys";

/** Tab and Shift+Tab cycle inside the dialog: the page behind it is inert, and focus must not reach the browser's toolbar either. */
function trapTab(e: React.KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== "Tab") return;
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>("button, [href], [tabindex]:not([tabindex='-1'])")];
  const first = all[0];
  const last = all.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * The list of keys, opened with "?" or the Keys button: a modal <dialog>, so the browser makes the page
 * inert, closes it on Esc and puts focus back where it was.
 */
export function KeyHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="key-help-title"
      onClose={onClose}
      onKeyDown={trapTab}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-5 text-fg shadow-xl backdrop:bg-slate-950/60"
    >
      <h2 id="key-help-title" className="text-xl font-bold">
        {t({ en: "Keys", nb: "Taster" })}
      </h2>
      <p className="mt-1 text-sm text-muted-strong">
        {t({
          en: "They work wherever focus is, except in the scenario's fields. Presentation clickers send PageDown and PageUp.",
          nb: "De virker uansett hvor fokus er, unntatt i feltene for scenarioet. Presentasjonsklikkere sender PageDown og PageUp.",
        })}
      </p>
      <table className="data-table mt-3">
        <caption className="sr-only">{t({ en: "Keys and what they do", nb: "Taster og hva de gjør" })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ en: "Key", nb: "Tast" })}</th>
            <th scope="col">{t({ en: "Does", nb: "Gjør" })}</th>
          </tr>
        </thead>
        <tbody>
          {KEY_HELP.map((row) => (
            <tr key={row.keys.join(" ")}>
              <th scope="row" className="whitespace-nowrap">
                {row.keys.map((k) => (
                  <kbd key={k} className="mr-1 inline-block rounded border border-slate-400 px-1.5 font-mono text-sm dark:border-slate-500">
                    {k}
                  </kbd>
                ))}
              </th>
              <td>{t(row.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex justify-end">
        {/* The dialog's only control, so showModal() focuses it and Enter closes. */}
        <button type="button" className="btn-primary" onClick={onClose}>
          {t({ en: "Close", nb: "Lukk" })}
        </button>
      </div>
    </dialog>
  );
}
