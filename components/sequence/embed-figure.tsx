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
import { Nb, useT } from "../i18n/locale-provider";

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

/** The seed's party name after a URN, marked Norwegian (the names are, whatever the UI language). */
function Named({ urn }: { urn: string }) {
  return partyName(urn) === urn ? null : (
    <>
      {" "}
      (<Nb>{partyName(urn)}</Nb>)
    </>
  );
}

/** Who the token says is asking, and for whom: what the provider put in the embed without looking anything up. */
function FromTheToken({ dialogToken }: { dialogToken?: string }) {
  const t = useT();
  const d = decodeToken(dialogToken);
  if (!d.ok) return null;
  const [c, p] = [String(d.payload.c ?? ""), String(d.payload.p ?? "")];
  return (
    <p className="text-sm text-muted-strong">
      {t({ en: "The provider wrote who is asking", nb: "Tjenestetilbyderen skrev hvem som spør" })} (<code className="font-mono">c</code> ={" "}
      <code className="font-mono break-all">{c}</code>
      <Named urn={c} />) {t({ en: "and on whose behalf", nb: "og på vegne av hvem" })} (<code className="font-mono">p</code> ={" "}
      <code className="font-mono break-all">{p}</code>
      <Named urn={p} />){" "}
      {t({
        en: "from the verified dialog token alone: no lookup, no call to Altinn Authorization.",
        nb: "ut fra det validerte dialogtokenet alene: ingen oppslag, ingen kall til Altinn Autorisasjon.",
      })}
    </p>
  );
}

function Outcome({ embed }: { embed: EmbedData }) {
  const t = useT();
  const { result } = embed;
  switch (result.kind) {
    case "markdown":
    case "html":
      return (
        <div className="grid gap-3 md:grid-cols-2">
          <figure className="min-w-0">
            <figcaption className="section-label">
              {result.kind === "html"
                ? t({ en: "Rendered: allowed tags only, the rest of the HTML dropped", nb: "Vist: bare tillatte tagger, resten av HTML-en fjernet" })
                : t({ en: "Rendered: allowed tags only", nb: "Vist: bare tillatte tagger" })}
            </figcaption>
            {/* The sandbox's service provider writes its pages in English (lib/service-provider/content.ts): marked so in Norwegian. */}
            <div className="panel-inset" lang="en">
              <MarkdownView under={3} tree={embed.tree ?? []} label={t({ en: "Rendered embed", nb: "Vist embed" })} />
            </div>
          </figure>
          <figure className="min-w-0">
            <figcaption className="section-label">{t({ en: "Raw response body", nb: "Rå svarbody" })}</figcaption>
            {/* Focusable: a long body scrolls inside its box, and keyboard users must be able to scroll it too. */}
            <pre tabIndex={0} className="code-block max-h-80 text-xs">
              {result.text}
            </pre>
          </figure>
        </div>
      );
    case "empty":
      return (
        <p className="callout-info">
          {t({
            en: "Empty answer: there is nothing to show, so the portal changes nothing on screen.",
            nb: "Tomt svar: det er ingenting å vise, så portalen endrer ingenting på skjermen.",
          })}
        </p>
      );
    case "refused":
      return (
        <p className="callout-error">
          {t({ en: "Refused by the end-user system", nb: "Avvist av sluttbrukersystemet" })} (<code className="font-mono">{result.code}</code>): {result.detail}{" "}
          {t({
            en: "Nothing is rendered; the raw response is below for you, a portal would show nothing.",
            nb: "Ingenting vises; det rå svaret står nedenfor for deg, en portal ville ikke vist noe.",
          })}
        </p>
      );
    case "error": {
      const answer =
        result.status === 403
          ? t({ en: "The portal shows an “unauthorized” notice.", nb: "Portalen viser en melding om manglende tilgang." })
          : result.status === 404
            ? t({ en: "The portal shows that the content is gone.", nb: "Portalen viser at innholdet er borte." })
            : t({ en: "The portal shows a generic error with a retry button.", nb: "Portalen viser en generell feil med en knapp for å prøve igjen." });
      return (
        <p className="callout-error">
          {result.status || t({ en: "No answer", nb: "Intet svar" })} <code className="font-mono">{result.code}</code>: {result.detail} {answer}
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
  const t = useT();
  const { result, attempts } = embed;
  const last = attempts.at(-1);
  const contentType = header(last, "content-type") ?? "(none)";
  const rendered = result.kind === "markdown" || result.kind === "html";
  const bytes = rendered ? new TextEncoder().encode(result.text).byteLength : undefined;
  const statuses = attempts.map((e) => e.response?.status ?? t({ en: "no answer", nb: "intet svar" })).join(" → ");
  const code = "code" in result ? result.code : undefined;
  const typeVerdict: Verdict = rendered || code === "embed_too_large" ? "pass" : code === "embed_wrong_content_type" ? "fail" : "skip";
  return (
    <section aria-labelledby="embed-heading" className="space-y-2">
      <h3 id="embed-heading" className="text-base font-semibold">
        {t({ en: "The front-channel embed, as the end-user system shows it", nb: "Front-channel-embeden, slik sluttbrukersystemet viser den" })}
      </h3>
      <ul aria-label={t({ en: "Rules the end-user system applied", nb: "Reglene sluttbrukersystemet fulgte" })} className="space-y-1 text-sm">
        <Rule verdict="pass" word={t({ en: "Done", nb: "Utført" })}>
          {t({
            en: "GET with the dialog token as Bearer and Accept-Language; no cookies; 10 s timeout.",
            nb: "GET med dialogtokenet som Bearer og Accept-Language; ingen informasjonskapsler; 10 s tidsavbrudd.",
          })}
        </Rule>
        <Rule
          verdict={attempts.length > 1 ? "info" : "pass"}
          word={attempts.length > 1 ? t({ en: "Retried", nb: "Prøvd igjen" }) : t({ en: "Once", nb: "Én gang" })}
        >
          {t(
            {
              en: "{n} {attempts}: {statuses}. A 5xx or no answer is retried twice, 1 s apart; 403/404 never.",
              nb: "{n} {attempts}: {statuses}. En 5xx eller manglende svar prøves igjen to ganger, med 1 s mellomrom; 403/404 aldri.",
            },
            { n: attempts.length, attempts: attempts.length === 1 ? t({ en: "attempt", nb: "forsøk" }) : t({ en: "attempts", nb: "forsøk" }), statuses },
          )}
        </Rule>
        <Rule verdict={typeVerdict}>
          <span title={t({ en: "Dialogporten announced {type}", nb: "Dialogporten oppga {type}" }, { type: embed.mediaType })}>
            Content-Type <code className="font-mono">{contentType}</code>{" "}
            {t({ en: "must be {type}, the type Dialogporten announced.", nb: "må være {type}, typen Dialogporten oppga." }, { type: embed.expectedType })}
          </span>
        </Rule>
        <Rule verdict={rendered ? "pass" : code === "embed_too_large" ? "fail" : "skip"}>
          {t(
            { en: "At most {kb} KB{bytes}.", nb: "Høyst {kb} KB{bytes}." },
            { kb: EMBED_MAX_BYTES / 1024, bytes: bytes !== undefined ? `: ${bytes} bytes` : "" },
          )}{" "}
          {t({ en: "An empty body or a 204 means “nothing to show”.", nb: "En tom body eller 204 betyr «ingenting å vise»." })}
        </Rule>
        {result.kind === "html" && (
          <Rule verdict="pass" word={t({ en: "Cleaned", nb: "Renset" })}>
            {t({
              en: "Legacy HTML: only p, em, strong, lists, links, code, pre, blockquote, hr, h1–h6 and br are kept; other tags are dropped (their text kept), script and style with their content, and every attribute but a safe href.",
              nb: "Eldre HTML: bare p, em, strong, lister, lenker, code, pre, blockquote, hr, h1–h6 og br beholdes; andre tagger fjernes (teksten beholdes), script og style med innholdet, og alle attributter unntatt en trygg href.",
            })}
          </Rule>
        )}
      </ul>
      <Outcome embed={embed} />
      {rendered && <FromTheToken dialogToken={dialogToken} />}
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
