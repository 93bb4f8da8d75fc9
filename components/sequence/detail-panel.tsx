"use client";

import { lazy, Suspense, useEffect, useRef } from "react";
import { Checklist } from "../token/checklist";
import { DecisionView } from "./decision-view";
import type { Arrow, Tab } from "./diagram-model";
import { actorName } from "./diagram-model";
import { ExchangeView } from "../exchange/exchange-view";
import { Placeholder } from "../ui/placeholder";
import type { RunData, Step } from "./run-model";
import { authorizeExchange, serviceProviderNotes } from "../exchange/trace-notes";

// Views needed only from step 3 on (the token), or only for some actions (an embed's step 6, a write's
// changes), are not part of the page's first-load JS (budget 160 kB). Their code is fetched as soon as the
// run heads for them (see the effect below), so it is normally there before the view opens.
const load = { token: () => import("../token/token-view"), embed: () => import("./embed-figure"), changes: () => import("./dialog-changes") };
const TokenView = lazy(() => load.token().then((m) => ({ default: m.TokenView })));
const EmbedStep6 = lazy(() => load.embed().then((m) => ({ default: m.EmbedStep6 })));
const ChangesView = lazy(() => load.changes().then((m) => ({ default: m.ChangesView })));
const CatalogueToken = lazy(() => import("./catalogue-token").then((m) => ({ default: m.CatalogueToken })));
const loading = <Placeholder>Loading…</Placeholder>;

const TABS: { id: Tab; label: string }[] = [
  { id: "exchange", label: "Exchange" },
  { id: "decision", label: "Decision" },
  { id: "token", label: "Token" },
  { id: "checklist", label: "Checklist" },
  { id: "changes", label: "Changes" },
];

function Body({ tab, arrow, data, step }: { tab: Tab; arrow: Arrow | undefined; data: RunData | null; step: Step }) {
  switch (tab) {
    case "exchange":
      if (!arrow) return <Placeholder>Press Next step or Run all. Each arrow of the diagram opens its exchange here.</Placeholder>;
      if (arrow.kind === "self") return <Placeholder>Step 5 is the service provider&apos;s own check: no HTTP exchange. See the Checklist tab.</Placeholder>;
      if (arrow.id === "sp-response" && data?.embed) {
        return (
          <Suspense fallback={loading}>
            <EmbedStep6 embed={data.embed} dialogToken={data.dialog?.dialogToken} exchanges={arrow.exchanges} focus={arrow.focus} />
          </Suspense>
        );
      }
      return (
        <div className="space-y-6">
          {arrow.id === "sp-request" && data?.action?.masked && (
            <p role="note" className="callout-info">
              Dialogporten masked this action&apos;s URL as <code className="font-mono">urn:dialogporten:unauthorized</code> (isAuthorized: false). A real
              end-user system would grey the button out; the sandbox calls the provider&apos;s known URL anyway, to show that it refuses.
            </p>
          )}
          {arrow.id === "sp-preflight" && (
            <p role="note" className="callout-info">
              The browser sent this OPTIONS request on its own, before step 4: the call goes to another origin and carries an Authorization header. Page
              JavaScript never sees a preflight; the service provider recorded it and handed it back in its trace.
            </p>
          )}
          {arrow.id === "sp-request" && arrow.exchanges.length > 1 && (
            <p role="note" className="callout-info">
              {arrow.exchanges.length} attempts: the end-user system retried after a server error or no answer, one second apart, as the real portal does (at
              most two retries, never after 403 or 404).
            </p>
          )}
          {arrow.exchanges.map((e) => (
            <ExchangeView key={e.id} exchange={e} focus={arrow.focus} />
          ))}
        </div>
      );
    case "decision":
      if (!data?.dialogExchange || !authorizeExchange(data.dialogExchange) || step < 1) {
        return (
          <Placeholder>
            {data?.dialogExchange && step >= 1
              ? "Dialogporten refused before it asked Altinn Authorization: no decision was made."
              : "Available from step 1, when Dialogporten asks Altinn Authorization."}
          </Placeholder>
        );
      }
      return <DecisionView dialogExchange={data.dialogExchange} dialog={data.dialog} step={step} />;
    case "token":
      if (!data?.dialog?.dialogToken || step < 3) {
        return (
          <Placeholder>
            {data?.dialogExchange && step >= 3
              ? "Dialogporten issued no dialog token in this run."
              : "Available from step 3, when Dialogporten returns the dialog with its token."}
          </Placeholder>
        );
      }
      // A catalogue entry's run: the token as it was sent, with what the attack changed marked.
      if (data.catalogue?.entry && data.catalogue.run) {
        return (
          <Suspense fallback={loading}>
            <CatalogueToken entry={data.catalogue.entry} run={data.catalogue.run} verification={serviceProviderNotes(data.spExchange).verification ?? null} />
          </Suspense>
        );
      }
      return (
        <Suspense fallback={loading}>
          <TokenView token={data.dialog.dialogToken} verification={serviceProviderNotes(data.spExchange).verification ?? null} checked={step >= 5} />
        </Suspense>
      );
    case "checklist":
      if (!data?.spExchange || step < 5) return <Placeholder>Available from step 5, when the service provider checks the token it got in step 4.</Placeholder>;
      return <Checklist spExchange={data.spExchange} />;
    case "changes":
      return (
        <Suspense fallback={loading}>
          <ChangesView data={data} step={step} />
        </Suspense>
      );
  }
}

function heading(arrow: Arrow | undefined): string {
  if (!arrow) return "Details";
  const who = arrow.kind === "self" ? actorName(arrow.from) : `${actorName(arrow.from)} → ${actorName(arrow.to)}`;
  return `${arrow.num !== null ? `Step ${arrow.num}` : arrow.id === "sp-preflight" ? "Step 4, first" : "Keys"} · ${who}: ${arrow.title}`;
}

/** The views of the selected arrow, as tabs; the panel has a fixed height so arriving data never moves the page. */
export function DetailPanel({
  tab,
  onTab,
  arrow,
  data,
  step,
}: {
  tab: Tab;
  onTab: (t: Tab) => void;
  arrow: Arrow | undefined;
  data: RunData | null;
  step: Step;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // A run has started: the token view comes at step 3. The token has arrived: step 6 comes next.
  const started = data !== null;
  const action = data?.dialog?.dialogToken ? data.scenario.action : "";
  useEffect(() => {
    if (started) void load.token();
    if (/^(embed|transmission)/.test(action)) void load.embed();
    else if (action) void load.changes();
  }, [started, action]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const to =
      e.key === "ArrowRight"
        ? (i + 1) % TABS.length
        : e.key === "ArrowLeft"
          ? (i + TABS.length - 1) % TABS.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    e.stopPropagation();
    onTab(TABS[to]!.id);
    tabs.current[to]?.focus();
  };
  return (
    <section id="detail-panel" aria-labelledby="detail-heading" className="panel flex min-h-0 flex-col">
      <h2 id="detail-heading" className="truncate px-4 pt-3 text-lg font-semibold">
        {heading(arrow)}
      </h2>
      <div role="tablist" aria-label="Views" className="flex gap-1 border-b border-line px-3 pt-2">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls="detail-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTab(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`-mb-px rounded-t-md border border-b-0 px-4 py-1.5 text-sm font-semibold ${tab === t.id ? "border-line bg-surface text-fg" : "border-transparent text-muted-strong hover:bg-slate-100 dark:hover:bg-slate-800"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="detail-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0} className="relative min-h-0 flex-1 overflow-auto p-4">
        <Body tab={tab} arrow={arrow} data={data} step={step} />
      </div>
    </section>
  );
}
