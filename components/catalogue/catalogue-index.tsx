"use client";

import { useId, useState } from "react";
import type { CatalogueEntry } from "@/lib/catalogue/entries";
import { CATALOGUE } from "@/lib/catalogue/entries";
import { useLocale, useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { entryHref } from "./catalogue-link";
import { expectationText } from "./expectation";
import { entryTexts } from "./entry-texts";

type Group = "signature" | "claims" | "delivery" | "faults";

/** Groups by what the entry attacks, read from where it is caught, so a new entry finds its group itself. */
function groupOf(e: CatalogueEntry): Group {
  if (e.kind === "fault") return "faults";
  if (e.expectedStep === 4 || e.expectedCheck === "format") return "delivery";
  if (e.expectedCheck && ["signature", "alg", "header", "kid"].includes(e.expectedCheck)) return "signature";
  return "claims";
}

const GROUPS: { id: Group; title: Text }[] = [
  { id: "signature", title: { en: "Who signed it: signature, algorithm and keys", nb: "Hvem som signerte: signatur, algoritme og nøkler" } },
  {
    id: "claims",
    title: { en: "What it says: time, issuer, type, dialog, action and level", nb: "Hva det sier: tid, utsteder, type, dialog, handling og nivå" },
  },
  { id: "delivery", title: { en: "How it is carried and shaped", nb: "Hvordan det sendes og er formet" } },
  { id: "faults", title: { en: "Faults: a service misbehaves", nb: "Feil: en tjeneste oppfører seg galt" } },
];

type Kind = "all" | CatalogueEntry["kind"];

/**
 * The catalogue as an index: grouped, searchable, filterable by kind. Each entry opens the sequence view,
 * which runs it in this browser and shows the evidence (`/?entry=<id>`).
 */
export function CatalogueIndex({ lang, at }: { lang?: string; at?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<Kind>("all");
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = CATALOGUE.filter((e) => {
    if (kind !== "all" && e.kind !== kind) return false;
    const x = entryTexts(e, locale);
    const hay = [e.id, e.expectedCode, e.expectedCheck ?? "", x.title, x.what, x.lesson].join(" ").toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const kinds: { id: Kind; label: Text }[] = [
    { id: "all", label: { en: "All", nb: "Alle" } },
    { id: "attack", label: { en: "Attacks", nb: "Angrep" } },
    { id: "fault", label: { en: "Faults", nb: "Feil" } },
  ];
  return (
    <div className="space-y-4" data-testid="catalogue-index">
      <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <label htmlFor={`${id}-q`} className="text-[11px] leading-4 font-bold tracking-wide text-muted-strong uppercase">
            {t({ en: "Search", nb: "Søk" })}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t({ en: "e.g. alg, exp, cookie, 503", nb: "f.eks. alg, exp, cookie, 503" })}
            className="field w-full py-1"
          />
        </div>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">{t({ en: "Show", nb: "Vis" })}</legend>
          {kinds.map((k) => (
            <label key={k.id} className="flex items-center gap-1 text-sm">
              <input type="radio" name={`${id}-kind`} value={k.id} checked={kind === k.id} onChange={() => setKind(k.id)} />
              {t(k.label)}
            </label>
          ))}
        </fieldset>
      </form>
      <p role="status" className="text-sm text-muted-strong">
        {t({ en: "{n} of {total} entries", nb: "{n} av {total} oppføringer" }, { n: shown.length, total: CATALOGUE.length })}
      </p>
      {GROUPS.map((g) => {
        const entries = shown.filter((e) => groupOf(e) === g.id);
        if (entries.length === 0) return null;
        return (
          <section key={g.id} aria-labelledby={`${id}-${g.id}`} className="space-y-2">
            <h2 id={`${id}-${g.id}`} className="text-lg font-bold">
              {t(g.title)} <span className="text-sm font-normal text-muted-strong">({entries.length})</span>
            </h2>
            <ul className="space-y-2">
              {entries.map((e) => {
                const x = entryTexts(e, locale);
                return (
                  <li key={e.id} data-entry={e.id} className="panel space-y-1 px-3 py-2 text-sm wrap-anywhere">
                    <p className="flex flex-wrap items-baseline gap-x-2">
                      <span className={`chip ${e.kind === "attack" ? "chip-bad" : "chip-warn"}`}>
                        {e.kind === "attack" ? t({ en: "attack", nb: "angrep" }) : t({ en: "fault", nb: "feil" })}
                      </span>
                      <a
                        href={entryHref(e.id, { lang, at })}
                        className="text-base font-semibold text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                      >
                        {x.title}
                      </a>
                      {e.notInBrowser && <span className="chip chip-muted">{t({ en: "not in a browser", nb: "ikke i nettleser" })}</span>}
                    </p>
                    <p>{x.what}</p>
                    <p className="text-muted-strong">
                      <strong>{t({ en: "Expected:", nb: "Forventet:" })}</strong> {expectationText(e, t)}.
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {shown.length === 0 && <p className="callout-info">{t({ en: "No entry matches. Try fewer words.", nb: "Ingen oppføringer passer. Prøv færre ord." })}</p>}
    </div>
  );
}
