"use client";

import { useT } from "../i18n/locale-provider";
import { useHydrated } from "../ui/hooks";
import { withLang } from "../workspace/page-link";

const PAGES = [
  { path: "/workspace", label: { en: "Time & keys", nb: "Tid og nøkler" } },
  { path: "/workspace/policies", label: { en: "Policies", nb: "Tilganger" } },
] as const;

/** The workspace's two pages as one: time and keys, and the policies. Links keep the reader's language. */
export function PolicyNav() {
  const t = useT();
  // The language is in the address bar only once the browser runs this (withLang reads it there).
  const lang = useHydrated() ? withLang("") : "";
  return (
    <nav aria-label={t({ en: "Your workspace", nb: "Arbeidsområdet ditt" })}>
      <ul className="flex flex-wrap gap-x-1 border-b border-line text-sm">
        {PAGES.map(({ path, label }) => (
          <li key={path}>
            <a
              href={`${path}${lang ? `?${lang}` : ""}`}
              aria-current={path === "/workspace/policies" ? "page" : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-1.5 font-semibold text-indigo-700 hover:underline aria-[current=page]:border-indigo-700 aria-[current=page]:text-fg aria-[current=page]:no-underline dark:text-indigo-300 dark:aria-[current=page]:border-indigo-300"
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
