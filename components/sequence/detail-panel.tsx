"use client";

import { lazy, Suspense, useEffect, useRef } from "react";
import { Checklist } from "../token/checklist";
import { DecisionView } from "./decision-view";
import type { Arrow, ArrowId, Tab } from "./diagram-model";
import { actorName } from "./diagram-model";
import { ExchangeView } from "../exchange/exchange-view";
import { Placeholder } from "../ui/placeholder";
import type { RunData, Step } from "./run-model";
import { authorizeExchange, serviceProviderNotes } from "../exchange/trace-notes";
import { useLocale, useT } from "../i18n/locale-provider";
import type { Locale } from "../i18n/locale";
import { fill, type Text } from "../i18n/text";

// Views needed only from step 3 on (the token), or only for some actions (an embed's step 6, a write's
// changes), are not part of the page's first-load JS (budget 160 kB). Their code is fetched as soon as the
// run heads for them (see the effect below), so it is normally there before the view opens.
const load = { token: () => import("../token/token-view"), embed: () => import("./embed-figure"), changes: () => import("./dialog-changes") };
const TokenView = lazy(() => load.token().then((m) => ({ default: m.TokenView })));
const EmbedStep6 = lazy(() => load.embed().then((m) => ({ default: m.EmbedStep6 })));
const ChangesView = lazy(() => load.changes().then((m) => ({ default: m.ChangesView })));
const CatalogueToken = lazy(() => import("./catalogue-token").then((m) => ({ default: m.CatalogueToken })));
function Loading() {
  const t = useT();
  return <Placeholder>{t({ en: "Loading…", nb: "Laster …" })}</Placeholder>;
}
const loading = <Loading />;

const TABS: { id: Tab; label: Text }[] = [
  { id: "exchange", label: { en: "Exchange", nb: "Utveksling" } },
  { id: "decision", label: { en: "Decision", nb: "Avgjørelse" } },
  { id: "token", label: { en: "Token", nb: "Token" } },
  { id: "checklist", label: { en: "Checklist", nb: "Sjekkliste" } },
  { id: "changes", label: { en: "Changes", nb: "Endringer" } },
];

function Body({ tab, arrow, data, step }: { tab: Tab; arrow: Arrow | undefined; data: RunData | null; step: Step }) {
  const t = useT();
  switch (tab) {
    case "exchange":
      if (!arrow)
        return (
          <Placeholder>
            {t({
              en: "Press Next step or Run all. Each arrow of the diagram opens its exchange here.",
              nb: "Trykk Neste steg eller Kjør alle. Hver pil i diagrammet åpner utvekslingen sin her.",
            })}
          </Placeholder>
        );
      if (arrow.kind === "self")
        return (
          <Placeholder>
            {t({
              en: "Step 5 is the service provider's own check: no HTTP exchange. See the Checklist tab.",
              nb: "Steg 5 er tjenestetilbyderens egen kontroll: ingen HTTP-utveksling. Se fanen Sjekkliste.",
            })}
          </Placeholder>
        );
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
              {t({ en: "Dialogporten masked this action's URL as", nb: "Dialogporten maskerte URL-en til denne handlingen som" })}{" "}
              <code className="font-mono">urn:dialogporten:unauthorized</code>{" "}
              {t({
                en: "(isAuthorized: false). A real end-user system would grey the button out; the sandbox calls the provider's known URL anyway, to show that it refuses.",
                nb: "(isAuthorized: false). Et ekte sluttbrukersystem ville gjort knappen grå; sandkassen kaller tjenestetilbyderens kjente URL likevel, for å vise at den avviser.",
              })}
            </p>
          )}
          {arrow.id === "sp-preflight" && (
            <p role="note" className="callout-info">
              {t({
                en: "The browser sent this OPTIONS request on its own, before step 4: the call goes to another origin and carries an Authorization header. Page JavaScript never sees a preflight; the service provider recorded it and handed it back in its trace.",
                nb: "Nettleseren sendte denne OPTIONS-forespørselen på egen hånd, før steg 4: kallet går til et annet opphav og har en Authorization-header. Sidens JavaScript ser aldri en preflight; tjenestetilbyderen registrerte den og sendte den tilbake i sporet sitt.",
              })}
            </p>
          )}
          {arrow.id === "sp-request" && arrow.exchanges.length > 1 && (
            <p role="note" className="callout-info">
              {t(
                {
                  en: "{n} attempts: the end-user system retried after a server error or no answer, one second apart, as the real portal does (at most two retries, never after 403 or 404).",
                  nb: "{n} forsøk: sluttbrukersystemet prøvde igjen etter en serverfeil eller manglende svar, med ett sekunds mellomrom, slik den ekte portalen gjør (høyst to nye forsøk, aldri etter 403 eller 404).",
                },
                { n: arrow.exchanges.length },
              )}
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
              ? t({
                  en: "Dialogporten refused before it asked Altinn Authorization: no decision was made.",
                  nb: "Dialogporten avviste før den spurte Altinn Autorisasjon: ingen avgjørelse ble tatt.",
                })
              : t({
                  en: "Available from step 1, when Dialogporten asks Altinn Authorization.",
                  nb: "Tilgjengelig fra steg 1, når Dialogporten spør Altinn Autorisasjon.",
                })}
          </Placeholder>
        );
      }
      return <DecisionView dialogExchange={data.dialogExchange} dialog={data.dialog} step={step} />;
    case "token":
      if (!data?.dialog?.dialogToken || step < 3) {
        return (
          <Placeholder>
            {data?.dialogExchange && step >= 3
              ? t({ en: "Dialogporten issued no dialog token in this run.", nb: "Dialogporten utstedte ikke noe dialogtoken i denne kjøringen." })
              : t({
                  en: "Available from step 3, when Dialogporten returns the dialog with its token.",
                  nb: "Tilgjengelig fra steg 3, når Dialogporten returnerer dialogen med tokenet.",
                })}
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
      if (!data?.spExchange || step < 5)
        return (
          <Placeholder>
            {t({
              en: "Available from step 5, when the service provider checks the token it got in step 4.",
              nb: "Tilgjengelig fra steg 5, når tjenestetilbyderen kontrollerer tokenet den fikk i steg 4.",
            })}
          </Placeholder>
        );
      return <Checklist spExchange={data.spExchange} />;
    case "changes":
      return (
        <Suspense fallback={loading}>
          <ChangesView data={data} step={step} />
        </Suspense>
      );
  }
}

/**
 * The arrow a tab is about. The Exchange tab shows the arrow picked in the diagram; every other tab explains
 * one fixed step, so its heading names that step, whichever arrow was picked last.
 */
function arrowOfTab(tab: Tab, step: Step, selected: ArrowId | null): ArrowId | null {
  const fixed: Record<Exclude<Tab, "exchange">, ArrowId> = {
    decision: step >= 2 ? "decision" : "authorize",
    token: "dialog-response",
    checklist: "sp-check",
    changes: "sp-response",
  };
  return tab === "exchange" ? selected : fixed[tab];
}

function heading(arrow: Arrow | undefined, locale: Locale): string {
  const t = (text: Text, values: Record<string, string | number> = {}) => fill(text, locale, values);
  if (!arrow || arrow.state === "pending" || arrow.state === "not-reached") return t({ en: "Details", nb: "Detaljer" });
  const who = arrow.kind === "self" ? actorName(arrow.from, locale) : `${actorName(arrow.from, locale)} → ${actorName(arrow.to, locale)}`;
  const which =
    arrow.num !== null
      ? t({ en: "Step {n}", nb: "Steg {n}" }, { n: arrow.num })
      : arrow.id === "sp-preflight"
        ? t({ en: "Step 4, first", nb: "Steg 4, først" })
        : arrow.id === "dp-event"
          ? t({ en: "After step 6", nb: "Etter steg 6" })
          : t({ en: "Keys", nb: "Nøkler" });
  return `${which} · ${who}: ${arrow.title}`;
}

/** The views of the selected arrow, as tabs; the panel has a fixed height so arriving data never moves the page. */
export function DetailPanel({
  tab,
  onTab,
  arrows,
  selected,
  data,
  step,
}: {
  tab: Tab;
  onTab: (t: Tab) => void;
  arrows: Arrow[];
  selected: ArrowId | null;
  data: RunData | null;
  step: Step;
}) {
  const t = useT();
  const locale = useLocale();
  const arrow = arrows.find((a) => a.id === selected);
  const about = arrows.find((a) => a.id === arrowOfTab(tab, step, selected));
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
    <section id="detail-panel" aria-labelledby="detail-heading" className="panel flex min-h-0 min-w-0 flex-1 flex-col">
      {/* Wraps rather than truncates (at 150 % zoom a long heading must still be read whole); two lines are kept free (plus the top padding: the box is border-box), so the tabs do not move. */}
      <h2 id="detail-heading" className="min-h-[calc(2lh+0.5rem)] px-4 pt-2 text-base leading-snug font-semibold lg:text-lg">
        {heading(about, locale)}
      </h2>
      <div role="tablist" aria-label={t({ en: "Views", nb: "Visninger" })} className="flex flex-wrap gap-1 border-b border-line px-3 pt-2">
        {TABS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={`tab-${v.id}`}
            role="tab"
            type="button"
            aria-selected={tab === v.id}
            aria-controls="detail-tabpanel"
            tabIndex={tab === v.id ? 0 : -1}
            onClick={() => onTab(v.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`-mb-px rounded-t-md border border-b-0 px-3 py-1.5 text-sm font-semibold sm:px-4 ${tab === v.id ? "border-line bg-surface text-fg" : "border-transparent text-muted-strong hover:bg-slate-100 dark:hover:bg-slate-800"}`}
          >
            {t(v.label)}
          </button>
        ))}
      </div>
      <div id="detail-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0} className="relative min-h-0 flex-1 overflow-auto p-4">
        <Body tab={tab} arrow={arrow} data={data} step={step} />
      </div>
    </section>
  );
}
