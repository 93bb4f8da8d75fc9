"use client";

import { useLocale, useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { useDateFormat } from "../ui/dates";
import type { LinkClock } from "../workspace/link-clock";
import { ActButton } from "./act-button";
import type { TimeOutcome } from "./time-verdict";
import type { WorldControls } from "./use-world";
import { jumpEffect, sideNow, workspaceNow, type Side, type World } from "./world-model";
import { signed } from "./durations";

const MIN = 60;
const HOUR = 3600;
/** The jumps the issue asks for: inside and past the token's ten minutes, past the cache's hour and a day, to the 48 h of a key. */
const JUMPS = [5 * MIN, 11 * MIN, HOUR, 25 * HOUR, 48 * HOUR] as const;

const TOKEN_AFTER: Record<TimeOutcome, Text> = {
  accepted: { en: "a token issued before it still passes", nb: "et token utstedt før det består fortsatt" },
  token_expired: { en: "a token issued before it: token_expired", nb: "et token utstedt før det: token_expired" },
  token_not_yet_valid: { en: "a token issued before it: token_not_yet_valid", nb: "et token utstedt før det: token_not_yet_valid" },
};

const SIDES: { side: Side; name: Text; skew: keyof LinkClock }[] = [
  { side: "dialogporten", name: { en: "Dialogporten (issues, step 3)", nb: "Dialogporten (utsteder, steg 3)" }, skew: "skewDp" },
  { side: "service-provider", name: { en: "Service provider (checks, step 5)", nb: "Tjenestetilbyderen (kontrollerer, steg 5)" }, skew: "skewSp" },
];

function Mode({ clock }: { clock: LinkClock }) {
  const t = useT();
  const locale = useLocale();
  if (clock.at !== undefined) return <span className="chip chip-warn">{t({ en: "Frozen", nb: "Står stille" })}</span>;
  if (clock.offset) return <span className="chip chip-warn">{t({ en: "Running, {d}", nb: "Går, {d}" }, { d: signed(clock.offset, locale) })}</span>;
  return <span className="chip chip-ok">{t({ en: "Real clock", nb: "Ekte klokke" })}</span>;
}

/**
 * The workspace's clock, live: what every service of this workspace reads, each side with its skew, and jumps
 * forward that move it for this workspace only. A jump after step 3 is how a token expires before step 5.
 */
export function ClockPanel({ world, now, controls }: { world: World; now: number; controls: WorldControls }) {
  const t = useT();
  const locale = useLocale();
  const dates = useDateFormat();
  const { clock } = world;
  const ws = workspaceNow(clock, now);
  const busy = controls.busy;
  const jump = (seconds: number) =>
    controls.setClock(
      { ...clock, offset: (clock.offset ?? 0) + seconds },
      { en: `Clock moved ${signed(seconds, "en")}.`, nb: `Klokka er flyttet ${signed(seconds, "nb")}.` },
    );
  const backToNow = () => controls.setClock({ skewDp: clock.skewDp, skewSp: clock.skewSp }, { en: "Back to the real time.", nb: "Tilbake til ekte tid." });
  const freeze = () =>
    controls.setClock(
      { at: new Date(Math.floor(ws / 1000) * 1000).toISOString(), skewDp: clock.skewDp, skewSp: clock.skewSp },
      { en: "Clock frozen: tokens are now reproducible.", nb: "Klokka står stille: tokenene kan nå gjenskapes." },
    );
  const run = () =>
    controls.setClock({ offset: clock.offset, skewDp: clock.skewDp, skewSp: clock.skewSp }, { en: "Clock running again.", nb: "Klokka går igjen." });

  return (
    <section aria-labelledby="clock-heading" className="panel min-w-0 space-y-3 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="clock-heading" className="text-lg font-semibold">
          {t({ en: "The workspace clock", nb: "Arbeidsområdets klokke" })}
        </h2>
        <Mode clock={clock} />
      </div>
      <p className="text-3xl font-semibold tabular-nums" aria-live="off" data-testid="workspace-now">
        {now === 0 ? "…" : dates.local(ws)}
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">UTC</dt>
        <dd className="font-mono break-words">{now === 0 ? "…" : dates.utc(ws)}</dd>
        {SIDES.filter((s) => clock[s.skew]).map((s) => (
          <div key={s.side} className="contents">
            <dt className="font-semibold">{t(s.name)}</dt>
            <dd className="min-w-0 break-words">
              <span className="font-mono">{dates.utc(sideNow(clock, now, s.side))}</span> ({t({ en: "skew", nb: "avvik" })}{" "}
              {signed(clock[s.skew] as number, locale)})
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted-strong">
        {t({
          en: "Every service of this workspace reads this clock; other workspaces keep the real one. Run to step 3 on the sequence page, jump here, then go on: the token from step 3 meets the new time at step 5.",
          nb: "Alle tjenestene i dette arbeidsområdet leser denne klokka; andre arbeidsområder beholder den ekte. Kjør til steg 3 på sekvenssiden, hopp her, og fortsett: tokenet fra steg 3 møter den nye tiden i steg 5.",
        })}
      </p>
      <ul aria-label={t({ en: "Jump forward", nb: "Hopp fremover" })} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {JUMPS.map((seconds) => {
          const effect = jumpEffect(seconds, world, now);
          const id = `jump-${seconds}`;
          const notes = [
            t(TOKEN_AFTER[effect.token]),
            effect.cacheStale && t({ en: "the provider's key cache goes stale", nb: "tjenestetilbyderens nøkkelbuffer blir utdatert" }),
            effect.promotable.length === 1 && t({ en: "a new key may then be promoted", nb: "en ny nøkkel kan da forfremmes" }),
            effect.promotable.length > 1 &&
              t({ en: "{n} new keys may then be promoted", nb: "{n} nye nøkler kan da forfremmes" }, { n: effect.promotable.length }),
          ].filter(Boolean);
          return (
            <li key={seconds} className="flex min-w-0 flex-col gap-1">
              <ActButton disabled={busy} describedBy={id} onClick={() => jump(seconds)}>
                {signed(seconds, locale)}
              </ActButton>
              <span id={id} className="text-xs text-muted-strong">
                <span aria-hidden="true">{effect.token === "accepted" ? "✓ " : "✗ "}</span>
                {notes.join("; ")}
              </span>
            </li>
          );
        })}
        <li className="flex min-w-0 flex-col gap-1">
          <ActButton disabled={busy || !(clock.offset || clock.at)} describedBy="jump-now" onClick={backToNow}>
            {t({ en: "Back to now", nb: "Tilbake til nå" })}
          </ActButton>
          <span id="jump-now" className="text-xs text-muted-strong">
            {t({ en: "no offset, not frozen; the skews stay", nb: "ingen forskyvning, ikke stoppet; avvikene blir stående" })}
          </span>
        </li>
      </ul>
      <div className="flex flex-wrap gap-2">
        {clock.at === undefined ? (
          <ActButton disabled={busy} onClick={freeze}>
            {t({ en: "Freeze the clock here", nb: "Stopp klokka her" })}
          </ActButton>
        ) : (
          <ActButton disabled={busy} onClick={run}>
            {t({ en: "Let the clock run", nb: "La klokka gå" })}
          </ActButton>
        )}
        <ActButton
          disabled={busy}
          onClick={() => controls.setClock({}, { en: "Clock reset: the real time, no skew.", nb: "Klokka er tilbakestilt: ekte tid, uten avvik." })}
        >
          {t({ en: "Reset clock", nb: "Tilbakestill klokka" })}
        </ActButton>
      </div>
    </section>
  );
}
