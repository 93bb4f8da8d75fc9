"use client";

import type { ClaimEntry, Source } from "./claims-glossary";
import { CLAIM_GLOSSARY, describeUrn, LEVELS, splitActions } from "./claims-glossary";
import { useNow } from "../ui/hooks";
import { LinkList } from "../ui/link-list";
import { useLocale, useT } from "../i18n/locale-provider";
import type { Locale } from "../i18n/locale";

const mmss = (seconds: number) => {
  const s = Math.abs(Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** Live time left on the token; the text (not only the colour) says when it has expired. */
export function ExpiryCountdown({ exp }: { exp: number }) {
  const now = useNow();
  const t = useT();
  if (now === 0) return null;
  const left = exp - now / 1000;
  return left > 0 ? (
    <span className={`chip ${left < 60 ? "chip-warn" : "chip-ok"} tabular-nums`}>{t({ en: "expires in {t}", nb: "utløper om {t}" }, { t: mmss(left) })}</span>
  ) : (
    <span className="chip chip-bad tabular-nums">
      <span aria-hidden="true">✗</span> {t({ en: "expired {t} ago", nb: "utløp for {t} siden" }, { t: mmss(left) })}
    </span>
  );
}

/** A claim's instant for people: the reader's own clock and language, with the exact UTC instant beside it. */
function readable(seconds: number, locale: Locale) {
  const d = new Date(seconds * 1000);
  const local = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "medium", timeStyle: "medium" }).format(d);
  return `${local} · ${d.toISOString().replace(".000Z", "Z")}`;
}

function Reading({ claim, value }: { claim: string; value: unknown }) {
  const t = useT();
  const locale = useLocale();
  if (claim === "a" && typeof value === "string") {
    const entries = splitActions(value, locale);
    if (entries.length === 0) return <p>{t({ en: "Empty: no action permitted.", nb: "Tom: ingen handling er tillatt." })}</p>;
    return (
      <ul aria-label={t({ en: "Entries of a", nb: "Oppføringer i a" })} className="list-none space-y-0.5">
        {entries.map((e) => (
          <li key={e.entry}>
            <code className="font-mono font-semibold">{e.entry}</code>: {e.reading}
          </li>
        ))}
      </ul>
    );
  }
  if ((claim === "iat" || claim === "nbf" || claim === "exp") && typeof value === "number") {
    return (
      <p>
        {readable(value, locale)} {claim === "exp" && <ExpiryCountdown exp={value} />}
      </p>
    );
  }
  if (claim === "l" && typeof value === "number") {
    const level = LEVELS[value];
    return <p>{t({ en: "Level {n}: {name}", nb: "Nivå {n}: {name}" }, { n: value, name: level ? t(level) : t({ en: "unknown", nb: "ukjent" }) })}</p>;
  }
  const urn = typeof value === "string" ? describeUrn(value, locale) : null;
  return urn ? <p>{urn}</p> : null;
}

/** Links to where a claim or header parameter is defined; they open the source, not a copy of it. */
export function SourceLinks({ sources }: { sources: Source[] }) {
  const t = useT();
  return <LinkList lead={t({ en: "Source:", nb: "Kilde:" })} links={sources} />;
}

/**
 * Every claim of the token: its value and how this token's value reads. What each claim means in general
 * (the glossary) is shown on demand (`explain`), so the table stays one line a claim for those who know it.
 */
export function ClaimsTable({ claims, explain }: { claims: Record<string, unknown>; explain: boolean }) {
  const t = useT();
  const known = new Set(CLAIM_GLOSSARY.map((g) => g.claim));
  const rows: ClaimEntry[] = [
    ...CLAIM_GLOSSARY,
    ...Object.keys(claims)
      .filter((k) => !known.has(k))
      .map((claim) => ({
        claim,
        name: { en: "Unknown claim", nb: "Ukjent claim" },
        meaning: {
          en: "Not part of today's dialog token. Ignore claims you do not know, but never skip the checks you do.",
          nb: "Ikke en del av dagens dialogtoken. Ignorer claims du ikke kjenner, men hopp aldri over kontrollene du kjenner.",
        },
        sources: [],
      })),
  ];
  return (
    <table className="data-table">
      <caption className="sr-only">{t({ en: "Claims of the dialog token, with their meaning", nb: "Claims i dialogtokenet, med betydning" })}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-12">
            Claim
          </th>
          <th scope="col" className="w-[36%]">
            {t({ en: "Value", nb: "Verdi" })}
          </th>
          <th scope="col">{t({ en: "Meaning", nb: "Betydning" })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.claim} className={g.claim in claims ? "" : "text-muted"}>
            <th scope="row" className="font-mono text-base">
              {g.claim}
            </th>
            <td className="font-mono text-[0.8125rem] break-all">
              {g.claim in claims ? (
                JSON.stringify(claims[g.claim])
              ) : (
                <span className="font-sans italic">{t({ en: "not in this token", nb: "ikke i dette tokenet" })}</span>
              )}
            </td>
            <td className="space-y-1">
              <p>
                <strong>{t(g.name)}.</strong> {explain && t(g.meaning)}
              </p>
              <div className="text-muted-strong">
                <Reading claim={g.claim} value={claims[g.claim]} />
              </div>
              {explain && <SourceLinks sources={g.sources} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
