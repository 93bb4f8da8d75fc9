import { SiteNav } from "./site-nav";

/** What a page address that does not exist shows: where the real pages are. */
export function NotFoundPage() {
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-4">
      <header className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
        <SiteNav current={null} />
      </header>
      <p className="text-sm text-muted-strong">There is no page at this address. The sandbox&apos;s pages are linked above.</p>
    </main>
  );
}
