"use client";

import { useId } from "react";
import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import type { KeySource as Source, useKeys } from "./use-keys";
import { SANDBOX_JWKS_PATH } from "./use-keys";

const SOURCES: { source: Source; label: Text }[] = [
  { source: "sandbox", label: { en: "The sandbox's Dialogporten", nb: "Sandkassens Dialogporten" } },
  { source: "file", label: { en: "A JWKS file (paste or upload)", nb: "En JWKS-fil (lim inn eller last opp)" } },
  { source: "url", label: { en: "A JWKS URL", nb: "En JWKS-URL" } },
];

/** Which public keys the checks use; the browser only ever sees public keys. */
export function KeySource({ keys }: { keys: ReturnType<typeof useKeys> }) {
  const t = useT();
  const id = useId();
  const kids = keys.jwks?.keys.map((k) => k.kid ?? "?") ?? [];
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="section-label">{t({ en: "Keys (JWKS)", nb: "Nøkler (JWKS)" })}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {SOURCES.map(({ source, label }) => (
          <label key={source} className="inline-flex min-h-6 items-center gap-1.5">
            <input type="radio" name="key-source" value={source} checked={keys.source === source} onChange={() => keys.setSource(source)} />
            {t(label)}
          </label>
        ))}
      </div>
      {keys.source === "sandbox" && (
        <p className="text-sm text-muted-strong">
          {t({ en: "Fetched from", nb: "Hentet fra" })} <code className="font-mono break-all">{SANDBOX_JWKS_PATH}</code>
        </p>
      )}
      {keys.source === "file" && (
        <div className="space-y-1">
          <label htmlFor={`${id}-jwks`} className="block text-sm font-semibold">
            {t({ en: "JWKS document", nb: "JWKS-dokument" })}
          </label>
          <textarea
            id={`${id}-jwks`}
            className="field h-28 w-full font-mono text-xs"
            spellCheck={false}
            placeholder='{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"…","x":"…"}]}'
            value={keys.text}
            onChange={(e) => keys.setText(e.target.value)}
          />
          <label className="flex flex-wrap items-center gap-2 text-sm">
            {t({ en: "or upload a file", nb: "eller last opp en fil" })}
            <input
              type="file"
              accept="application/json,.json,.jwks"
              className="max-w-full text-sm"
              onChange={(e) => void e.target.files?.[0]?.text().then(keys.setText)}
            />
          </label>
        </div>
      )}
      {keys.source === "url" && (
        <div className="space-y-1">
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex min-w-0 grow flex-col text-sm font-semibold">
              {t({ en: "JWKS URL", nb: "JWKS-URL" })}
              <input
                type="url"
                className="field w-full font-mono text-[0.8125rem] font-normal"
                placeholder="https://platform.tt02.altinn.no/dialogporten/api/v1/.well-known/jwks.json"
                value={keys.url}
                onChange={(e) => keys.setUrl(e.target.value)}
              />
            </label>
            <button type="button" className="btn-secondary" onClick={() => void keys.fetchUrl()}>
              {t({ en: "Fetch", nb: "Hent" })}
            </button>
          </div>
          <p className="text-sm text-muted-strong">
            {t({
              en: "This page may only call the sandbox itself (its Content Security Policy), so the sandbox's relay fetches the URL: only from origins its configuration allows (SANDBOX_RELAY_ORIGINS, loopback by default), 10 s, 64 KB. A real Dialogporten's JWKS is usually not allowed here: open it in a new tab, save it, and use the file option.",
              nb: "Denne siden får bare kalle sandkassen selv (Content Security Policy), så sandkassens relé henter URL-en: bare fra opphav konfigurasjonen tillater (SANDBOX_RELAY_ORIGINS, loopback som standard), 10 s, 64 KB. En ekte Dialogportens JWKS er vanligvis ikke tillatt her: åpne den i en ny fane, lagre den og bruk fil-valget.",
            })}
          </p>
        </div>
      )}
      {keys.error ? (
        <p role="alert" className="callout-error">
          {t(keys.error.text)}
          {keys.error.code && (
            <>
              {" "}
              (<code className="font-mono">{keys.error.code}</code>)
            </>
          )}
          {keys.error.detail && <span lang="en">: {keys.error.detail}</span>}
        </p>
      ) : (
        kids.length > 0 && (
          <p className="text-sm break-all">
            {t({ en: "Keys loaded:", nb: "Nøkler lastet:" })} <code className="font-mono">{kids.join(", ")}</code>
          </p>
        )
      )}
    </fieldset>
  );
}
