"use client";

import { LOCALE_PARAM, type Locale } from "./locale";
import { useLocale } from "./locale-provider";

const NAMES: Record<Locale, { label: string; lang: Locale }> = {
  en: { label: "English", lang: "en" },
  nb: { label: "Norsk", lang: "nb" },
};

/**
 * Links to this page in the other language. Each keeps the page's whole query (persona, step, workspace
 * link…) and sets `lang`, so the choice is in the address bar and in every copied link; the server
 * remembers it in a cookie (proxy.ts). Without JS the plain `?lang=` link still switches.
 */
export function LanguageSwitch() {
  const locale = useLocale();
  return (
    <ul className="flex gap-x-2" aria-label={locale === "nb" ? "Språk" : "Language"}>
      {(Object.keys(NAMES) as Locale[]).map((id) => (
        <li key={id}>
          <a
            href={`?${LOCALE_PARAM}=${id}`}
            lang={NAMES[id].lang}
            hrefLang={NAMES[id].lang}
            aria-current={id === locale ? "true" : undefined}
            onClick={(event) => {
              event.preventDefault();
              const query = new URLSearchParams(window.location.search);
              query.set(LOCALE_PARAM, id);
              // A full load on purpose: the server renders every text in the chosen language and sets the cookie.
              // eslint-disable-next-line @next/next/no-location-assign-relative-destination
              window.location.assign(`${window.location.pathname}?${query.toString()}`);
            }}
            className="inline-block min-h-6 rounded-sm px-1 font-semibold text-indigo-700 underline-offset-2 hover:underline aria-[current=true]:text-fg aria-[current=true]:no-underline dark:text-indigo-300"
          >
            {NAMES[id].label}
          </a>
        </li>
      ))}
    </ul>
  );
}
