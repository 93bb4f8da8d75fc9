"use client";

import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import type { CatalogueEntry } from "@/lib/catalogue/entries";
import { CATALOGUE, findEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import { linkHere, replaceQuery } from "../workspace/page-link";
import { useWorkspace } from "../workspace/use-workspace";
import { WorkspaceBar } from "../workspace/workspace-bar";
import type { CatalogueLink } from "./catalogue-link";
import { catalogueLinkQuery, parseCatalogueLink } from "./catalogue-link";
import { expectation, Result } from "./catalogue-result";
import { useCatalogueRun } from "./use-catalogue-run";

interface CataloguePickerProps {
  /** The service provider's public origin (as `app/page.tsx` gets it from `configFromEnv`). */
  serviceProviderOrigin: string;
  /** Every finished run, so the page can show its exchanges and highlight `run.caughtByCheck` in its own checklist. */
  onResult?: (run: CatalogueRun, entry: CatalogueEntry) => void;
  /** The link the page was asked for, read on the server so the first render already selects its entry. */
  link?: CatalogueLink;
}

const attacks = CATALOGUE.filter((e) => e.kind === "attack");
const faults = CATALOGUE.filter((e) => e.kind === "fault");

/**
 * The negative-scenario catalogue: pick an attack or a fault, run it through the real flow from this
 * browser, and see which check caught it and why it matters. The address bar names the entry
 * (`?entry=<id>`), so a copied link opens it and runs it again, with the receiver's own calls.
 */
export function CataloguePicker({ serviceProviderOrigin, onResult, link = {} }: CataloguePickerProps) {
  const [selected, setSelected] = useState(link.entry ?? CATALOGUE[0]!.id);
  const [unknown, setUnknown] = useState(link.unknown);
  const [at, setAt] = useState(link.at);
  const workspace = useWorkspace();
  const { state, run, reset } = useCatalogueRun(serviceProviderOrigin, workspace, onResult);
  const id = useId();
  const entry = findEntry(selected)!;
  const running = state.status === "running";
  const opened = useRef(false);

  // The address bar, not the server's first render, is the truth: back/forward may restore a URL the server never saw.
  const open = useEffectEvent(() => {
    const now = parseCatalogueLink(window.location.search);
    const target = now.entry ? findEntry(now.entry) : undefined;
    setSelected(target?.id ?? CATALOGUE[0]!.id);
    setUnknown(now.unknown);
    setAt(now.at);
    if (target && !target.notInBrowser) void run(target.id, now.at);
    else reset();
  });
  useEffect(() => {
    if (workspace && !opened.current) {
      opened.current = true;
      open();
    }
  }, [workspace]);
  useEffect(() => {
    const listener = () => open();
    window.addEventListener("popstate", listener);
    return () => window.removeEventListener("popstate", listener);
  }, []);

  function choose(entryId: string) {
    setSelected(entryId);
    setUnknown(undefined);
    replaceQuery(catalogueLinkQuery({ entry: entryId, at }));
  }

  return (
    <section aria-labelledby={`${id}-title`} data-testid="catalogue-picker" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          Attacks and faults
        </h2>
        <WorkspaceBar workspace={workspace} link={() => linkHere(catalogueLinkQuery({ entry: selected, at }))} onChange={reset} />
      </div>
      {unknown && <p className="callout-info text-sm">The link names “{unknown}”, which is not in the catalogue (any more): pick an entry below.</p>}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (running || entry.notInBrowser || !workspace) return;
          setUnknown(undefined);
          replaceQuery(catalogueLinkQuery({ entry: selected, at }));
          void run(selected, at);
        }}
      >
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <label htmlFor={`${id}-entry`} className="text-[11px] leading-4 font-bold tracking-wide text-muted-strong uppercase">
            Scenario
          </label>
          <select id={`${id}-entry`} value={selected} onChange={(e) => choose(e.target.value)} aria-describedby={`${id}-what`} className="field w-full py-1">
            <optgroup label={`Attacks (${attacks.length})`}>
              {attacks.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={`Faults (${faults.length})`}>
              {faults.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={running || Boolean(entry.notInBrowser) || !workspace} aria-busy={running}>
          {running ? "Running…" : "Run"}
        </button>
      </form>
      <div id={`${id}-what`} className="space-y-1 text-sm">
        <p>
          <span className={`chip ${entry.kind === "attack" ? "chip-bad" : "chip-warn"}`}>{entry.kind}</span> {entry.what}
        </p>
        <p className="text-muted-strong">
          <strong>Models:</strong> {entry.models}
        </p>
        <p className="text-muted-strong">
          <strong>Expected:</strong> {expectation(entry)}.
        </p>
        {entry.notInBrowser && <p className="callout-info">Not runnable from a browser: {entry.notInBrowser}</p>}
      </div>
      <div role="status" aria-live="polite" aria-atomic="false">
        {state.status === "running" && <p className="text-sm">Running “{state.entry.title}” through steps 0–6…</p>}
        {state.status === "error" && <p className="callout-error">The run failed: {state.message}</p>}
        {state.status === "done" && <Result entry={state.entry} run={state.run} />}
      </div>
    </section>
  );
}
