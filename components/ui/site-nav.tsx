import { LanguageSwitch } from "../i18n/language-switch";
import { serverT } from "../i18n/server";
import type { Text } from "../i18n/text";

type Page = "/" | "/compare" | "/catalogue" | "/conformance" | "/api-reference" | "/workbench" | "/workspace";

const PAGES: ReadonlyArray<{ href: Page; label: Text }> = [
  { href: "/", label: { en: "Live sequence", nb: "Sekvensen live" } },
  { href: "/compare", label: { en: "Token vs legacy", nb: "Token mot gammel løsning" } },
  { href: "/catalogue", label: { en: "Attacks and faults", nb: "Angrep og feil" } },
  { href: "/conformance", label: { en: "Conformance", nb: "Samsvarstest" } },
  { href: "/api-reference", label: { en: "API", nb: "API" } },
  { href: "/workbench", label: { en: "Token workbench", nb: "Tokenverksted" } },
  { href: "/workspace", label: { en: "Time, keys, policies", nb: "Tid, nøkler, tilganger" } },
];

const LINK =
  "inline-block min-h-6 rounded-sm font-semibold text-indigo-700 underline-offset-2 hover:underline aria-[current=page]:text-fg aria-[current=page]:no-underline dark:text-indigo-300";

/**
 * The pages, linked, and the language switch. Server-rendered links; only the switch is a client component.
 * `vertical` is the list the sequence page puts in its menu (its header must stay one row so the diagram keeps
 * the height; see SequenceRunner).
 */
export async function SiteNav({ current, vertical = false }: { current: Page | null; vertical?: boolean }) {
  const t = await serverT();
  return (
    <nav
      aria-label={t({ en: "Pages", nb: "Sider" })}
      className={vertical ? "flex flex-col gap-3 text-sm" : "flex flex-wrap items-baseline justify-end gap-x-4 text-sm"}
    >
      <ul className={vertical ? "flex flex-col gap-1.5" : "flex flex-wrap justify-end gap-x-4"}>
        {PAGES.map(({ href, label }) => (
          <li key={href}>
            {/* plain <a>, not next/link: that would add ~3 kB to the first-load JS of /; a full page load between these pages is fine */}
            <a href={href} aria-current={href === current ? "page" : undefined} className={LINK}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
      <LanguageSwitch />
    </nav>
  );
}
