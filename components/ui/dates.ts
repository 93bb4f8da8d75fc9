"use client";

import { useLocale } from "../i18n/locale-provider";
import type { Locale } from "../i18n/locale";

export const dateLocaleTag = (locale: Locale) => (locale === "nb" ? "nb-NO" : "en-GB");

/** An instant as people read it: in their own zone with its name, and the same instant in UTC (ISO 8601). */
export function useDateFormat() {
  const locale = useLocale();
  const local = new Intl.DateTimeFormat(dateLocaleTag(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  });
  return {
    local: (ms: number) => local.format(ms),
    utc: (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}
