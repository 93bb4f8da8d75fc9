"use client";

import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import { useT } from "../i18n/locale-provider";
import { CopyButton } from "../ui/copy-button";
import { header } from "../exchange/trace-notes";
import { ExchangeView } from "../exchange/exchange-view";
import type { ArrowId, Tab } from "./diagram-model";
import { extraExchanges } from "./catalogue-run";

export const LINK = "font-semibold text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

/** The answer that refused the run: the service provider's when it was called, otherwise Dialogporten's. */
const refusedExchange = (run: CatalogueRun) => run.spExchange ?? run.dialogExchange;

function Field({ name, value }: { name: string; value: string | undefined }) {
  if (value === undefined) return null;
  return (
    <div className="flex min-w-0 max-w-full gap-1" data-evidence={name.toLowerCase()}>
      <dt className="font-semibold whitespace-nowrap">{name}:</dt>
      {/* One line here; the exchange view shows the whole value. */}
      <dd className="min-w-0 truncate font-mono text-[0.8125rem]" title={value}>
        {value}
      </dd>
    </div>
  );
}

/**
 * What proves the verdict, read from the run's own exchanges: the status of the answer that ended it, its
 * WWW-Authenticate and Retry-After, and the problem code; buttons open the views that show it in full.
 */
export function Evidence({ run, onShow, children }: { run: CatalogueRun; onShow: (arrow: ArrowId, tab: Tab) => void; children?: React.ReactNode }) {
  const t = useT();
  const e = refusedExchange(run);
  const status = e?.response ? `${e.response.status} ${e.response.statusText}`.trim() : (e?.error ?? t({ en: "no answer", nb: "ikke noe svar" }));
  const answerArrow: ArrowId = run.spExchange ? "sp-response" : "dialog-response";
  const extra = extraExchanges(run);
  return (
    <div className="space-y-1">
      <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-sm" aria-label={t({ en: "Evidence", nb: "Bevis" })}>
        <Field name="Status" value={status} />
        <Field name="WWW-Authenticate" value={header(e, "www-authenticate")} />
        <Field name="Retry-After" value={header(e, "retry-after")} />
        <Field name={t({ en: "Code", nb: "Kode" })} value={run.observedCode} />
      </dl>
      <div className="flex flex-wrap items-start gap-2">
        {e && (
          <button type="button" className="btn-secondary py-0.5 text-sm" onClick={() => onShow(answerArrow, "exchange")}>
            {run.accepted ? t({ en: "Show the answer", nb: "Vis svaret" }) : t({ en: "Show the refused exchange", nb: "Vis den avviste utvekslingen" })}
          </button>
        )}
        {run.issuedToken && (
          <button type="button" className="btn-secondary py-0.5 text-sm" onClick={() => onShow("dialog-response", "token")}>
            {t({ en: "Show the token", nb: "Vis tokenet" })}
          </button>
        )}
        {run.caughtByCheck && (
          <button type="button" className="btn-secondary py-0.5 text-sm" onClick={() => onShow("sp-check", "checklist")}>
            {t({ en: "Show the checklist", nb: "Vis sjekklisten" })}
          </button>
        )}
        {children}
      </div>
      {extra.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">
            {t(
              { en: "{n} more calls the entry made (not drawn in the diagram)", nb: "{n} kall til som oppføringen gjorde (ikke tegnet i diagrammet)" },
              { n: extra.length },
            )}
          </summary>
          <div className="mt-2 space-y-6">
            {extra.map((x) => (
              <ExchangeView key={x.id} exchange={x} focus="response" />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

/** An entry a browser cannot send faithfully: why, and the commands that run it for real and prove the verdict. */
export function NotInBrowser({ entry, reason }: { entry: CatalogueEntry; reason: string }) {
  const t = useT();
  const commands = [
    `npx vitest run lib/catalogue/catalogue.test.ts -t "${entry.id}"`,
    `npm run build && npx playwright test e2e/catalogue-http.spec.ts -g "${entry.id}"`,
  ];
  return (
    <div className="callout-info space-y-1 text-sm" data-testid="not-in-browser">
      <p>
        <strong>{t({ en: "Not runnable from a browser:", nb: "Kan ikke kjøres fra en nettleser:" })}</strong> {reason}
      </p>
      <p>
        {t(
          {
            en: "These commands run it for real, from Node — in process over MSW, and over real HTTP against the built app — and fail unless it is caught by {code}:",
            nb: "Disse kommandoene kjører den på ekte, fra Node – i prosessen over MSW, og over ekte HTTP mot den bygde appen – og feiler hvis den ikke fanges av {code}:",
          },
          { code: entry.expectedCode },
        )}
      </p>
      <ul className="space-y-1">
        {commands.map((c) => (
          <li key={c} className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 font-mono text-[0.8125rem] break-all">{c}</code>
            <CopyButton label={t({ en: "Copy", nb: "Kopier" })} text={() => c} />
          </li>
        ))}
      </ul>
      <p>
        {t({
          en: "Or send it to a service provider through the sandbox's relay on the",
          nb: "Eller send den til en tjenestetilbyder gjennom sandkassens relé på siden",
        })}{" "}
        <a className={LINK} href="/conformance">
          {t({ en: "Conformance page", nb: "Samsvarstest" })}
        </a>
        .
      </p>
    </div>
  );
}
