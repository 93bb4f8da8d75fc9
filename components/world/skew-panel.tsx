"use client";

import { useState } from "react";
import { CLOCK_LIMITS } from "@/lib/store/clock";
import { useLocale, useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { ActButton } from "./act-button";
import { timeVerdict, type TimeVerdict } from "./time-verdict";
import type { WorldControls } from "./use-world";
import { type World } from "./world-model";
import { duration, signed } from "./durations";

/** A field's text as a skew in whole seconds within the API's bounds, or null while it is not one. */
function secondsOf(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return Math.abs(n) <= CLOCK_LIMITS.skewSeconds ? n : null;
}

const OUTCOME: Record<TimeVerdict["outcome"], Text> = {
  accepted: { en: "accepted", nb: "godtatt" },
  token_not_yet_valid: { en: "refused with token_not_yet_valid", nb: "avvist med token_not_yet_valid" },
  token_expired: { en: "refused with token_expired", nb: "avvist med token_expired" },
};

/** The sentence that says what step 5 will make of a token issued now, with these skews. */
function Prediction({ verdict, leeway }: { verdict: TimeVerdict; leeway: number }) {
  const t = useT();
  const locale = useLocale();
  const gap = verdict.gapSeconds;
  const where =
    gap === 0
      ? t({ en: "at the very second of its iat", nb: "i samme sekund som iat" })
      : gap > 0
        ? t({ en: "{d} after its iat", nb: "{d} etter iat" }, { d: duration(gap, locale) })
        : t({ en: "{d} before its iat", nb: "{d} før iat" }, { d: duration(gap, locale) });
  const why =
    verdict.outcome === "accepted"
      ? t({ en: "within the provider's leeway of {l} s", nb: "innenfor tjenestetilbyderens slingringsmonn på {l} s" }, { l: leeway })
      : t({ en: "{d} beyond the leeway of {l} s", nb: "{d} utenfor slingringsmonnet på {l} s" }, { d: duration(verdict.beyondSeconds, locale), l: leeway });
  return (
    <p className={verdict.outcome === "accepted" ? "callout-ok" : "callout-error"} data-testid="step5-prediction">
      <span aria-hidden="true">{verdict.outcome === "accepted" ? "✓ " : "✗ "}</span>
      {t(
        {
          en: "A token Dialogporten issues now meets the provider's clock {where}: step 5 {outcome}, {why}.",
          nb: "Et token Dialogporten utsteder nå, møter tjenestetilbyderens klokke {where}: steg 5 {outcome}, {why}.",
        },
        { where, outcome: t(OUTCOME[verdict.outcome]), why },
      )}
    </p>
  );
}

/**
 * Skew: Dialogporten's clock and the provider's apart. Within the provider's leeway (its running value, from its
 * own endpoint) nothing changes; beyond it `nbf` or `exp` fails. The prediction follows the fields as typed.
 */
export function SkewPanel({ world, controls }: { world: World; controls: WorldControls }) {
  const t = useT();
  const { clock, cache } = world;
  const [dpText, setDpText] = useState(String(clock.skewDp ?? 0));
  const [spText, setSpText] = useState(String(clock.skewSp ?? 0));
  // A skew set elsewhere (a link, the other tab, Reset clock) replaces what the fields showed.
  const [shown, setShown] = useState(clock);
  if (shown.skewDp !== clock.skewDp || shown.skewSp !== clock.skewSp) {
    setShown(clock);
    setDpText(String(clock.skewDp ?? 0));
    setSpText(String(clock.skewSp ?? 0));
  }
  const dp = secondsOf(dpText);
  const sp = secondsOf(spText);
  const valid = dp !== null && sp !== null;
  const pending = valid && (dp !== (clock.skewDp ?? 0) || sp !== (clock.skewSp ?? 0));
  const verdict = timeVerdict({ skewDp: dp ?? 0, skewSp: sp ?? 0, leewaySeconds: cache.leewaySeconds });
  const apply = () => {
    if (dp === null || sp === null) return;
    const said = (l: "en" | "nb") => `Dialogporten ${signed(dp, l)}, ${l === "en" ? "provider" : "tjenestetilbyderen"} ${signed(sp, l)}.`;
    return controls.setClock({ ...clock, skewDp: dp, skewSp: sp }, { en: `Skew set: ${said("en")}`, nb: `Avvik satt: ${said("nb")}` });
  };

  const field = (id: string, label: Text, text: string, set: (v: string) => void) => (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className="text-sm font-semibold">
        {t(label)}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={-CLOCK_LIMITS.skewSeconds}
        max={CLOCK_LIMITS.skewSeconds}
        step={1}
        className="field w-32"
        value={text}
        aria-invalid={secondsOf(text) === null || undefined}
        aria-describedby="skew-hint"
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );

  return (
    <section aria-labelledby="skew-heading" className="panel min-w-0 space-y-3 p-3">
      <h2 id="skew-heading" className="text-lg font-semibold">
        {t({ en: "Skew between issuer and verifier", nb: "Avvik mellom utsteder og kontrollør" })}
      </h2>
      <p className="text-sm text-muted-strong">
        {t(
          {
            en: "Dialogporten writes nbf = iat and exp = iat + 10 min by its own clock; the service provider checks them by its own clock and allows {l} s either way, its leeway for clocks that drift apart. Move one side's clock to see the leeway hold, and then give way.",
            nb: "Dialogporten skriver nbf = iat og exp = iat + 10 min etter sin egen klokke; tjenestetilbyderen kontrollerer dem etter sin klokke og tillater {l} s begge veier, slingringsmonnet for klokker som glir fra hverandre. Flytt den ene sidens klokke og se slingringsmonnet holde – og så gi etter.",
          },
          { l: cache.leewaySeconds },
        )}
      </p>
      <form
        aria-label={t({ en: "Skew", nb: "Avvik" })}
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!controls.busy) void apply();
        }}
      >
        {field("skew-dp", { en: "Dialogporten, seconds", nb: "Dialogporten, sekunder" }, dpText, setDpText)}
        {field("skew-sp", { en: "Service provider, seconds", nb: "Tjenestetilbyderen, sekunder" }, spText, setSpText)}
        <button type="submit" className="btn-primary" aria-disabled={controls.busy || !valid || undefined}>
          {t({ en: "Set skew", nb: "Sett avvik" })}
        </button>
        <ActButton
          disabled={controls.busy || !(clock.skewDp || clock.skewSp)}
          onClick={() => controls.setClock({ at: clock.at, offset: clock.offset }, { en: "No skew.", nb: "Uten avvik." })}
        >
          {t({ en: "No skew", nb: "Uten avvik" })}
        </ActButton>
      </form>
      <p id="skew-hint" className="text-xs text-muted-strong">
        {t(
          {
            en: "Whole seconds, −{max} to +{max}; positive runs ahead of the workspace clock.",
            nb: "Hele sekunder, −{max} til +{max}; positivt går foran arbeidsområdets klokke.",
          },
          { max: CLOCK_LIMITS.skewSeconds },
        )}
      </p>
      <div aria-live="polite" className="space-y-1">
        {valid ? (
          <Prediction verdict={verdict} leeway={cache.leewaySeconds} />
        ) : (
          <p className="callout-error">
            {t(
              { en: "A skew is a whole number of seconds within ±{max}.", nb: "Et avvik er et helt antall sekunder innenfor ±{max}." },
              { max: CLOCK_LIMITS.skewSeconds },
            )}
          </p>
        )}
        {pending && <p className="text-sm text-muted-strong">{t({ en: "Not set yet: press Set skew.", nb: "Ikke satt ennå: trykk Sett avvik." })}</p>}
      </div>
    </section>
  );
}
