"use client";

import { useId } from "react";
import { useT } from "../i18n/locale-provider";
import type { Json } from "./model";
import { fieldText } from "./model";
import type { Problem } from "./use-workbench";

function Fields({
  legend,
  values,
  edits,
  onEdit,
}: {
  legend: string;
  values: Json;
  edits: Readonly<Record<string, string>>;
  onEdit: (edits: Record<string, string>) => void;
}) {
  const t = useT();
  const base = useId();
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className="section-label">{legend}</legend>
      {Object.entries(values).map(([name, value]) => {
        const id = `${base}-${name}`;
        const text = edits[name] ?? fieldText(value);
        const changed = text !== fieldText(value);
        return (
          <div key={name} className="grid grid-cols-[4.5rem_minmax(0,1fr)] items-center gap-x-2">
            <label htmlFor={id} className="font-mono font-semibold break-all">
              {name}
            </label>
            <input
              id={id}
              className={`field w-full min-w-0 font-mono text-[0.8125rem] ${changed ? "ring-2 ring-amber-500" : ""}`}
              value={text}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={changed ? `${id}-changed` : undefined}
              onChange={(e) => onEdit({ ...edits, [name]: e.target.value })}
            />
            {changed && (
              <span id={`${id}-changed`} className="col-start-2 text-xs text-muted-strong">
                {t({ en: "Edited; was {old}", nb: "Endret; var {old}" }, { old: fieldText(value) })}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * Edit any header member or claim, then choose: the sandbox re-signs it on the server (the browser never holds
 * a key), or it goes to the checks with its old, now broken, signature.
 */
export function ClaimEditor({
  header,
  claims,
  headerEdits,
  claimEdits,
  onHeader,
  onClaims,
  onResign,
  onKeep,
  onUndo,
  busy,
  problem,
}: {
  header: Json;
  claims: Json;
  headerEdits: Readonly<Record<string, string>>;
  claimEdits: Readonly<Record<string, string>>;
  onHeader: (e: Record<string, string>) => void;
  onClaims: (e: Record<string, string>) => void;
  onResign: () => void;
  onKeep: () => void;
  onUndo: () => void;
  busy: boolean;
  problem: Problem | null;
}) {
  const t = useT();
  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Fields legend={t({ en: "Header", nb: "Header" })} values={header} edits={headerEdits} onEdit={onHeader} />
        <Fields legend={t({ en: "Claims", nb: "Claims" })} values={claims} edits={claimEdits} onEdit={onClaims} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" disabled={busy} onClick={onResign}>
          {t({ en: "Re-sign with the sandbox's key", nb: "Signer på nytt med sandkassens nøkkel" })}
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={onKeep}>
          {t({ en: "Keep the old signature", nb: "Behold den gamle signaturen" })}
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={onUndo}>
          {t({ en: "Undo edits", nb: "Angre endringene" })}
        </button>
      </div>
      <p className="text-sm text-muted-strong">
        {t({
          en: "Re-signing happens on the sandbox's server, with its Dialogporten key; it refuses anything Dialogporten would never sign (another alg, a jku, a missing claim). Keeping the old signature shows what a provider sees when someone edits a token in transit.",
          nb: "Ny signering skjer på sandkassens server, med dens Dialogporten-nøkkel; den nekter alt Dialogporten aldri ville signert (en annen alg, en jku, et manglende claim). Å beholde den gamle signaturen viser hva en tjenestetilbyder ser når noen endrer et token underveis.",
        })}
      </p>
      {problem && (
        <p role="alert" className="callout-error">
          {t({ en: "The sandbox refused to re-sign it", nb: "Sandkassen nektet å signere det på nytt" })} ({problem.status || "—"}
          {problem.code && (
            <>
              , <code className="font-mono font-semibold">{problem.code}</code>
            </>
          )}
          ){problem.detail && <span lang="en">: {problem.detail}</span>}
        </p>
      )}
    </div>
  );
}
