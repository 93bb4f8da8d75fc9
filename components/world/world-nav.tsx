"use client";

import { useT } from "../i18n/locale-provider";
import type { Text } from "../i18n/text";
import { useHydrated } from "../ui/hooks";
import { withLang } from "../workspace/page-link";

type WorldSubPage = "/workspace" | "/workspace/policies";

const PAGES: ReadonlyArray<{ href: WorldSubPage; label: Text }> = [
  { href: "/workspace", label: { en: "Time & keys", nb: "Tid og nøkler" } },
  { href: "/workspace/policies", label: { en: "Policies", nb: "Tilganger" } },
];

/** The workspace's own pages, one sub-navigation so they read as one place: what this participant's world is made of. */
export function WorldNav({ current }: { current: WorldSubPage }) {
  const t = useT();
  // The server renders plain links; once hydrated they carry the reader's ?lang= like every other link the pages write.
  const search = useHydrated() ? window.location.search : "";
  return (
    <nav aria-label={t({ en: "Workspace pages", nb: "Sider om arbeidsområdet" })}>
      <ul className="flex flex-wrap gap-1 rounded-lg border border-line bg-surface p-1 text-sm">
        {PAGES.map(({ href, label }) => {
          const query = withLang("", search);
          return (
            <li key={href}>
              <a
                href={query ? `${href}?${query}` : href}
                aria-current={href === current ? "page" : undefined}
                className="inline-block rounded-md px-3 py-1 font-semibold text-indigo-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white dark:text-indigo-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-300 dark:aria-[current=page]:text-indigo-950"
              >
                {t(label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
