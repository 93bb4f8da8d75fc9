"use client";

import { useEffect, useRef } from "react";
import type { Exchange } from "@/lib/shared/trace";
import { countCallsTo } from "@/lib/end-user-system/flow";
import { VerdictChip } from "../ui/status";
import type { Check } from "../exchange/trace-notes";
import { serviceProviderKeyExchanges, serviceProviderNotes } from "../exchange/trace-notes";
import { useT } from "../i18n/locale-provider";
import { KEY_FETCH_WHY } from "../exchange/key-fetch";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

function CheckItem({ check, n }: { check: Check; n: number }) {
  const t = useT();
  const verdict = check.ok ? (check.skipped ? "info" : "pass") : check.skipped ? "skip" : "fail";
  const ref = useRef<HTMLLIElement>(null);
  // The failing check is the one to talk about: bring it into the panel's view (the panel scrolls, not the page).
  useEffect(() => {
    if (verdict === "fail") ref.current?.scrollIntoView({ block: "nearest" });
  }, [verdict]);
  return (
    <li
      ref={ref}
      className={`grid grid-cols-[1.5rem_minmax(0,1fr)] gap-x-2 sm:grid-cols-[2rem_6.5rem_minmax(0,1fr)] border-b border-line py-1.5 last:border-0 ${verdict === "fail" ? "bg-red-50 dark:bg-red-950/40" : ""}`}
    >
      <span className="text-right font-mono text-sm text-muted tabular-nums">{n}.</span>{" "}
      <span>
        <VerdictChip verdict={verdict} />
      </span>{" "}
      <div className="min-w-0 space-y-0.5 max-sm:col-start-2">
        <p>
          <code className="font-mono font-semibold">{check.code}</code> {check.label}
          {check.failure && (
            <>
              {" "}
              → <code className="font-mono font-semibold text-red-700 dark:text-red-300">{check.failure}</code>
            </>
          )}
        </p>
        {(check.expected !== undefined || check.actual !== undefined) && (
          <p className="font-mono text-[0.8125rem] break-all">
            <span className="text-muted">{t({ en: "expected", nb: "forventet" })}</span> {show(check.expected)}{" "}
            <span className="text-muted">· {t({ en: "actual", nb: "faktisk" })}</span> {show(check.actual)}
          </p>
        )}
        <p className="text-sm text-muted-strong">{check.detail}</p>
      </div>
    </li>
  );
}

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
          <code className="font-mono font-semibold">{v.failure?.code}</code> ({v.failure?.label}), {t({ en: "reason code", nb: "årsakskode" })}{" "}
          <code className="font-mono font-semibold">{v.failure?.failure}</code>.{" "}
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
                  {
                    n: keyCalls.length,
                    why: t(KEY_FETCH_WHY[notes.keyFetch]),
                  },
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
          <CheckItem key={c.code} check={c} n={i + 1} />
        ))}
      </ol>
    </div>
  );
}
