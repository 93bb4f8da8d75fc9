import { EMBED_MAX_BYTES } from "@/lib/end-user-system/embed";
import { decodeToken } from "@/lib/service-provider/decode";
import type { Exchange } from "@/lib/shared/trace";
import { ExchangeView } from "../exchange/exchange-view";
import { MarkdownView } from "../ui/markdown-view";
import { partyName } from "../scenario/scenario";
import type { EmbedData } from "./sp-call";
import type { Verdict } from "../ui/status";
import { VerdictChip } from "../ui/status";
import { header } from "../exchange/trace-notes";

function Rule({ verdict, word, children }: { verdict: Verdict; word?: string; children: React.ReactNode }) {
  return (
    <li className="flex items-baseline gap-2">
      <span className="w-24 shrink-0">
        <VerdictChip verdict={verdict} word={word} />
      </span>
      <span className="min-w-0">{children}</span>
    </li>
  );
}

const named = (urn: string) => (partyName(urn) === urn ? "" : ` (${partyName(urn)})`);

/** Who the token says is asking, and for whom: what the provider put in the embed without looking anything up. */
function FromTheToken({ dialogToken }: { dialogToken?: string }) {
  const d = decodeToken(dialogToken);
  if (!d.ok) return null;
  const [c, p] = [String(d.payload.c ?? ""), String(d.payload.p ?? "")];
  return (
    <p className="text-sm text-muted-strong">
      The provider wrote who is asking (<code className="font-mono">c</code> = <code className="font-mono break-all">{c}</code>
      {named(c)}) and on whose behalf (<code className="font-mono">p</code> = <code className="font-mono break-all">{p}</code>
      {named(p)}) from the verified dialog token alone: no lookup, no call to Altinn Authorization.
    </p>
  );
}

function Outcome({ embed }: { embed: EmbedData }) {
  const { result } = embed;
  switch (result.kind) {
    case "markdown":
      return (
        <div className="grid gap-3 md:grid-cols-2">
          <figure className="min-w-0">
            <figcaption className="section-label">Rendered: allowed tags only</figcaption>
            <div className="panel-inset">
              <MarkdownView tree={embed.tree ?? []} label="Rendered embed" />
            </div>
          </figure>
          <figure className="min-w-0">
            <figcaption className="section-label">Raw response body</figcaption>
            {/* Focusable: a long body scrolls inside its box, and keyboard users must be able to scroll it too. */}
            <pre tabIndex={0} className="code-block max-h-80 text-xs">
              {result.text}
            </pre>
          </figure>
        </div>
      );
    case "empty":
      return <p className="callout-info">Empty answer: there is nothing to show, so the portal changes nothing on screen.</p>;
    case "refused":
      return (
        <p className="callout-error">
          Refused by the end-user system (<code className="font-mono">{result.code}</code>): {result.detail} Nothing is rendered; the raw response is below for
          you, a portal would show nothing.
        </p>
      );
    case "error": {
      const answer =
        result.status === 403
          ? "The portal shows an “unauthorized” notice."
          : result.status === 404
            ? "The portal shows that the content is gone."
            : "The portal shows a generic error with a retry button.";
      return (
        <p className="callout-error">
          {result.status || "No answer"} <code className="font-mono">{result.code}</code>: {result.detail} {answer}
        </p>
      );
    }
  }
}

/**
 * Step 6 of an embed: what the end-user system did with the answer — the portal's rules, each with its
 * verdict, then the markdown rendered beside the raw body it came from.
 */
export function EmbedFigure({ embed, dialogToken }: { embed: EmbedData; dialogToken?: string }) {
  const { result, attempts } = embed;
  const last = attempts.at(-1);
  const contentType = header(last, "content-type") ?? "(none)";
  const bytes = result.kind === "markdown" ? new TextEncoder().encode(result.text).byteLength : undefined;
  const statuses = attempts.map((e) => e.response?.status ?? "no answer").join(" → ");
  const code = "code" in result ? result.code : undefined;
  const typeVerdict: Verdict = result.kind === "markdown" || code === "embed_too_large" ? "pass" : code === "embed_wrong_content_type" ? "fail" : "skip";
  return (
    <section aria-labelledby="embed-heading" className="space-y-2">
      <h3 id="embed-heading" className="text-base font-semibold">
        The front-channel embed, as the end-user system shows it
      </h3>
      <ul aria-label="Rules the end-user system applied" className="space-y-1 text-sm">
        <Rule verdict="pass" word="Done">
          GET with the dialog token as Bearer and Accept-Language; no cookies; 10 s timeout.
        </Rule>
        <Rule verdict={attempts.length > 1 ? "info" : "pass"} word={attempts.length > 1 ? "Retried" : "Once"}>
          {attempts.length} attempt{attempts.length === 1 ? "" : "s"}: {statuses}. A 5xx or no answer is retried twice, 1 s apart; 403/404 never.
        </Rule>
        <Rule verdict={typeVerdict}>
          <span title={`Dialogporten announced ${embed.mediaType}`}>
            Content-Type <code className="font-mono">{contentType}</code> must be {embed.expectedType}, the type Dialogporten announced.
          </span>
        </Rule>
        <Rule verdict={result.kind === "markdown" ? "pass" : code === "embed_too_large" ? "fail" : "skip"}>
          At most {EMBED_MAX_BYTES / 1024} KB{bytes !== undefined ? `: ${bytes} bytes` : ""}. An empty body or a 204 means “nothing to show”.
        </Rule>
      </ul>
      <Outcome embed={embed} />
      {result.kind === "markdown" && <FromTheToken dialogToken={dialogToken} />}
    </section>
  );
}

/** Step 6's Exchange view for an embed: what the end-user system made of it, then the exchange itself. Loaded lazily, as one piece, so nothing moves when it arrives. */
export function EmbedStep6({
  embed,
  dialogToken,
  exchanges,
  focus,
}: {
  embed: EmbedData;
  dialogToken?: string;
  exchanges: Exchange[];
  focus: "request" | "response";
}) {
  return (
    <div className="space-y-6">
      <EmbedFigure embed={embed} dialogToken={dialogToken} />
      {exchanges.map((e) => (
        <ExchangeView key={e.id} exchange={e} focus={focus} />
      ))}
    </div>
  );
}
