"use client";

import { useState } from "react";
import { decodeToken } from "@/lib/service-provider/decode";
import { HEADER_GLOSSARY } from "./claims-glossary";
import { ClaimsTable, ExpiryCountdown, SourceLinks } from "./claims-table";
import { ShortToken } from "../ui/http-text";
import { VerdictChip } from "../ui/status";
import type { VerificationResult } from "../exchange/trace-notes";
import { useT } from "../i18n/locale-provider";
import { WorkbenchLink } from "../workbench/workbench-link";

const PART = {
  header: "text-rose-700 dark:text-rose-300",
  payload: "text-violet-700 dark:text-violet-300",
  signature: "text-sky-700 dark:text-sky-300",
};

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="section-label">{label}</figcaption>
      <pre className="code-block text-xs">{JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}

function KeyLine({ kid, verification }: { kid: unknown; verification: VerificationResult | null }) {
  const t = useT();
  const kidCheck = verification?.checks.find((c) => c.code === "kid");
  const kids = Array.isArray(kidCheck?.expected) ? (kidCheck.expected as string[]) : [];
  const at = kids.indexOf(String(kid));
  return (
    <p>
      {t({ en: "Signed with key", nb: "Signert med nøkkelen" })} <code className="font-mono font-semibold">{String(kid)}</code>
      {at >= 0
        ? t(
            at === 0
              ? {
                  en: " — key {n} of the {of} in Dialogporten's JWKS (the primary, the one that signs).",
                  nb: " — nøkkel {n} av {of} i Dialogportens JWKS (den primære, den som signerer).",
                }
              : { en: " — key {n} of the {of} in Dialogporten's JWKS.", nb: " — nøkkel {n} av {of} i Dialogportens JWKS." },
            { n: at + 1, of: kids.length },
          )
        : t({
            en: " from Dialogporten's JWKS (/dialogporten/api/v1/.well-known/jwks.json).",
            nb: " fra Dialogportens JWKS (/dialogporten/api/v1/.well-known/jwks.json).",
          })}
    </p>
  );
}

/**
 * The dialog token: its three parts, decoded, seen from both sides, and explained claim by claim. Compact by
 * default (one line a claim); the glossary of what each claim and header field means opens on demand.
 */
export function TokenView({ token, verification, checked }: { token: string; verification: VerificationResult | null; checked: boolean }) {
  const t = useT();
  const [explain, setExplain] = useState(false);
  const decoded = decodeToken(token);
  if (!decoded.ok)
    return (
      <p className="callout-error">{t({ en: "The token could not be decoded: {why}", nb: "Tokenet kunne ikke dekodes: {why}" }, { why: decoded.detail })}</p>
    );
  const { parts, header, payload } = decoded;
  const exp = typeof payload.exp === "number" ? payload.exp : undefined;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <KeyLine kid={header.kid} verification={checked ? verification : null} />
        {exp !== undefined && <ExpiryCountdown exp={exp} />}
        <WorkbenchLink token={token} />
      </div>

      <figure>
        <figcaption className="section-label">
          {t({ en: "Encoded:", nb: "Kodet:" })} <span className={PART.header}>header</span> . <span className={PART.payload}>payload</span> .{" "}
          <span className={PART.signature}>{t({ en: "signature", nb: "signatur" })}</span>
        </figcaption>
        <p className="code-block font-mono text-xs break-all">
          <span className={PART.header} title={t({ en: "Header (base64url JSON)", nb: "Header (base64url-JSON)" })}>
            {parts.header}
          </span>
          .
          <span className={PART.payload} title={t({ en: "Payload (base64url JSON)", nb: "Payload (base64url-JSON)" })}>
            {parts.payload}
          </span>
          .
          <span className={PART.signature} title={t({ en: "Ed25519 signature (64 bytes, base64url)", nb: "Ed25519-signatur (64 byte, base64url)" })}>
            {parts.signature}
          </span>
        </p>
      </figure>

      <div className="grid gap-3 xl:grid-cols-2">
        <section aria-labelledby="sees-sbs" className="panel-inset space-y-1.5 text-sm">
          <h3 id="sees-sbs" className="font-semibold">
            {t({ en: "What the end-user system sees", nb: "Hva sluttbrukersystemet ser" })}
          </h3>
          <p className="font-mono text-[0.8125rem] break-all">
            <ShortToken token={token} />
          </p>
          <ul className="list-disc space-y-0.5 pl-5">
            <li>
              {t({
                en: "An opaque string: it must not parse it or rely on what is inside.",
                nb: "En ugjennomsiktig streng: det skal ikke tolke den eller stole på innholdet.",
              })}
            </li>
            <li>
              {t({ en: "It sends it unchanged as", nb: "Det sender den uendret som" })} <code className="font-mono">Authorization: Bearer …</code>{" "}
              {t({ en: "to the service provider.", nb: "til tjenestetilbyderen." })}
            </li>
            <li>
              {t({
                en: "It is valid 10 minutes; every GET of the dialog returns a new one.",
                nb: "Den gjelder i 10 minutter; hver GET av dialogen gir en ny.",
              })}
            </li>
          </ul>
        </section>
        <section aria-labelledby="sees-sp" className="panel-inset space-y-1.5 text-sm">
          <h3 id="sees-sp" className="font-semibold">
            {t({ en: "What the service provider sees", nb: "Hva tjenestetilbyderen ser" })}
          </h3>
          {checked && verification ? (
            <p>
              <VerdictChip
                verdict={verification.valid ? "pass" : "fail"}
                word={
                  verification.valid
                    ? t({ en: "Valid", nb: "Gyldig" })
                    : t({ en: "Refused: {why}", nb: "Avvist: {why}" }, { why: verification.failure?.failure ?? "" })
                }
              />{" "}
              {t({ en: "checked locally against Dialogporten's JWKS in step 5.", nb: "kontrollert lokalt mot Dialogportens JWKS i steg 5." })}
            </p>
          ) : (
            <p className="text-muted">
              {t({
                en: "Not yet: the token reaches the service provider in step 4 and is checked in step 5. Decoded, it reads as below.",
                nb: "Ikke ennå: tokenet når tjenestetilbyderen i steg 4 og kontrolleres i steg 5. Dekodet ser det ut som nedenfor.",
              })}
            </p>
          )}
          <Json value={header} label={t({ en: "Decoded header", nb: "Dekodet header" })} />
          {explain && (
            <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-xs">
              {HEADER_GLOSSARY.map((h) => (
                <div key={h.param} className="contents">
                  <dt className="font-mono font-semibold">{h.param}</dt>
                  <dd>
                    {t(h.meaning)} <SourceLinks sources={h.sources} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>

      <section aria-labelledby="claims-h" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="claims-h" className="font-semibold">
            {t({ en: "Claims, one by one", nb: "Claims, én etter én" })}
          </h3>
          <button type="button" className="btn-secondary px-2 py-0.5" aria-expanded={explain} onClick={() => setExplain(!explain)}>
            {explain ? t({ en: "Hide the glossary", nb: "Skjul ordlisten" }) : t({ en: "Explain each claim", nb: "Forklar hver claim" })}
          </button>
        </div>
        <div className="grid gap-3 2xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <ClaimsTable claims={payload} explain={explain} />
          <Json value={payload} label={t({ en: "Decoded payload", nb: "Dekodet payload" })} />
        </div>
      </section>
    </div>
  );
}
