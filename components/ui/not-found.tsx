import { SiteNav } from "./site-nav";
import { serverT } from "../i18n/server";

/** What a page address that does not exist shows: where the real pages are. */
export async function NotFoundPage() {
  const t = await serverT();
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-4">
      <header className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t({ en: "Page not found", nb: "Fant ikke siden" })}</h1>
        <SiteNav current={null} />
      </header>
      <p className="text-sm text-muted-strong">
        {t({
          en: "There is no page at this address. The sandbox's pages are linked above.",
          nb: "Det finnes ingen side på denne adressen. Sidene i sandkassen er lenket over.",
        })}
      </p>
    </main>
  );
}
