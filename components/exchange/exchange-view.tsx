"use client";

import type { Exchange } from "@/lib/shared/trace";
import { CopyButton } from "../ui/copy-button";
import { httpRequestText, httpResponseText, toCurl } from "./curl";
import { actorName } from "../sequence/diagram-model";
import { explainExchange } from "./explain";
import { Body, HeaderTable } from "../ui/http-text";
import { StatusBadge } from "../ui/status";
import { header } from "./trace-notes";

function RequestPart({ e }: { e: Exchange }) {
  return (
    <section aria-label="Request" className="space-y-2">
      <h4 className="section-label">Request headers</h4>
      <HeaderTable headers={e.request.headers} caption="Request headers" />
      <h4 className="section-label">Request body</h4>
      <Body text={e.request.body} contentType={header(e, "content-type", "request")} label="Request body" />
    </section>
  );
}

function ResponsePart({ e }: { e: Exchange }) {
  if (!e.response) return <p className="text-sm">No response arrived.</p>;
  return (
    <section aria-label="Response" className="space-y-2">
      <h4 className="section-label">
        Response headers{" "}
        <span className="font-normal normal-case">
          · {e.response.status} {e.response.statusText}
        </span>
      </h4>
      <HeaderTable headers={e.response.headers} caption="Response headers" />
      <h4 className="section-label">Response body</h4>
      <Body text={e.response.body} contentType={header(e, "content-type")} label="Response body" />
    </section>
  );
}

/** One HTTP exchange as its sender saw it: request line, status, timing, headers, bodies, and ways to repeat it. */
export function ExchangeView({ exchange: e, focus }: { exchange: Exchange; focus: "request" | "response" }) {
  const problem = explainExchange(e);
  const started = new Date(e.startedAt);
  return (
    <article aria-label={`Exchange: ${e.label}`} className="space-y-3">
      <header className="space-y-1">
        <h3 className="text-base font-semibold">{e.label}</h3>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="font-mono font-bold">{e.request.method}</span>
          <code className="min-w-0 break-all font-mono text-[0.8125rem]">{e.request.url}</code>
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span>
            {actorName(e.from)} → {actorName(e.to)}
          </span>
          <StatusBadge status={e.response?.status} text={e.response?.statusText ?? e.error ?? "no answer"} />
          <span>{e.durationMs.toFixed(1)} ms</span>
          <time dateTime={e.startedAt}>{started.toLocaleTimeString()}</time>
        </p>
      </header>
      {problem && (
        <p role="note" className="callout-error">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <CopyButton label="Copy as curl" text={() => toCurl(e.request)} />
        <CopyButton label="Copy request" text={() => httpRequestText(e.request)} />
        {e.response && <CopyButton label="Copy response" text={() => httpResponseText(e.response!)} />}
      </div>
      <div className="space-y-4">
        {focus === "response" ? (
          <>
            <ResponsePart e={e} />
            <RequestPart e={e} />
          </>
        ) : (
          <>
            <RequestPart e={e} />
            <ResponsePart e={e} />
          </>
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">curl command (without the sandbox&apos;s trace header)</summary>
        <pre className="code-block mt-2">{toCurl(e.request)}</pre>
      </details>
    </article>
  );
}
