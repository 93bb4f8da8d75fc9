"use client";

import { useLocale, useT } from "../i18n/locale-provider";
import { useDateFormat } from "../ui/dates";
import { ActButton } from "./act-button";
import type { WorldControls } from "./use-world";
import { sideNow, type World } from "./world-model";
import { duration } from "./durations";

/**
 * The provider's key cache for this workspace, as the provider itself reports it (on its own clock here): what it
 * holds, until when, and whether an unknown kid would make it ask again. Flushing it makes the next run show the
 * metadata and JWKS fetch.
 */
export function CachePanel({ world, now, controls }: { world: World; now: number; controls: WorldControls }) {
  const t = useT();
  const locale = useLocale();
  const dates = useDateFormat();
  const { cache } = world;
  const spNow = sideNow(world.clock, now, "service-provider");
  const held = cache.cached;
  const staleIn = held ? Math.ceil((Date.parse(held.staleAt) - spNow) / 1000) : 0;
  const refetchIn = cache.kidRefetchAllowedFrom ? Math.ceil((Date.parse(cache.kidRefetchAllowedFrom) - spNow) / 1000) : 0;
  const when = (iso: string) => (
    <>
      {dates.local(Date.parse(iso))} · <span className="font-mono">{dates.utc(Date.parse(iso))}</span>
    </>
  );
  return (
    <section aria-labelledby="cache-heading" className="panel min-w-0 space-y-3 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="cache-heading" className="text-lg font-semibold">
          {t({ en: "The service provider's key cache", nb: "Tjenestetilbyderens nøkkelbuffer" })}
        </h2>
        <ActButton wrap disabled={controls.busy || !held} onClick={controls.flush}>
          {t({ en: "Flush the provider's key cache", nb: "Tøm tjenestetilbyderens nøkkelbuffer" })}
        </ActButton>
      </div>
      <p className="text-sm text-muted-strong">
        {t(
          {
            en: "The provider keeps Dialogporten's JWKS for {ttl} (at most 24 h, the documented limit), and on a kid it does not hold fetches the JWKS once more, at most every {interval}.",
            nb: "Tjenestetilbyderen beholder Dialogportens JWKS i {ttl} (høyst 24 timer, den dokumenterte grensen), og ved en kid den ikke har, henter den JWKS én gang til, høyst hvert {interval}.",
          },
          { ttl: duration(cache.ttlSeconds, locale), interval: duration(cache.refetchIntervalSeconds, locale) },
        )}
      </p>
      {held ? (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm" aria-label={t({ en: "Cached keys", nb: "Bufrede nøkler" })}>
          <dt className="font-semibold">{t({ en: "Kids held", nb: "Kid-er i bufferen" })}</dt>
          <dd className="min-w-0">
            <ul className="font-mono break-all">
              {held.kids.map((kid) => (
                <li key={kid}>{kid}</li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">{t({ en: "Fetched", nb: "Hentet" })}</dt>
          <dd className="min-w-0 break-words">{when(held.fetchedAt)}</dd>
          <dt className="font-semibold">{t({ en: "Stale from", nb: "Utdatert fra" })}</dt>
          <dd className="min-w-0 break-words">
            {when(held.staleAt)}{" "}
            <span className={`chip ${staleIn > 0 ? "chip-ok" : "chip-warn"}`}>
              {staleIn > 0
                ? t({ en: "fresh for {d}", nb: "fersk i {d} til" }, { d: duration(staleIn, locale) })
                : t({ en: "stale: the next token refreshes it", nb: "utdatert: neste token fornyer den" })}
            </span>
          </dd>
          <dt className="font-semibold">{t({ en: "Unknown kid", nb: "Ukjent kid" })}</dt>
          <dd className="min-w-0">
            {refetchIn > 0
              ? t({ en: "no refetch for {d}: one was just made", nb: "ingen ny henting på {d}: én ble nettopp gjort" }, { d: duration(refetchIn, locale) })
              : t({ en: "one refetch allowed now", nb: "én ny henting er tillatt nå" })}
          </dd>
        </dl>
      ) : (
        <p className="callout-info">
          {t({
            en: "Empty: the next token in this workspace makes the provider fetch the metadata and the JWKS (step 5 shows both calls).",
            nb: "Tom: neste token i dette arbeidsområdet får tjenestetilbyderen til å hente metadata og JWKS (steg 5 viser begge kallene).",
          })}
        </p>
      )}
    </section>
  );
}
