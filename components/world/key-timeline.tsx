"use client";

import { useT } from "../i18n/locale-provider";
import { ActButton } from "./act-button";
import { KeyCard } from "./key-card";
import type { WorldControls } from "./use-world";
import { TimelineStrip } from "./timeline-strip";
import { sideNow, verdicts, type World } from "./world-model";

/**
 * Dialogporten's keys in this workspace, oldest first: the deployment's two, then whatever the learner
 * published. Each key says where it stands by the documented rules and what the provider would make of a
 * token it signed right now; the buttons are the rotation's steps, and the server's refusals are shown as sent.
 */
export function KeyTimeline({ world, now, controls }: { world: World; now: number; controls: WorldControls }) {
  const t = useT();
  const byKid = verdicts(world, now);
  const rotated = world.keys.keys.some((k) => k.origin === "workspace");
  return (
    <section aria-labelledby="keys-heading" className="panel min-w-0 space-y-3 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="keys-heading" className="text-lg font-semibold">
          {t({ en: "Key timeline: Dialogporten's signing keys", nb: "Nøkkeltidslinje: Dialogportens signeringsnøkler" })}
        </h2>
        <div className="flex flex-wrap gap-2">
          <ActButton primary disabled={controls.busy} onClick={controls.publish}>
            {t({ en: "Publish new key", nb: "Publiser ny nøkkel" })}
          </ActButton>
          <ActButton disabled={controls.busy || !rotated} onClick={controls.resetKeys}>
            {t({ en: "Reset keys", nb: "Tilbakestill nøklene" })}
          </ActButton>
        </div>
      </div>
      <p className="text-sm text-muted-strong">
        {t({
          en: "The documented rules: a new key is in the JWKS at least 48 h before it signs, so every provider's cache (refreshed at most every 24 h) has it in time; the JWKS always holds at least two keys; only Primary signs. Times are on Dialogporten's clock in this workspace.",
          nb: "De dokumenterte reglene: en ny nøkkel ligger i JWKS minst 48 timer før den signerer, så hver tjenestetilbyders buffer (fornyet minst hver 24. time) har den i tide; JWKS har alltid minst to nøkler; bare primærnøkkelen signerer. Tidene følger Dialogportens klokke i dette arbeidsområdet.",
        })}
      </p>
      <TimelineStrip keys={world.keys.keys} dpNow={sideNow(world.clock, now, "dialogporten")} />
      <ol aria-label={t({ en: "Keys, oldest first", nb: "Nøkler, eldste først" })} className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
        {world.keys.keys.map((entry) => (
          <KeyCard key={entry.kid} entry={entry} world={world} now={now} verdict={byKid.get(entry.kid)!} controls={controls} />
        ))}
      </ol>
    </section>
  );
}
