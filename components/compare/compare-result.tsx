"use client";

import type { StepsRun } from "@/lib/end-user-system/legacy";
import type { MdNode } from "@/lib/end-user-system/markdown";
import { actorName } from "../sequence/diagram-model";
import { ExchangeView } from "../exchange/exchange-view";
import { serviceProviderNotes } from "../exchange/trace-notes";
import { MarkdownView } from "../ui/markdown-view";
import { StatusBadge } from "../ui/status";
import type { CompareResult } from "./use-compare-run";
import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";

type Say = ReturnType<typeof useT>;

const PATHS: Record<StepsRun["path"], Record<"title" | "bearer" | "how", Text>> = {
  token: {
    title: { en: "With the dialog token", nb: "Med dialogtokenet" },
    bearer: { en: "the dialog token from step 3", nb: "dialogtokenet fra steg 3" },
    how: {
      en: "The provider checks the token against Dialogporten's cached keys and finds the action in its a claim.",
      nb: "Tjenestetilbyderen sjekker tokenet mot Dialogportens bufrede nøkler og finner handlingen i a-claimet.",
    },
  },
  legacy: {
    title: { en: "Legacy: no dialog token", nb: "Gammel løsning: uten dialogtoken" },
    bearer: { en: "the end user's access token", nb: "sluttbrukerens tilgangstoken" },
    how: {
      en: "The provider checks the access token, then asks Altinn Authorization about this one request.",
      nb: "Tjenestetilbyderen sjekker tilgangstokenet og spør så Altinn Autorisasjon om akkurat denne forespørselen.",
    },
  },
};

const ms = (n: number) => `${n.toFixed(1)} ms`;

function decidedBy(run: StepsRun, t: Say): string {
  const notes = serviceProviderNotes(run.exchange);
  const required = notes.required ?? t({ en: "the action", nb: "handlingen" });
  if (run.path === "legacy")
    return typeof notes.decision === "string"
      ? t(
          { en: "Altinn Authorization: {decision} for {required}", nb: "Altinn Autorisasjon: {decision} for {required}" },
          { decision: notes.decision, required },
        )
      : t({ en: "no decision (refused before asking)", nb: "ingen avgjørelse (avvist før den spurte)" });
  return notes.verification?.valid
    ? t({ en: "the provider, locally: {required} is in a", nb: "tjenestetilbyderen, lokalt: {required} står i a" }, { required })
    : t({ en: "the provider, locally: refused", nb: "tjenestetilbyderen, lokalt: avvist" });
}

/** One path in detail: what came back (rendered when it is markdown), the provider's own calls, the raw exchange. */
function PathDetail({ run, tree }: { run: StepsRun; tree?: MdNode[] }) {
  const t = useT();
  const p = PATHS[run.path];
  const calls = run.exchange.nested?.exchanges ?? [];
  return (
    <section aria-labelledby={`path-${run.path}`} className="panel min-w-0 space-y-2 p-3">
      <h3 id={`path-${run.path}`} className="font-semibold">
        {t(p.title)}
      </h3>
      <p className="text-sm text-muted-strong">{t(p.how)}</p>
      {tree && (
        <div className="panel-inset [overflow-wrap:anywhere]">
          <MarkdownView under={3} tree={tree} label={`${t({ en: "Embed", nb: "Innbygging" })}, ${t(p.title).toLowerCase()}`} />
        </div>
      )}
      <h4 className="section-label">{t({ en: "The provider's own calls", nb: "Tjenestetilbyderens egne kall" })}</h4>
      <ul className="list-disc pl-5 text-sm">
        {calls.map((e) => (
          <li key={e.id}>
            {t({ en: "to", nb: "til" })} {actorName(e.to)}: {e.request.method} {new URL(e.request.url).pathname} · {e.response?.status ?? e.error} ·{" "}
            {ms(e.durationMs)}
          </li>
        ))}
        {calls.length === 0 && (
          <li>{t({ en: "None: everything it needed was in the request and its caches.", nb: "Ingen: alt den trengte, sto i forespørselen og i bufrene." })}</li>
        )}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">
          {t({ en: "The exchange (step 4 request, step 6 answer)", nb: "Utvekslingen (forespørselen i steg 4, svaret i steg 6)" })}
        </summary>
        <div className="mt-2">
          <ExchangeView exchange={run.exchange} focus="response" />
        </div>
      </details>
    </section>
  );
}

function Bar({ value, max }: { value: number; max: number }) {
  return (
    <span aria-hidden="true" className="mt-1 block h-2 rounded-full bg-slate-200 dark:bg-slate-700">
      <span className="block h-2 rounded-full bg-indigo-600 dark:bg-indigo-300" style={{ width: `${max > 0 ? Math.max(2, (value / max) * 100) : 0}%` }} />
    </span>
  );
}

/** Both runs of steps 4–6 side by side: calls to Altinn Authorization, time, answer, and who decided. */
export function CompareResultView({ result }: { result: CompareResult }) {
  const t = useT();
  const { token, legacy } = result;
  const runs = [token, legacy];
  const max = Math.max(token.durationMs, legacy.durationMs);
  const ratio = token.durationMs > 0 ? legacy.durationMs / token.durationMs : 0;
  return (
    <div className="space-y-3">
      <table className="data-table">
        <caption className="caption-text">
          {t(
            {
              en: "Steps 4–6 of “{label}”, {method}, with Altinn Authorization {latency} ms away",
              nb: "Steg 4–6 av «{label}», {method}, med Altinn Autorisasjon {latency} ms unna",
            },
            { label: result.action.label, method: result.action.method, latency: result.pdpLatencyMs },
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t({ en: "Measured", nb: "Målt" })}</th>
            {runs.map((r) => (
              <th key={r.path} scope="col">
                {t(PATHS[r.path].title)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t({ en: "Calls to Altinn Authorization in steps 4–6", nb: "Kall til Altinn Autorisasjon i steg 4–6" })}</th>
            {runs.map((r) => (
              <td
                key={r.path}
                className={`text-3xl font-bold tabular-nums ${r.authorizationCalls ? "text-red-800 dark:text-red-200" : "text-emerald-800 dark:text-emerald-200"}`}
              >
                {r.authorizationCalls}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t({ en: "Time of steps 4–6", nb: "Tid for steg 4–6" })}</th>
            {runs.map((r) => (
              <td key={r.path} className="tabular-nums">
                {ms(r.durationMs)}
                <Bar value={r.durationMs} max={max} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t({ en: "Answer (step 6)", nb: "Svar (steg 6)" })}</th>
            {runs.map((r) => (
              <td key={r.path}>
                <StatusBadge status={r.exchange.response?.status} text={r.outcome.ok ? (r.exchange.response?.statusText ?? "") : r.outcome.code} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t({ en: "Bearer token sent", nb: "Bærertoken sendt" })}</th>
            {runs.map((r) => (
              <td key={r.path}>{t(PATHS[r.path].bearer)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t({ en: "Who decided", nb: "Hvem avgjorde" })}</th>
            {runs.map((r) => (
              <td key={r.path}>{decidedBy(r, t)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="text-sm">
        {ratio > 0 &&
          `${t(
            {
              en: "This run: the legacy path took {ratio}× as long ({more} more).",
              nb: "Denne kjøringen: den gamle veien tok {ratio}× så lang tid ({more} mer).",
            },
            { ratio: ratio.toFixed(1), more: ms(legacy.durationMs - token.durationMs) },
          )} `}
        {t({
          en: "One run is noisy: run it again, raise the latency to a real network's 20–50 ms, or see",
          nb: "Én kjøring er støyete: kjør igjen, øk forsinkelsen til et ekte nettverks 20–50 ms, eller se",
        })}{" "}
        <code className="font-mono">npm run bench</code> {t({ en: "for p50/p95.", nb: "for p50/p95." })}
        {result.action.method !== "GET" &&
          ` ${t({
            en: "This write action really ran twice, once per path: the dialog changed twice.",
            nb: "Denne skrivehandlingen ble virkelig kjørt to ganger, én gang per vei: dialogen ble endret to ganger.",
          })}`}
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <PathDetail run={token} tree={result.trees.token} />
        <PathDetail run={legacy} tree={result.trees.legacy} />
      </div>
    </div>
  );
}
