"use client";

import { useLocale, useT } from "../i18n/locale-provider";
import type { KeyView } from "./world-api";
import { signed } from "./durations";

const HOUR_MS = 3600_000;

/**
 * The ring drawn on the workspace's time axis, Dialogporten's clock: each key's life from publishing (the
 * deployment's keys: long before) to retirement, a tick where it may start signing, and a line at now. A picture
 * of what the cards below say in words, so it is hidden from assistive technology.
 */
export function TimelineStrip({ keys, dpNow }: { keys: KeyView[]; dpNow: number }) {
  const t = useT();
  const locale = useLocale();
  const times = keys.flatMap((k) => [k.publishedAt, k.signsFrom, k.retiredAt].filter((x): x is string => !!x).map(Date.parse));
  const from = Math.min(dpNow - 24 * HOUR_MS, ...times.map((x) => x - 12 * HOUR_MS));
  const to = Math.max(dpNow + 60 * HOUR_MS, ...times.map((x) => x + 12 * HOUR_MS));
  const at = (ms: number) => `${(((ms - from) / (to - from)) * 100).toFixed(2)}%`;
  const tone: Record<KeyView["status"], string> = {
    primary: "bg-emerald-600 dark:bg-emerald-400",
    published: "bg-slate-400 dark:bg-slate-500",
    retired: "bg-red-300 dark:bg-red-800",
  };
  return (
    <div aria-hidden="true" className="panel-inset space-y-1.5 py-2 text-xs">
      <div className="relative space-y-1.5">
        {keys.map((k) => {
          const start = k.publishedAt ? Date.parse(k.publishedAt) : from;
          const end = k.retiredAt ? Date.parse(k.retiredAt) : to;
          return (
            <div key={k.kid} className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-center gap-2">
              <span className="truncate font-mono">{k.kid.slice(-5)}</span>
              <span className="relative block h-3">
                <span className={`absolute inset-y-0 rounded-full ${tone[k.status]}`} style={{ left: at(start), width: `calc(${at(end)} - ${at(start)})` }} />
                {k.signsFrom && <span className="absolute -inset-y-1 w-0.5 bg-indigo-700 dark:bg-indigo-300" style={{ left: at(Date.parse(k.signsFrom)) }} />}
              </span>
            </div>
          );
        })}
        <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-2 text-muted-strong">
          <span />
          <span className="relative block h-4">
            <span className="absolute top-0 -translate-x-1/2 font-semibold text-amber-800 dark:text-amber-300" style={{ left: at(dpNow) }}>
              {t({ en: "now", nb: "nå" })}
            </span>
            <span className="absolute top-0 right-0">{signed((to - dpNow) / 1000, locale)}</span>
          </span>
        </div>
        <span
          className="pointer-events-none absolute top-0 bottom-5 w-0.5 bg-amber-500"
          style={{ left: `calc(5.5rem + 0.5rem + (100% - 6rem) * ${((dpNow - from) / (to - from)).toFixed(4)})` }}
        />
      </div>
      <p className="text-muted-strong">
        {t({
          en: "Bar: the key's time in the JWKS (green: Primary, grey: published, red: retired); tick: signs from; amber: now.",
          nb: "Stolpe: nøkkelens tid i JWKS (grønn: primær, grå: publisert, rød: trukket tilbake); strek: signerer fra; gul: nå.",
        })}
      </p>
    </div>
  );
}
