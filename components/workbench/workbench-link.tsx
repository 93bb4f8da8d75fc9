"use client";

import { useT } from "../i18n/locale-provider";
import { withLang } from "../workspace/page-link";

/** From the sequence page's Token tab to the workbench, carrying the current run's token (and the language). */
export function WorkbenchLink({ token }: { token: string }) {
  const t = useT();
  const query = withLang(new URLSearchParams({ token }).toString(), typeof window === "undefined" ? "" : window.location.search);
  return (
    <a href={`/workbench?${query}`} className="font-semibold text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
      {t({ en: "Open in the token workbench", nb: "Åpne i tokenverkstedet" })}
    </a>
  );
}
