"use client";

import { TT02_JWKS, TT02_TOKEN } from "@/lib/service-provider/fixtures/tt02-token";
import { useT } from "../i18n/locale-provider";
import { CopyButton } from "../ui/copy-button";
import { useNow } from "../ui/hooks";
import { AccessTokenView } from "./access-token-view";
import { CheckList } from "./check-list";
import { ClaimEditor } from "./claim-editor";
import { Expectations } from "./expectations";
import { KeySource } from "./key-source";
import { checkTime, takeApart, tokenKind, type Piece } from "./model";
import { TimeControl, TokenTimes } from "./time-control";
import { TokenInput } from "./token-input";
import { useKeys } from "./use-keys";
import { useChecks, useWorkbench, type Provenance, type WorkbenchSettings } from "./use-workbench";

function Encoded({ token }: { token: string }) {
  const [h, p, s] = token.split(".");
  return (
    <p className="code-block font-mono text-[0.8125rem] break-all" data-testid="current-token">
      <span className="text-rose-700 dark:text-rose-300">{h}</span>.<span className="text-violet-700 dark:text-violet-300">{p}</span>.
      <span className="text-sky-700 dark:text-sky-300">{s}</span>
    </p>
  );
}

function ProvenanceNote({ provenance }: { provenance: Provenance }) {
  const t = useT();
  if (provenance.kind === "loaded") return <p>{t({ en: "The token as loaded.", nb: "Tokenet slik det ble lastet." })}</p>;
  if (provenance.kind === "edited")
    return (
      <p className="callout-info">
        {t({
          en: "Edited, with its old signature: the signature no longer covers what the token says.",
          nb: "Endret, med den gamle signaturen: signaturen dekker ikke lenger det tokenet sier.",
        })}
      </p>
    );
  return (
    <p className="callout-info">
      {t(
        {
          en: "Re-signed by the sandbox with key {kid}; checked against the sandbox's JWKS.",
          nb: "Signert på nytt av sandkassen med nøkkelen {kid}; kontrollert mot sandkassens JWKS.",
        },
        { kid: provenance.kid },
      )}
      {provenance.replacedKid &&
        ` ${t({ en: "The header's kid {old} is not the sandbox's, so it was replaced.", nb: "Headerens kid {old} er ikke sandkassens, så den ble byttet ut." }, { old: provenance.replacedKid })}`}
    </p>
  );
}

/**
 * The token workbench: paste a dialog token (the sandbox's, or a real one with its JWKS), see every check the
 * service provider makes in step 5, run here in the browser with the provider's own verifier, at a time of your
 * choosing; edit a claim and have the sandbox re-sign it, or keep the broken signature.
 */
export function Workbench({ settings, initialToken }: { settings: WorkbenchSettings; initialToken: string }) {
  const t = useT();
  const now = useNow();
  const w = useWorkbench(settings, initialToken);
  // A token the sandbox issued is checked against its JWKS; any other against the keys the user gives.
  const sourceFor = (piece: Piece | null) => (piece && piece.claims.iss !== settings.sandboxIssuer ? "file" : "sandbox");
  const keys = useKeys(sourceFor(w.piece));
  const result = useChecks(w.current, keys.jwks, w.form, { mode: w.timeMode, chosen: w.chosen, now }, settings.skewSeconds);
  const current = takeApart(w.current);
  const claims = current.ok ? current.piece.claims : {};
  const at = now === 0 ? null : checkTime(w.timeMode, claims, now, w.chosen);
  const kind = w.piece ? tokenKind(w.piece.header, w.piece.claims) : null;

  const load = (raw: string) => {
    const piece = w.load(raw);
    if (piece) keys.setSource(sourceFor(piece));
  };
  const undo = () => {
    w.undo();
    keys.setSource(sourceFor(w.piece));
  };
  const example = () => {
    keys.setText(JSON.stringify(TT02_JWKS, null, 2));
    keys.setSource("file");
    w.load(TT02_TOKEN);
  };
  const resign = async () => {
    if (await w.resign()) keys.setSource("sandbox");
  };

  return (
    <div className="space-y-4">
      <section aria-labelledby="wb-token" className="panel space-y-2 p-3">
        <h2 id="wb-token" className="text-lg font-semibold">
          {t({ en: "1. The token", nb: "1. Tokenet" })}
        </h2>
        <TokenInput text={w.text} onText={w.setText} onLoad={load} onExample={example} error={w.loadError} />
      </section>

      {w.piece && kind === "access" && (
        <section aria-labelledby="wb-access" className="panel space-y-2 p-3">
          <h2 id="wb-access" className="text-lg font-semibold">
            {t({ en: "2. The access token, read as Dialogporten reads it", nb: "2. Tilgangstokenet, lest slik Dialogporten leser det" })}
          </h2>
          <AccessTokenView header={w.piece.header} claims={w.piece.claims} />
        </section>
      )}

      {w.piece && kind === "dialog" && (
        <>
          <section aria-labelledby="wb-against" className="panel grid gap-4 p-3 lg:grid-cols-2">
            <h2 id="wb-against" className="text-lg font-semibold lg:col-span-2">
              {t({ en: "2. What it is checked against", nb: "2. Hva det kontrolleres mot" })}
            </h2>
            <div className="min-w-0 space-y-3">
              <KeySource keys={keys} />
              <TimeControl mode={w.timeMode} chosen={w.chosen} at={at} onMode={w.setTimeMode} onChosen={w.setChosen} />
            </div>
            <Expectations form={w.form} onChange={w.setForm} />
          </section>

          <section aria-labelledby="wb-checks" className="panel space-y-3 p-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="wb-checks" className="text-lg font-semibold">
                {t({ en: "3. The service provider's checks (step 5)", nb: "3. Tjenestetilbyderens kontroller (steg 5)" })}
              </h2>
              <CopyButton text={() => w.current} label={t({ en: "Copy token", nb: "Kopier token" })} />
            </div>
            <ProvenanceNote provenance={w.provenance} />
            <Encoded token={w.current} />
            <TokenTimes claims={claims} now={now} />
            <p className="text-sm text-muted-strong">
              {t({
                en: "Run here in your browser by the same verifier module the sandbox's service provider runs (lib/service-provider/verify.ts): public keys only, no call to Altinn Authorization.",
                nb: "Kjøres her i nettleseren av den samme verifiseringsmodulen som sandkassens tjenestetilbyder bruker (lib/service-provider/verify.ts): bare offentlige nøkler, ingen kall til Altinn Autorisasjon.",
              })}
            </p>
            {result ? (
              <CheckList result={result} />
            ) : (
              <p className="text-muted-strong">
                {keys.jwks
                  ? t({ en: "Checking…", nb: "Kontrollerer …" })
                  : t({ en: "Give the keys (JWKS) to check against.", nb: "Oppgi nøklene (JWKS) det skal kontrolleres mot." })}
              </p>
            )}
          </section>

          <section aria-labelledby="wb-edit" className="panel space-y-2 p-3">
            <h2 id="wb-edit" className="text-lg font-semibold">
              {t({ en: "4. Edit a claim or the header", nb: "4. Endre et claim eller headeren" })}
            </h2>
            <ClaimEditor
              header={w.piece.header}
              claims={w.piece.claims}
              headerEdits={w.headerEdits}
              claimEdits={w.claimEdits}
              onHeader={w.setHeaderEdits}
              onClaims={w.setClaimEdits}
              onResign={() => void resign()}
              onKeep={w.keepSignature}
              onUndo={undo}
              busy={w.busy}
              problem={w.resignProblem}
            />
          </section>
        </>
      )}
    </div>
  );
}
