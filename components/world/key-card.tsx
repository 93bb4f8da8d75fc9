"use client";

import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { useDateFormat } from "../ui/dates";
import { ActButton } from "./act-button";
import type { KeyPath, KeyVerdict } from "./key-verdict";
import type { WorldControls } from "./use-world";
import type { KeyView } from "./world-api";
import { promoteBlock, retireBlock, type Blocked, type World } from "./world-model";
import { duration } from "./durations";

const STATUS: Record<KeyView["status"], { label: Text; cls: string; icon: string }> = {
  primary: { label: { en: "Primary: signs", nb: "Primær: signerer" }, cls: "chip-ok", icon: "✎" },
  published: { label: { en: "Published", nb: "Publisert" }, cls: "chip-muted", icon: "○" },
  retired: { label: { en: "Retired", nb: "Trukket tilbake" }, cls: "chip-bad", icon: "✗" },
};

const ACCEPTED: Record<KeyPath, Text> = {
  cache: { en: "accepted", nb: "godtatt" },
  fetch: { en: "fetch, then accepted", nb: "hentes, så godtatt" },
  refresh: { en: "refresh, then accepted", nb: "fornyes, så godtatt" },
  refetch: { en: "refetch, then accepted", nb: "hentes på nytt, så godtatt" },
  refetch_skipped: { en: "accepted", nb: "godtatt" },
};

const WHY: Record<KeyPath, Text> = {
  cache: { en: "The provider's cache holds this kid.", nb: "Tjenestetilbyderens buffer har denne kid-en." },
  fetch: {
    en: "The cache is empty: the provider fetches the metadata and the JWKS first.",
    nb: "Bufferen er tom: tjenestetilbyderen henter metadata og JWKS først.",
  },
  refresh: {
    en: "The cached keys are stale: the provider fetches them again first.",
    nb: "De bufrede nøklene er utdaterte: tjenestetilbyderen henter dem på nytt først.",
  },
  refetch: {
    en: "The cache is fresh but lacks this kid: the provider fetches the JWKS once more.",
    nb: "Bufferen er fersk, men mangler denne kid-en: tjenestetilbyderen henter JWKS én gang til.",
  },
  refetch_skipped: {
    en: "Unknown kid, and the provider refetched less than its interval ago: it does not ask again.",
    nb: "Ukjent kid, og tjenestetilbyderen hentet på nytt for kortere tid siden enn intervallet: den spør ikke igjen.",
  },
};

function Verdict({ verdict, retired }: { verdict: KeyVerdict; retired: boolean }) {
  const t = useT();
  return (
    <>
      <span className={`chip ${verdict.accepted ? "chip-ok" : "chip-bad"}`} data-testid="key-verdict">
        <span aria-hidden="true">{verdict.accepted ? "✓" : "✗"}</span>{" "}
        {verdict.accepted ? t(ACCEPTED[verdict.path]) : `${t({ en: "refused", nb: "avvist" })} kid_unknown`}
      </span>{" "}
      <span className="text-muted-strong">
        {t(WHY[verdict.path])}
        {retired &&
          verdict.accepted &&
          ` ${t({ en: "Retired, yet the cache still trusts it until it goes stale.", nb: "Trukket tilbake, men bufferen stoler fortsatt på den til den blir utdatert." })}`}
      </span>
    </>
  );
}

/** Why a button is off, said beside it (the server would answer the same with 409 and its code). */
function reason(blocked: Blocked): Text | null {
  if (!blocked) return null;
  switch (blocked.why) {
    case "primary":
      return { en: "It is Primary: promote another key first.", nb: "Den er primær: forfrem en annen nøkkel først." };
    case "retired":
      return { en: "It was retired: publish a new key.", nb: "Den er trukket tilbake: publiser en ny nøkkel." };
    case "minimum":
      return { en: "The JWKS always holds at least two keys: publish another first.", nb: "JWKS har alltid minst to nøkler: publiser en til først." };
    case "too_new":
      return { en: `Ready to promote in ${duration(blocked.seconds, "en")}.`, nb: `Klar til å forfremmes om ${duration(blocked.seconds, "nb")}.` };
  }
}

/** One key of the ring: where it stands on the timeline, what the provider would make of its tokens, and what may be done with it. */
export function KeyCard({ entry, world, now, verdict, controls }: { entry: KeyView; world: World; now: number; verdict: KeyVerdict; controls: WorldControls }) {
  const t = useT();
  const dates = useDateFormat();
  const promote = promoteBlock(entry, world, now);
  const retire = retireBlock(entry, world);
  const id = `key-${entry.kid}`;
  const when = (iso: string) => (
    <>
      {dates.local(Date.parse(iso))} · <span className="font-mono">{dates.utc(Date.parse(iso))}</span>
    </>
  );
  const promoteWhy = promote?.why === "too_new" ? reason(promote) : null;
  const retireWhy = entry.status === "published" ? reason(retire) : null;
  return (
    <li>
      <article aria-labelledby={`${id}-kid`} className="panel-inset flex h-full min-w-0 flex-col gap-2">
        <header className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={`${id}-kid`} className="min-w-0 font-mono text-sm font-semibold break-all">
            {entry.kid}
          </h3>
          <span className={`chip ${STATUS[entry.status].cls}`}>
            <span aria-hidden="true">{STATUS[entry.status].icon}</span> {t(STATUS[entry.status].label)}
          </span>
        </header>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt className="font-semibold">{t({ en: "Origin", nb: "Opphav" })}</dt>
          <dd>
            {entry.origin === "deployment" ? t({ en: "the deployment's", nb: "installasjonens" }) : t({ en: "this workspace's", nb: "dette arbeidsområdets" })}
          </dd>
          <dt className="font-semibold">{t({ en: "Published", nb: "Publisert" })}</dt>
          <dd className="min-w-0 break-words">{entry.publishedAt ? when(entry.publishedAt) : t({ en: "long ago", nb: "for lenge siden" })}</dd>
          <dt className="font-semibold">{t({ en: "Signs from", nb: "Signerer fra" })}</dt>
          <dd className="min-w-0 break-words">
            {entry.signsFrom ? when(entry.signsFrom) : t({ en: "any time", nb: "når som helst" })}
            {promoteWhy && (
              <span id={`${id}-promote`} className="block font-semibold">
                {t(promoteWhy)}
              </span>
            )}
          </dd>
          {entry.retiredAt && (
            <>
              <dt className="font-semibold">{t({ en: "Retired", nb: "Trukket tilbake" })}</dt>
              <dd className="min-w-0 break-words">{when(entry.retiredAt)}</dd>
            </>
          )}
          <dt className="font-semibold">{t({ en: "Its token at step 5", nb: "Tokenet i steg 5" })}</dt>
          <dd className="min-w-0">
            <Verdict verdict={verdict} retired={entry.status === "retired"} />
          </dd>
        </dl>
        {entry.status !== "retired" && (
          <div className="mt-auto flex flex-wrap items-center gap-2">
            {entry.status === "published" && (
              <ActButton
                disabled={controls.busy || promote !== null}
                describedBy={promoteWhy ? `${id}-promote` : undefined}
                onClick={() => controls.promote(entry.kid, false)}
              >
                {t({ en: "Promote", nb: "Forfrem" })}
              </ActButton>
            )}
            {promote?.why === "too_new" && (
              <ActButton wrap disabled={controls.busy} onClick={() => controls.promote(entry.kid, true)}>
                {t({ en: "Promote early (breaks the 48 h rule)", nb: "Forfrem for tidlig (bryter 48-timersregelen)" })}
              </ActButton>
            )}
            {entry.status === "published" && (
              <ActButton
                disabled={controls.busy || retire !== null}
                describedBy={retireWhy ? `${id}-retire` : undefined}
                onClick={() => controls.retire(entry.kid)}
              >
                {t({ en: "Retire", nb: "Trekk tilbake" })}
              </ActButton>
            )}
            {retireWhy && (
              <p id={`${id}-retire`} className="w-full text-xs text-muted-strong">
                {t(retireWhy)}
              </p>
            )}
          </div>
        )}
      </article>
    </li>
  );
}
