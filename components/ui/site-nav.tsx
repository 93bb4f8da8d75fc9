/** The pages, linked. Server-rendered HTML only: no client JS. */
export function SiteNav({ current }: { current: "/" | "/compare" | "/catalogue" | "/conformance" | "/api-reference" | null }) {
  const here = (href: string) => (href === current ? ("page" as const) : undefined);
  const cls =
    "rounded-sm font-semibold text-indigo-700 underline-offset-2 hover:underline aria-[current=page]:text-fg aria-[current=page]:no-underline dark:text-indigo-300";
  return (
    <nav aria-label="Pages" className="text-sm">
      <ul className="flex flex-wrap justify-end gap-x-4">
        {/* eslint-disable @next/next/no-html-link-for-pages -- plain <a>: next/link would add ~3 kB to the first-load JS of /, whose budget is 160 kB; a full page load between these pages is fine */}
        <li>
          <a href="/" aria-current={here("/")} className={cls}>
            Live sequence
          </a>
        </li>
        <li>
          <a href="/compare" aria-current={here("/compare")} className={cls}>
            Token vs legacy
          </a>
        </li>
        <li>
          <a href="/catalogue" aria-current={here("/catalogue")} className={cls}>
            Attacks and faults
          </a>
        </li>
        <li>
          <a href="/conformance" aria-current={here("/conformance")} className={cls}>
            Conformance
          </a>
        </li>
        <li>
          <a href="/api-reference" aria-current={here("/api-reference")} className={cls}>
            API
          </a>
        </li>
        {/* eslint-enable @next/next/no-html-link-for-pages */}
      </ul>
    </nav>
  );
}
