import type { StepsRun } from "@/lib/end-user-system/legacy";
import type { MdNode } from "@/lib/end-user-system/markdown";
import { actorName } from "../sequence/diagram-model";
import { ExchangeView } from "../exchange/exchange-view";
import { serviceProviderNotes } from "../exchange/trace-notes";
import { MarkdownView } from "../ui/markdown-view";
import { StatusBadge } from "../ui/status";
import type { CompareResult } from "./use-compare-run";

const PATHS = {
  token: {
    title: "With the dialog token",
    bearer: "the dialog token from step 3",
    how: "The provider checks the token against Dialogporten's cached keys and finds the action in its a claim.",
  },
  legacy: {
    title: "Legacy: no dialog token",
    bearer: "the end user's access token",
    how: "The provider checks the access token, then asks Altinn Authorization about this one request.",
  },
} as const;

const ms = (n: number) => `${n.toFixed(1)} ms`;

function decidedBy(run: StepsRun): string {
  const notes = serviceProviderNotes(run.exchange);
  const required = notes.required ?? "the action";
  if (run.path === "legacy")
    return typeof notes.decision === "string" ? `Altinn Authorization: ${notes.decision} for ${required}` : "no decision (refused before asking)";
  return notes.verification?.valid ? `the provider, locally: ${required} is in a` : "the provider, locally: refused";
}

/** One path in detail: what came back (rendered when it is markdown), the provider's own calls, the raw exchange. */
function PathDetail({ run, tree }: { run: StepsRun; tree?: MdNode[] }) {
  const p = PATHS[run.path];
  const calls = run.exchange.nested?.exchanges ?? [];
  return (
    <section aria-labelledby={`path-${run.path}`} className="panel min-w-0 space-y-2 p-3">
      <h3 id={`path-${run.path}`} className="font-semibold">
        {p.title}
      </h3>
      <p className="text-sm text-muted-strong">{p.how}</p>
      {tree && (
        <div className="panel-inset [overflow-wrap:anywhere]">
          <MarkdownView tree={tree} label={`Embed, ${p.title.toLowerCase()}`} />
        </div>
      )}
      <h4 className="section-label">The provider&apos;s own calls</h4>
      <ul className="list-disc pl-5 text-sm">
        {calls.map((e) => (
          <li key={e.id}>
            to {actorName(e.to)}: {e.request.method} {new URL(e.request.url).pathname} · {e.response?.status ?? e.error} · {ms(e.durationMs)}
          </li>
        ))}
        {calls.length === 0 && <li>None: everything it needed was in the request and its caches.</li>}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">The exchange (step 4 request, step 6 answer)</summary>
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
  const { token, legacy } = result;
  const runs = [token, legacy];
  const max = Math.max(token.durationMs, legacy.durationMs);
  const ratio = token.durationMs > 0 ? legacy.durationMs / token.durationMs : 0;
  return (
    <div className="space-y-3">
      <table className="data-table">
        <caption className="caption-text">
          Steps 4–6 of “{result.action.label}”, {result.action.method}, with Altinn Authorization {result.pdpLatencyMs} ms away
        </caption>
        <thead>
          <tr>
            <th scope="col">Measured</th>
            {runs.map((r) => (
              <th key={r.path} scope="col">
                {PATHS[r.path].title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Calls to Altinn Authorization in steps 4–6</th>
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
            <th scope="row">Time of steps 4–6</th>
            {runs.map((r) => (
              <td key={r.path} className="tabular-nums">
                {ms(r.durationMs)}
                <Bar value={r.durationMs} max={max} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Answer (step 6)</th>
            {runs.map((r) => (
              <td key={r.path}>
                <StatusBadge status={r.exchange.response?.status} text={r.outcome.ok ? (r.exchange.response?.statusText ?? "") : r.outcome.code} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Bearer token sent</th>
            {runs.map((r) => (
              <td key={r.path}>{PATHS[r.path].bearer}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Who decided</th>
            {runs.map((r) => (
              <td key={r.path}>{decidedBy(r)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="text-sm">
        {ratio > 0 && `This run: the legacy path took ${ratio.toFixed(1)}× as long (${ms(legacy.durationMs - token.durationMs)} more). `}
        One run is noisy: run it again, raise the latency to a real network&apos;s 20–50 ms, or see <code className="font-mono">npm run bench</code> for
        p50/p95.
        {result.action.method !== "GET" && " This write action really ran twice, once per path: the dialog changed twice."}
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <PathDetail run={token} tree={result.trees.token} />
        <PathDetail run={legacy} tree={result.trees.legacy} />
      </div>
    </div>
  );
}
