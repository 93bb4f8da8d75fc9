"use client";

import { Fragment, useState } from "react";
import { useT } from "../i18n/locale-provider";

/** Compact JWS: three base64url parts starting with an encoded `{"`. */
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** A bearer token shortened to its ends; a button shows all of it. */
export function ShortToken({ token }: { token: string }) {
  const [open, setOpen] = useState(false);
  const t = useT();
  if (token.length <= 40) return <>{token}</>;
  return (
    <>
      {open ? <span className="break-all">{token}</span> : <span>{`${token.slice(0, 16)}…${token.slice(-8)}`}</span>}{" "}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t({ en: "shorten", nb: "forkort" }) : t({ en: "show all {n} chars", nb: "vis alle {n} tegn" }, { n: token.length })}
      </button>
    </>
  );
}

/** Text with every JWT in it shortened but expandable. */
function WithTokens({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(JWT)) {
    parts.push(text.slice(last, m.index));
    parts.push(<ShortToken key={m.index} token={m[0]} />);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}

/** Pretty-prints JSON (and form bodies); other text is shown as it came. */
export function prettyBody(text: string, contentType = ""): string {
  const type = contentType.toLowerCase();
  if (type.includes("json") || /^\s*[{[]/.test(text)) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }
  if (type.includes("x-www-form-urlencoded")) {
    return [...new URLSearchParams(text)].map(([k, v]) => `${k}=${v}`).join("\n");
  }
  return text;
}

export function Body({ text, contentType, label }: { text: string | null; contentType?: string; label: string }) {
  const t = useT();
  if (!text) return <p className="text-sm italic text-muted">{t({ en: "(empty body)", nb: "(tom body)" })}</p>;
  return (
    <figure className="min-w-0">
      <figcaption className="sr-only">{label}</figcaption>
      {/* Focusable: a long body scrolls inside its box, and a keyboard must be able to scroll it too. */}
      <pre className="code-block max-h-96" tabIndex={0}>
        <WithTokens text={prettyBody(text, contentType)} />
      </pre>
      {contentType?.includes("x-www-form-urlencoded") && (
        <p className="mt-1 text-xs text-muted">
          {t({ en: "Form body shown decoded, one field per line.", nb: "Skjemabodyen vises dekodet, ett felt per linje." })}
        </p>
      )}
    </figure>
  );
}

export function HeaderTable({ headers, caption }: { headers: [string, string][]; caption: string }) {
  const t = useT();
  if (headers.length === 0) return <p className="text-sm italic text-muted">{t({ en: "(no headers)", nb: "(ingen headere)" })}</p>;
  return (
    <table className="w-full table-fixed border-collapse font-mono text-[0.8125rem]">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={`${name}${i}`} className="border-b border-line align-top last:border-0">
            <th scope="row" className="w-44 py-0.5 pr-2 text-left font-semibold break-words">
              {name}
            </th>
            <td className="py-0.5 break-all">
              <WithTokens text={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
