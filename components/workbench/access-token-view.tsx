"use client";

import { useT } from "../i18n/locale-provider";
import { VerdictChip } from "../ui/status";
import { accessClaimRows, readAccessToken } from "./access-token";
import type { Json } from "./model";

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v, null, 1));

/** Step 0's access token, decoded: each claim with what Dialogporten does with it, then what steps 1–2 decide on. */
export function AccessTokenView({ header, claims }: { header: Json; claims: Json }) {
  const t = useT();
  const { principal, hasDialogportenScope } = readAccessToken(claims);
  const p = principal.ok ? principal.principal : null;
  return (
    <div className="space-y-3">
      <p className="callout-info">
        {t({
          en: "This is an access token from ID-porten or Maskinporten (step 0), not a dialog token. The end-user system sends it to Dialogporten, which checks it and asks Altinn Authorization about the person or system user it names. The service provider never sees it.",
          nb: "Dette er et tilgangstoken fra ID-porten eller Maskinporten (steg 0), ikke et dialogtoken. Sluttbrukersystemet sender det til Dialogporten, som sjekker det og spør Altinn Autorisasjon om personen eller systembrukeren det peker på. Tjenestetilbyderen ser det aldri.",
        })}
      </p>
      <pre className="code-block text-xs">{JSON.stringify(header)}</pre>
      <table className="data-table">
        <caption className="sr-only">{t({ en: "Claims of the access token", nb: "Claims i tilgangstokenet" })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ en: "Claim", nb: "Claim" })}</th>
            <th scope="col">{t({ en: "Value", nb: "Verdi" })}</th>
            <th scope="col">{t({ en: "What Dialogporten does with it", nb: "Hva Dialogporten gjør med det" })}</th>
          </tr>
        </thead>
        <tbody>
          {accessClaimRows(claims).map((r) => (
            <tr key={r.claim}>
              <th scope="row" className="font-mono break-all">
                {r.claim}
              </th>
              <td className="font-mono text-[0.8125rem] break-all whitespace-pre-wrap">{show(r.value)}</td>
              <td>{t(r.meaning)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="decides-h" className="panel-inset space-y-1">
        <h3 id="decides-h" className="font-semibold">
          {t({ en: "What steps 1–2 decide on", nb: "Hva steg 1–2 avgjør ut fra" })}
        </h3>
        <p>
          <VerdictChip verdict={hasDialogportenScope ? "pass" : "fail"} word={hasDialogportenScope ? "scope" : "missing_scope"} />{" "}
          {hasDialogportenScope
            ? t({ en: "The scope digdir:dialogporten is there.", nb: "Scopet digdir:dialogporten er med." })
            : t({
                en: "No digdir:dialogporten scope: Dialogporten answers 403 missing_scope.",
                nb: "Mangler scopet digdir:dialogporten: Dialogporten svarer 403 missing_scope.",
              })}
        </p>
        {p ? (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className="font-semibold">{t({ en: "XACML subject (steps 1–2)", nb: "XACML-subjekt (steg 1–2)" })}</dt>
            <dd className="font-mono break-all">
              {p.subject.id} = {p.subject.value}
            </dd>
            <dt className="font-semibold">
              <code>c</code> {t({ en: "in the dialog token", nb: "i dialogtokenet" })}
            </dt>
            <dd className="font-mono break-all">{p.consumer}</dd>
            {p.systemUser && (
              <>
                <dt className="font-semibold">
                  <code>y</code> / <code>o</code>
                </dt>
                <dd className="font-mono break-all">
                  {p.systemUser.id} / {p.systemUser.org}
                </dd>
              </>
            )}
            <dt className="font-semibold">
              <code>l</code> {t({ en: "authentication level", nb: "sikkerhetsnivå" })}
            </dt>
            <dd className="font-mono">{p.level}</dd>
          </dl>
        ) : (
          !principal.ok && (
            <p className="callout-error">
              <code className="font-mono font-semibold">{principal.code}</code> <span lang="en">{principal.detail}</span>
            </p>
          )
        )}
      </section>
    </div>
  );
}
