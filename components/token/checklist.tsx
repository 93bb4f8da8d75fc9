"use client";

import type { Exchange } from "@/lib/shared/trace";
import { countCallsTo } from "@/lib/end-user-system/flow";
import { VerdictChip } from "../ui/status";
import { serviceProviderKeyExchanges, serviceProviderNotes } from "../exchange/trace-notes";
import { useT } from "../i18n/locale-provider";
import { KEY_FETCH_WHY } from "../exchange/key-fetch";
import { CHECK_LABELS } from "./check-labels";
import { CheckRow } from "./check-row";

/** Step 5: every check the service provider made, in order, with what it compared; no call to Altinn Authorization. */
export function Checklist({ spExchange }: { spExchange: Exchange }) {
  const t = useT();
  const notes = serviceProviderNotes(spExchange);
  const v = notes.verification;
  const keyCalls = serviceProviderKeyExchanges(spExchange);
  const aa = countCallsTo([spExchange], "authorization");
  if (!v) {
    return (
      <p className="callout-error">
        {t({ en: "The service provider reported no verification", nb: "Tjenestetilbyderen rapporterte ingen validering" })} (
        {spExchange.response
          ? `${spExchange.response.status}${notes.bearer ? `, ${notes.bearer}` : ""}${notes.jwks ? `, ${notes.jwks}` : ""}`
          : spExchange.error}
        ).
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {v.valid ? (
        <p className="callout-ok">
          <VerdictChip verdict="pass" word={t({ en: "Accepted", nb: "Godtatt" })} />{" "}
          {t(
            notes.required
              ? { en: "All {n} checks passed for {action}.", nb: "Alle {n} kontroller besto for {action}." }
              : { en: "All {n} checks passed.", nb: "Alle {n} kontroller besto." },
            {
              n: v.checks.filter((c) => !c.skipped).length,
              action: notes.required ?? "",
            },
          )}
        </p>
      ) : (
        <p className="callout-error">
          <VerdictChip verdict="fail" word={t({ en: "Refused", nb: "Avvist" })} /> {t({ en: "First failure: check", nb: "Første feil: kontrollen" })}{" "}
          <code className="font-mono font-semibold">{v.failure?.code}</code> ({v.failure && t(CHECK_LABELS[v.failure.code])}),{" "}
          {t({ en: "reason code", nb: "årsakskode" })} <code className="font-mono font-semibold">{v.failure?.failure}</code>.{" "}
          {t({ en: "Checks after it were not run (fail closed).", nb: "Kontrollene etter den ble ikke kjørt (fail closed)." })}
        </p>
      )}
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <li>
          {t({ en: "Keys:", nb: "Nøkler:" })}{" "}
          {notes.keySource === "network"
            ? notes.keyFetch
              ? t(
                  { en: "fetched now ({n} calls to Dialogporten): {why}", nb: "hentet nå ({n} kall til Dialogporten): {why}" },
                  { n: keyCalls.length, why: t(KEY_FETCH_WHY[notes.keyFetch]) },
                )
              : t(
                  { en: "fetched now ({n} calls to Dialogporten: metadata, then JWKS)", nb: "hentet nå ({n} kall til Dialogporten: metadata, så JWKS)" },
                  { n: keyCalls.length },
                )
            : notes.keySource === "cache"
              ? t({ en: "from the service provider's JWKS cache, no network", nb: "fra tjenestetilbyderens JWKS-hurtigbuffer, uten nettverk" })
              : t({ en: "not needed", nb: "ikke nødvendig" })}
        </li>
        <li>
          {t({ en: "Calls to Altinn Authorization:", nb: "Kall til Altinn Autorisasjon:" })} <strong className="tabular-nums">{aa}</strong>
        </li>
        {notes.required && (
          <li>
            {t({ en: "Action required:", nb: "Handling som kreves:" })} <code className="font-mono">{notes.required}</code>
          </li>
        )}
      </ul>
      <ol
        aria-label={t({ en: "Checks in the order the service provider ran them", nb: "Kontrollene i den rekkefølgen tjenestetilbyderen kjørte dem" })}
        className="list-none"
      >
        {v.checks.map((c, i) => (
          <CheckRow key={c.code} check={c} n={i + 1} reveal />
        ))}
      </ol>
    </div>
  );
}
