"use client";

import type { CatalogueEntry } from "@/lib/catalogue/entries";
import type { CatalogueRun } from "@/lib/catalogue/run";
import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { TokenView } from "../token/token-view";
import { CopyButton } from "../ui/copy-button";
import type { VerificationResult } from "../exchange/trace-notes";
import type { FieldChange, PartChange } from "./catalogue-token-diff";
import { diffTokens } from "./catalogue-token-diff";

const PART_NAME: Record<PartChange["part"], Text> = {
  header: { en: "Header", nb: "Header" },
  payload: { en: "Payload (claims)", nb: "Payload (claims)" },
  signature: { en: "Signature", nb: "Signatur" },
};

const CARRIED: Record<string, Text> = {
  query: { en: "in the URL's query string (access_token=…)", nb: "i URL-ens spørrestreng (access_token=…)" },
  cookie: { en: "in a Cookie header", nb: "i en Cookie-header" },
  "two-headers": { en: "in two Authorization headers", nb: "i to Authorization-headere" },
  quoted: { en: "in quotes after Bearer", nb: "i anførselstegn etter Bearer" },
};

/** Long values (a signature, a 64 KB claim) are cut in the middle: the change is what matters, not every byte. */
const cut = (s: string | undefined, max = 120) => (s === undefined ? "—" : s.length > max ? `${s.slice(0, max / 2)}…${s.slice(-max / 2)} (${s.length})` : s);

function FieldRow({ f }: { f: FieldChange }) {
  const t = useT();
  const kind = { added: t({ en: "added", nb: "lagt til" }), removed: t({ en: "removed", nb: "fjernet" }), changed: t({ en: "changed", nb: "endret" }) }[f.kind];
  return (
    <tr data-field={f.name} className="border-b border-line last:border-0">
      <th scope="row" className="py-1 pr-3 text-left align-top font-mono font-semibold">
        {f.name}
      </th>
      <td className="py-1 pr-3 align-top text-muted-strong">{kind}</td>
      <td className="py-1 align-top font-mono text-[0.8125rem] break-all">
        <del className="text-muted-strong">{cut(f.before)}</del> <span aria-hidden="true">→</span>
        <span className="sr-only">{t({ en: "becomes", nb: "blir" })}</span>{" "}
        <mark className="rounded bg-amber-200 px-0.5 text-fg dark:bg-amber-700">{cut(f.after)}</mark>
      </td>
    </tr>
  );
}

function PartBlock({ p }: { p: PartChange }) {
  const t = useT();
  return (
    <section data-part={p.part} data-changed="true" aria-label={t(PART_NAME[p.part])} className="space-y-1 rounded-md border-2 border-amber-500 p-2">
      <h4 className="font-semibold">
        {t(PART_NAME[p.part])} <span className="chip chip-warn">{t({ en: "changed", nb: "endret" })}</span>
      </h4>
      {p.fields.length > 0 ? (
        <table className="text-sm">
          <caption className="sr-only">{t({ en: "Members that differ from the issued token", nb: "Felter som avviker fra det utstedte tokenet" })}</caption>
          <tbody>
            {p.fields.map((f) => (
              <FieldRow key={f.name} f={f} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="font-mono text-[0.8125rem] break-all">
          <del className="text-muted-strong">{cut(p.before) || t({ en: "(empty)", nb: "(tom)" })}</del> <span aria-hidden="true">→</span>{" "}
          <mark className="rounded bg-amber-200 px-0.5 text-fg dark:bg-amber-700">{cut(p.after) || t({ en: "(empty)", nb: "(tom)" })}</mark>
        </p>
      )}
    </section>
  );
}

/** The Token tab of an entry's run: what the attack changed (before → after, part by part), then the token as sent. */
export function CatalogueToken({ entry, run, verification }: { entry: CatalogueEntry; run: CatalogueRun; verification: VerificationResult | null }) {
  const t = useT();
  const issued = run.issuedToken ?? "";
  const sent = run.sentToken ?? issued;
  const diff = diffTokens(issued, sent);
  const transport = entry.recipe.transport;
  return (
    <div className="space-y-4" data-testid="catalogue-token" data-same={String(diff.same)}>
      <section aria-labelledby="tampered-heading" className="space-y-2">
        <h3 id="tampered-heading" className="text-base font-semibold">
          {diff.same
            ? t({ en: "The token was sent as Dialogporten issued it", nb: "Tokenet ble sendt slik Dialogporten utstedte det" })
            : t({ en: "What the attack changed before sending", nb: "Hva angrepet endret før sending" })}
        </h3>
        {diff.same && (
          <p className="text-sm">
            {transport && CARRIED[transport]
              ? t(
                  {
                    en: "Not one byte changed: the attack is where the token travels, {where}.",
                    nb: "Ikke én byte er endret: angrepet ligger i hvor tokenet sendes, {where}.",
                  },
                  { where: t(CARRIED[transport]) },
                )
              : entry.kind === "fault"
                ? t({
                    en: "A fault changes a service, not the token: the exchange at the step where the run stopped shows what it caused.",
                    nb: "En feil endrer en tjeneste, ikke tokenet: utvekslingen i steget der kjøringen stoppet, viser hva den førte til.",
                  })
                : t({
                    en: "Not one byte changed: the attack is in what the token is used for.",
                    nb: "Ikke én byte er endret: angrepet ligger i hva tokenet brukes til.",
                  })}
          </p>
        )}
        {diff.parts
          .filter((p) => p.changed)
          .map((p) => (
            <PartBlock key={p.part} p={p} />
          ))}
        {!diff.same && (
          <div className="flex flex-wrap gap-2">
            <CopyButton label={t({ en: "Copy the token as sent", nb: "Kopier tokenet slik det ble sendt" })} text={() => sent} />
            <CopyButton label={t({ en: "Copy the issued token", nb: "Kopier det utstedte tokenet" })} text={() => issued} />
          </div>
        )}
      </section>
      <section aria-labelledby="sent-heading" className="space-y-2">
        <h3 id="sent-heading" className="text-base font-semibold">
          {t({ en: "The token as the service provider got it", nb: "Tokenet slik tjenestetilbyderen fikk det" })}
        </h3>
        <TokenView token={sent} verification={verification} checked />
      </section>
    </div>
  );
}
