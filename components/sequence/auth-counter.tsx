"use client";

import { useT } from "../i18n/locale-provider";

/**
 * The point of the dialog token, made countable: Dialogporten asks Altinn Authorization in steps 1–2,
 * the service provider never does in steps 4–6. Both numbers are counted from the trace. `outcome` is the
 * status of step 6 once it is shown: zero calls then means the token sufficed only if the provider said
 * yes; a refusal made from the token alone is still zero calls, but not a success to tick green.
 */
export function AuthorizationCounter({ early, late, outcome }: { early?: number; late?: number; outcome?: number | null }) {
  const t = useT();
  const lateText = late === undefined ? "–" : String(late);
  const accepted = outcome !== undefined && outcome !== null && outcome < 400;
  const good = late === 0 && accepted;
  const verdict =
    late === undefined
      ? t({ en: "counted from step 4 on", nb: "telles fra steg 4" })
      : late > 0
        ? t({ en: "✗ the provider asked Authorization", nb: "✗ tjenestetilbyderen spurte Autorisasjon" })
        : outcome === undefined
          ? t({ en: "none so far", nb: "ingen så langt" })
          : accepted
            ? t({ en: "✓ none: the token sufficed", nb: "✓ ingen: tokenet var nok" })
            : outcome === null
              ? t({ en: "none; the provider gave no answer", nb: "ingen; tjenestetilbyderen svarte ikke" })
              : t(
                  { en: "none: the provider refused ({status}) from the token alone", nb: "ingen: tjenestetilbyderen avviste ({status}) ut fra tokenet alene" },
                  { status: outcome },
                );
  return (
    <div
      className={`flex max-w-[23.5rem] min-w-0 flex-1 items-center gap-3 rounded-lg border px-2.5 py-1 ${good ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/50" : late ? "border-red-600 bg-red-50 dark:bg-red-950/50" : "border-line"}`}
    >
      <output id="aa-late" aria-labelledby="aa-late-label" aria-live="off" className="w-8 shrink-0 text-center text-3xl leading-none font-bold tabular-nums">
        {lateText}
      </output>
      <div className="min-w-0 text-xs leading-4">
        <p id="aa-late-label" className="text-[0.8125rem] font-semibold">
          {t({ en: "Calls to Altinn Authorization in steps 4–6", nb: "Kall til Altinn Autorisasjon i steg 4–6" })}
        </p>
        {/* Two lines kept free: a longer verdict must not make the row, and so the diagram below it, jump. */}
        <p className="min-h-8 text-muted-strong">
          {t({ en: "steps 1–2:", nb: "steg 1–2:" })} <span className="tabular-nums">{early ?? "–"}</span>
          {" · "}
          {verdict}
        </p>
      </div>
    </div>
  );
}
