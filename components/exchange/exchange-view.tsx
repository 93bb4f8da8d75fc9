"use client";

import { useState } from "react";
import type { Exchange } from "@/lib/shared/trace";
import { useLocale, useT } from "../i18n/locale-provider";
import { CopyButton } from "../ui/copy-button";
import { LinkList } from "../ui/link-list";
import { httpRequestText, httpResponseText, toCurl } from "./curl";
import { actorName } from "../sequence/diagram-model";
import { citationsFor } from "./citations";
import { explainExchange } from "./explain";
import { HeaderGroups } from "./header-groups";
import { classifyHeaders } from "./headers";
import { Body } from "../ui/http-text";
import { StatusBadge } from "../ui/status";
import { langAttr } from "../i18n/patterns";
import { exchangeLabel } from "./exchange-labels";
import { header } from "./trace-notes";

// Groups, not regions: a page with several exchanges (/compare) would otherwise have landmarks of the same name.
function RequestPart({ e, showSandbox }: { e: Exchange; showSandbox: boolean }) {
  const t = useT();
  return (
    <div role="group" aria-label={t({ en: "Request", nb: "Forespørsel" })} className="space-y-2">
      <h4 className="section-label">{t({ en: "Request headers", nb: "Headere i forespørselen" })}</h4>
      <HeaderGroups headers={e.request.headers} side="request" showSandbox={showSandbox} />
      <h4 className="section-label">{t({ en: "Request body", nb: "Body i forespørselen" })}</h4>
      <Body text={e.request.body} contentType={header(e, "content-type", "request")} label={t({ en: "Request body", nb: "Body i forespørselen" })} />
    </div>
  );
}

function ResponsePart({ e, showSandbox }: { e: Exchange; showSandbox: boolean }) {
  const t = useT();
  if (!e.response) return <p className="text-sm">{t({ en: "No response arrived.", nb: "Det kom ikke noe svar." })}</p>;
  return (
    <div role="group" aria-label={t({ en: "Response", nb: "Svar" })} className="space-y-2">
      <h4 className="section-label">
        {t({ en: "Response headers", nb: "Headere i svaret" })}{" "}
        <span className="font-normal normal-case">
          · {e.response.status} {e.response.statusText}
        </span>
      </h4>
      <HeaderGroups headers={e.response.headers} side="response" showSandbox={showSandbox} />
      <h4 className="section-label">{t({ en: "Response body", nb: "Body i svaret" })}</h4>
      <Body text={e.response.body} contentType={header(e, "content-type")} label={t({ en: "Response body", nb: "Body i svaret" })} />
    </div>
  );
}

const countSandbox = (e: Exchange) => classifyHeaders([...e.request.headers, ...(e.response?.headers ?? [])]).filter((h) => h.kind === "sandbox").length;

/** One HTTP exchange as its sender saw it: request line, status, timing, headers, bodies, and ways to repeat it. */
export function ExchangeView({ exchange: e, focus }: { exchange: Exchange; focus: "request" | "response" }) {
  const t = useT();
  const locale = useLocale();
  const [showSandbox, setShowSandbox] = useState(false);
  const problem = explainExchange(e, locale);
  const citations = citationsFor(e, locale);
  const sandboxCount = countSandbox(e);
  const label = exchangeLabel(e.label, locale);
  const started = new Date(e.startedAt);
  const parts = [<RequestPart key="request" e={e} showSandbox={showSandbox} />, <ResponsePart key="response" e={e} showSandbox={showSandbox} />];
  return (
    <article aria-label={t({ en: "Exchange: {label}", nb: "Utveksling: {label}" }, { label: label.text })} className="space-y-3">
      <header className="space-y-1">
        <h3 className="text-base font-semibold" lang={langAttr(label, locale)}>
          {label.text}
        </h3>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="font-mono font-bold">{e.request.method}</span>
          <code className="min-w-0 font-mono text-[0.8125rem] break-all">{e.request.url}</code>
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span>
            {actorName(e.from)} → {actorName(e.to)}
          </span>
          <StatusBadge status={e.response?.status} text={e.response?.statusText ?? e.error ?? t({ en: "no answer", nb: "ikke noe svar" })} />
          <span>{e.durationMs.toFixed(1)} ms</span>
          <time dateTime={e.startedAt}>{started.toLocaleTimeString(locale === "nb" ? "nb-NO" : "en-GB")}</time>
        </p>
      </header>
      {problem && (
        <div role="note" className="callout-error space-y-1">
          <p>{problem}</p>
          <LinkList lead={t({ en: "Read more:", nb: "Les mer:" })} links={citations} linkClassName="underline underline-offset-2" />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton label={t({ en: "Copy as curl", nb: "Kopier som curl" })} text={() => toCurl(e.request, showSandbox)} />
        <CopyButton label={t({ en: "Copy request", nb: "Kopier forespørsel" })} text={() => httpRequestText(e.request, showSandbox)} />
        {e.response && <CopyButton label={t({ en: "Copy response", nb: "Kopier svar" })} text={() => httpResponseText(e.response!, showSandbox)} />}
        {sandboxCount > 0 && (
          <label className="inline-flex cursor-pointer items-center gap-1.5 text-sm">
            <input type="checkbox" checked={showSandbox} onChange={(ev) => setShowSandbox(ev.target.checked)} className="size-4 accent-indigo-700" />
            {t({ en: "Show the sandbox's headers ({n})", nb: "Vis sandkassens headere ({n})" }, { n: sandboxCount })}
          </label>
        )}
      </div>
      <div className="space-y-4">{focus === "response" ? [parts[1], parts[0]] : parts}</div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">
          {showSandbox
            ? t({ en: "curl command (with the sandbox's headers, except sandbox-trace)", nb: "curl-kommando (med sandkassens headere, unntatt sandbox-trace)" })
            : t({ en: "curl command (the API's headers only)", nb: "curl-kommando (bare API-ets headere)" })}
        </summary>
        <pre className="code-block mt-2">{toCurl(e.request, showSandbox)}</pre>
      </details>
    </article>
  );
}
