"use client";

import type { HeaderList } from "@/lib/shared/trace";
import { useT } from "../i18n/locale-provider";
import { HeaderTable } from "../ui/http-text";
import { classifyHeaders, type ClassifiedHeader } from "./headers";

/** A plain table for headers that are not the API's: shown for honesty, greyed so they do not read as the contract. */
function AsideTable({ rows, caption }: { rows: ClassifiedHeader[]; caption: string }) {
  return (
    <table className="w-full table-fixed border-collapse font-mono text-[0.8125rem] text-muted">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map((h, i) => (
          <tr key={`${h.name}${i}`} className="border-b border-dashed border-line align-top last:border-0">
            <th scope="row" className="w-44 py-0.5 pr-2 text-left font-normal break-words">
              {h.name}
            </th>
            <td className="py-0.5 break-all">{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One message's headers in three groups: the service's own (the real API), what Next.js or HTTP added
 * (greyed, with a note), and the sandbox's teaching headers, only when the user asked for them.
 */
export function HeaderGroups({ headers, side, showSandbox }: { headers: HeaderList; side: "request" | "response"; showSandbox: boolean }) {
  const t = useT();
  const all = classifyHeaders(headers);
  const own = all.filter((h) => h.kind === "service");
  const transport = all.filter((h) => h.kind === "transport");
  const sandbox = all.filter((h) => h.kind === "sandbox");
  return (
    <div className="space-y-2">
      <HeaderTable
        headers={own.map((h) => [h.name, h.value])}
        caption={side === "request" ? t({ en: "Request headers", nb: "Headere i forespørselen" }) : t({ en: "Response headers", nb: "Headere i svaret" })}
      />
      {transport.length > 0 && (
        <div data-headers="transport" className="space-y-0.5">
          <p className="text-xs text-muted">
            {t({
              en: "Added by Next.js or the HTTP transport — not part of the real API:",
              nb: "Lagt til av Next.js eller HTTP-transporten – ikke en del av det ekte API-et:",
            })}
          </p>
          <AsideTable
            rows={transport}
            caption={
              side === "request"
                ? t({ en: "Request: framework and transport", nb: "Forespørsel: rammeverk og transport" })
                : t({ en: "Response: framework and transport", nb: "Svar: rammeverk og transport" })
            }
          />
        </div>
      )}
      {showSandbox && sandbox.length > 0 && (
        <div data-headers="sandbox" className="space-y-0.5">
          <p className="text-xs text-muted">
            {t({
              en: "The sandbox's teaching headers — no real service sends or reads them:",
              nb: "Sandkassens læringsheadere – ingen ekte tjeneste sender eller leser dem:",
            })}
          </p>
          <AsideTable
            rows={sandbox}
            caption={side === "request" ? t({ en: "Request: sandbox", nb: "Forespørsel: sandkasse" }) : t({ en: "Response: sandbox", nb: "Svar: sandkasse" })}
          />
        </div>
      )}
    </div>
  );
}
