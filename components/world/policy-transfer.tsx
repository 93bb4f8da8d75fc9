"use client";

import { useId, useState } from "react";
import type { PolicyDocument } from "@/lib/altinn/policy-document";
import { useT } from "../i18n/locale-provider";
import { CopyButton } from "../ui/copy-button";
import type { PolicyChange } from "./policy-client";

/** A document as a file: pretty JSON, what `curl …/policies > policies.json` gives too. */
const asJson = (document: PolicyDocument) => `${JSON.stringify(document, null, 2)}\n`;

function download(document: PolicyDocument, workspace: string) {
  const url = URL.createObjectURL(new Blob([asJson(document)], { type: "application/json" }));
  const a = window.document.createElement("a");
  a.href = url;
  a.download = `policies-${workspace.replace(/^ws-/, "").slice(0, 8)}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Export (a file or the clipboard) and import (a file or pasted JSON). Import sends the text to the
 * workspace API as it is: the server is the one that validates a document, and its `errors` say where.
 */
export function PolicyTransfer({
  document,
  workspace,
  dirty,
  onImport,
}: {
  document: PolicyDocument;
  workspace: string;
  dirty: boolean;
  onImport: (document: unknown) => Promise<PolicyChange>;
}) {
  const t = useT();
  const ids = useId();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  const [problem, setProblem] = useState<{ lead: string; errors?: [string, string[]][] } | null>(null);
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  async function importText() {
    setDone("");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setProblem({ lead: t({ en: "This is not JSON: {why}", nb: "Dette er ikke JSON: {why}" }, { why: (e as Error).message }) });
      return;
    }
    setBusy(true);
    const result = await onImport(parsed).finally(() => setBusy(false));
    if (result.ok) {
      setProblem(null);
      setText("");
      setFileName("");
      setDone(t({ en: "Imported: your workspace now uses these policies.", nb: "Importert: arbeidsområdet ditt bruker nå disse reglene." }));
      return;
    }
    const lead = result.errors
      ? t({ en: "The server refused the document (400 {code}):", nb: "Serveren avviste dokumentet (400 {code}):" }, { code: result.code ?? "" })
      : t(
          { en: "The server refused the document ({status} {code}): {detail}", nb: "Serveren avviste dokumentet ({status} {code}): {detail}" },
          {
            status: result.status,
            code: result.code ?? "",
            detail: result.detail ?? "",
          },
        );
    setProblem({ lead, errors: result.errors && Object.entries(result.errors) });
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="panel min-w-0 space-y-3 p-3">
      <h2 id={`${ids}-heading`} className="text-lg font-semibold">
        {t({ en: "Export and import", nb: "Eksport og import" })}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-secondary" onClick={() => download(document, workspace)}>
          {t({ en: "Download JSON", nb: "Last ned JSON" })}
        </button>
        <CopyButton text={() => asJson(document)} label={t({ en: "Copy JSON", nb: "Kopier JSON" })} />
        <p className="text-sm text-muted-strong">
          {dirty
            ? t({ en: "Exports what the editor shows, unsaved changes included.", nb: "Eksporterer det du ser, også ulagrede endringer." })
            : t({ en: "Exports the policies your workspace decides with.", nb: "Eksporterer reglene arbeidsområdet ditt bruker." })}
        </p>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        {/* The browser's own file button speaks the browser's language, not the page's: a label of ours stands in for it. */}
        <input
          id={`${ids}-file`}
          type="file"
          accept="application/json,.json"
          className="peer sr-only"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            // Emptied, so choosing the same file again (after editing it) reads it again.
            e.target.value = "";
            if (!file) return;
            setFileName(file.name);
            setText(await file.text());
          }}
        />
        <label
          htmlFor={`${ids}-file`}
          className="btn-secondary cursor-pointer peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600 peer-focus-visible:outline-solid dark:peer-focus-visible:outline-amber-300"
        >
          {t({ en: "Import from a file…", nb: "Importer fra en fil…" })}
        </label>
        <span className="min-w-0 text-sm wrap-anywhere text-muted-strong">{fileName || t({ en: "No file chosen", nb: "Ingen fil valgt" })}</span>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${ids}-text`} className="text-sm font-semibold">
          {t({ en: "…or paste a policy document", nb: "…eller lim inn et policydokument" })}
        </label>
        <textarea
          id={`${ids}-text`}
          className="field min-h-32 font-mono text-xs"
          value={text}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={problem ? `${ids}-problem` : undefined}
        />
      </div>
      <button type="button" className="btn-primary" aria-disabled={busy || text.trim() === ""} onClick={() => !busy && text.trim() !== "" && void importText()}>
        {t({ en: "Import", nb: "Importer" })}
      </button>
      <div role="status" className="space-y-1 text-sm">
        {done && <p className="callout-ok">{done}</p>}
        {problem && (
          <div id={`${ids}-problem`} className="callout-error space-y-1">
            <p>{problem.lead}</p>
            {problem.errors && (
              <ul className="list-disc pl-5">
                {problem.errors.map(([path, messages]) => (
                  <li key={path}>
                    <code className="font-mono wrap-anywhere">{path}</code>: <span lang="en">{messages.join(" ")}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
