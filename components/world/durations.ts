import type { Locale } from "../i18n/locale";

/** Durations as the clock panel, the key timeline and the sequence page's clock badge say them (no other imports: the badge is on `/`). */

const UNITS: Record<Locale, { s: string; min: string; h: string; d: string }> = {
  en: { s: "s", min: "min", h: "h", d: "d" },
  nb: { s: "s", min: "min", h: "t", d: "d" },
};

/** A duration as people say it on a clock: "45 s", "11 min", "31 h", "2 d 4 h" (the two largest units). */
export function duration(totalSeconds: number, locale: Locale): string {
  const u = UNITS[locale];
  const s = Math.round(Math.abs(totalSeconds));
  const parts: [number, string][] =
    s < 60
      ? [[s, u.s]]
      : s < 3600
        ? [
            [Math.floor(s / 60), u.min],
            [s % 60, u.s],
          ]
        : s < 72 * 3600
          ? [
              [Math.floor(s / 3600), u.h],
              [Math.floor((s % 3600) / 60), u.min],
            ]
          : [
              [Math.floor(s / 86_400), u.d],
              [Math.floor((s % 86_400) / 3600), u.h],
            ];
  return parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(" ");
}

/** A signed duration, "+11 min" or "−30 s" (a real minus sign). */
export const signed = (seconds: number, locale: Locale): string => `${seconds < 0 ? "\u2212" : "+"}${duration(seconds, locale)}`;
