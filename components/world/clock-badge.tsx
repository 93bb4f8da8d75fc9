"use client";

import { useLocale, useT } from "../i18n/locale-provider";
import { dateLocaleTag } from "../ui/dates";
import { useHydrated } from "../ui/hooks";
import { carriesClock, type LinkClock } from "../workspace/link-clock";
import { withLang } from "../workspace/page-link";
import { signed } from "./durations";

/**
 * The clock a run is under, beside the workspace bar: a learner whose step 5 fails with token_expired sees
 * why ("clock +11 min") and one click takes them to where it is set. Nothing is shown under the real clock.
 */
export function ClockBadge({ clock }: { clock: LinkClock }) {
  const t = useT();
  const locale = useLocale();
  const search = useHydrated() ? window.location.search : "";
  if (!carriesClock(clock)) return null;
  const frozen = (iso: string) =>
    new Intl.DateTimeFormat(dateLocaleTag(locale), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(
      Date.parse(iso),
    );
  const parts = [
    clock.at !== undefined && t({ en: "frozen {when} UTC", nb: "står på {when} UTC" }, { when: frozen(clock.at) }),
    clock.offset && signed(clock.offset, locale),
    clock.skewDp && t({ en: "skew DP {s}", nb: "avvik DP {s}" }, { s: signed(clock.skewDp, locale) }),
    clock.skewSp && t({ en: "skew SP {s}", nb: "avvik TT {s}" }, { s: signed(clock.skewSp, locale) }),
  ].filter(Boolean);
  const query = withLang("", search);
  return (
    <a
      href={query ? `/workspace?${query}` : "/workspace"}
      className="chip chip-warn min-h-6 whitespace-nowrap no-underline hover:underline"
      data-testid="clock-badge"
    >
      <span aria-hidden="true">◷</span> {t({ en: "Clock", nb: "Klokke" })} {parts.join(" · ")}
      <span className="sr-only"> {t({ en: "(set on Time & keys)", nb: "(stilles under Tid og nøkler)" })}</span>
    </a>
  );
}
