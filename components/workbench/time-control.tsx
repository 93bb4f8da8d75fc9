"use client";

import { useLocale, useT } from "../i18n/locale-provider";
import { dateLocaleTag, useDateFormat } from "../ui/dates";
import type { Text } from "../i18n/text";
import type { Json, TimeMode } from "./model";
import { relativeParts } from "./model";

/** A date as people read it: local time with its zone, the same instant in UTC, and how far from now. */
function useDates() {
  const locale = useLocale();
  const rel = new Intl.RelativeTimeFormat(dateLocaleTag(locale), { numeric: "always", style: "short" });
  return {
    ...useDateFormat(),
    relative: (ms: number, base: number) => {
      const { value, unit } = relativeParts(ms, base);
      return rel.format(value, unit);
    },
  };
}

/** `2025-02-14T09:00:00` in the browser's zone, as a datetime-local input wants it. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
}

const MODES: { mode: TimeMode; label: Text }[] = [
  { mode: "now", label: { en: "Now", nb: "Nå" } },
  { mode: "iat", label: { en: "At the token's iat (its own time)", nb: "Ved tokenets iat (dets egen tid)" } },
  { mode: "chosen", label: { en: "At a chosen time", nb: "Ved et valgt tidspunkt" } },
];

/** When the checks run: a real token from last year is valid at its own time and expired now; both are lessons. */
export function TimeControl({
  mode,
  chosen,
  at,
  onMode,
  onChosen,
}: {
  mode: TimeMode;
  chosen: number | null;
  at: number | null;
  onMode: (m: TimeMode) => void;
  onChosen: (ms: number | null) => void;
}) {
  const t = useT();
  const dates = useDates();
  return (
    <fieldset className="space-y-1">
      <legend className="section-label">{t({ en: "Check at", nb: "Kontroller ved" })}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {MODES.map(({ mode: m, label }) => (
          <label key={m} className="inline-flex min-h-6 items-center gap-1.5">
            <input type="radio" name="check-at" value={m} checked={mode === m} onChange={() => onMode(m)} />
            {t(label)}
          </label>
        ))}
      </div>
      {mode === "chosen" && (
        <label className="flex flex-wrap items-center gap-2">
          <span>{t({ en: "Time (your local time)", nb: "Tidspunkt (din lokale tid)" })}</span>
          <input
            type="datetime-local"
            step={1}
            className="field"
            value={chosen === null ? "" : localInput(chosen)}
            onChange={(e) => {
              const ms = e.target.value ? new Date(e.target.value).getTime() : NaN;
              onChosen(Number.isNaN(ms) ? null : ms);
            }}
          />
        </label>
      )}
      <p className="text-sm text-muted-strong" aria-live="polite">
        {at === null
          ? t({ en: "No time to check at: choose one.", nb: "Ikke noe tidspunkt å kontrollere ved: velg ett." })
          : t({ en: "Checking at {local} ({utc}).", nb: "Kontrollerer ved {local} ({utc})." }, { local: dates.local(at), utc: dates.utc(at) })}
      </p>
    </fieldset>
  );
}

const TIME_CLAIMS: { claim: "iat" | "nbf" | "exp"; label: Text }[] = [
  { claim: "iat", label: { en: "Issued", nb: "Utstedt" } },
  { claim: "nbf", label: { en: "Valid from", nb: "Gyldig fra" } },
  { claim: "exp", label: { en: "Expires", nb: "Utløper" } },
];

/** The token's three times, readable: local, UTC, and relative to now ("expired 3 min ago"). */
export function TokenTimes({ claims, now }: { claims: Json; now: number }) {
  const t = useT();
  const dates = useDates();
  if (now === 0) return null;
  const exp = typeof claims.exp === "number" ? claims.exp * 1000 : null;
  return (
    <div className="space-y-1">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {TIME_CLAIMS.map(({ claim, label }) => {
          const v = claims[claim];
          if (typeof v !== "number") return null;
          const ms = v * 1000;
          return (
            <div key={claim} className="contents">
              <dt className="font-semibold">
                <code className="font-mono">{claim}</code> {t(label)}
              </dt>
              <dd className="min-w-0 break-words">
                {dates.local(ms)} · <span className="font-mono">{dates.utc(ms)}</span> · {dates.relative(ms, now)}
              </dd>
            </div>
          );
        })}
      </dl>
      {exp !== null && (
        <p className={`chip w-fit ${exp < now ? "chip-bad" : "chip-ok"}`} data-testid="expiry">
          <span aria-hidden="true">{exp < now ? "✗" : "✓"}</span>{" "}
          {exp < now
            ? t({ en: "Expired {rel}", nb: "Utløpt {rel}" }, { rel: dates.relative(exp, now) })
            : t({ en: "Expires {rel}", nb: "Utløper {rel}" }, { rel: dates.relative(exp, now) })}
        </p>
      )}
    </div>
  );
}
