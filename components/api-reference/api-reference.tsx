import { openApiDocument } from "@/lib/sandbox-api/openapi";
import { localeNow } from "../i18n/server";
import { fill, type Text as Words } from "../i18n/text";

/**
 * The OpenAPI document, readable: endpoints grouped by service, each with its methods, what it is for,
 * the token it takes, the sandbox headers it reads and its answers. Rendered on the server from the same
 * document `/sandbox/api/v1/openapi.json` serves; no client JavaScript, no external viewer.
 *
 * The document is the API's own text and stays English in both languages, like the real OpenAPI
 * documents; in the Norwegian UI its parts are marked `lang="en"` (WCAG 3.1.2) and a note says so.
 */

interface Operation {
  tags: string[];
  summary: string;
  description?: string;
  security?: Record<string, unknown>[];
  parameters?: ({ $ref: string } | { name: string; in: string })[];
  responses: Record<string, { description: string }>;
}

const METHOD_CLS: Record<string, string> = {
  get: "chip-ok",
  post: "chip-warn",
  put: "chip-warn",
  patch: "chip-warn",
  delete: "chip-bad",
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Inline `code` spans from the document's markdown-ish text; nothing else is interpreted. */
function Text({ text }: { text: string }) {
  return <>{text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith("`") && part.endsWith("`") ? <code key={i}>{part.slice(1, -1)}</code> : part))}</>;
}

const WORDS = {
  token: { en: "Token", nb: "Token" },
  headers: { en: "Sandbox headers", nb: "Sandkassens hoder" },
  answers: { en: "Answers", nb: "Svar" },
  server: { en: "server", nb: "server" },
  services: { en: "Services", nb: "Tjenester" },
  requestHeaders: { en: "Sandbox request headers", nb: "Sandkassens forespørselshoder" },
  english: {
    en: "",
    nb: "Beskrivelsene nedenfor er API-dokumentets egne, og de er på engelsk, som i Dialogportens ekte OpenAPI-dokumenter.",
  },
} satisfies Record<string, Words>;

type Say = (text: Words) => string;

function OperationView({ path, method, op, t }: { path: string; method: string; op: Operation; t: Say }) {
  const headers = (op.parameters ?? []).flatMap((p) => ("$ref" in p ? [p.$ref.split("/").at(-1)!] : []));
  const security = op.security?.flatMap((s) => Object.keys(s)) ?? [];
  return (
    <li className="space-y-1 border-b border-line py-2 last:border-0" data-operation={`${method.toUpperCase()} ${path}`}>
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className={`chip ${METHOD_CLS[method] ?? "chip-muted"} font-mono uppercase`}>{method}</span>
        <code className="font-mono text-sm font-semibold break-all">{path}</code>
      </p>
      <p className="text-sm" lang="en">
        <Text text={op.summary} />
      </p>
      {op.description && (
        <p className="text-sm text-muted-strong" lang="en">
          <Text text={op.description} />
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {security.length > 0 && (
          <>
            <dt className="font-bold text-muted-strong">{t(WORDS.token)}</dt>
            <dd>{security.join(", ")}</dd>
          </>
        )}
        {headers.length > 0 && (
          <>
            <dt className="font-bold text-muted-strong">{t(WORDS.headers)}</dt>
            <dd className="break-words">{headers.join(", ")}</dd>
          </>
        )}
        <dt className="font-bold text-muted-strong">{t(WORDS.answers)}</dt>
        <dd>
          <ul className="space-y-0.5">
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status} className="break-words" lang="en">
                <code className="font-semibold">{status}</code> <Text text={r.description} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </li>
  );
}

export async function ApiReference({ origin }: { origin: string }) {
  const locale = await localeNow();
  const t: Say = (text) => fill(text, locale, {});
  const doc = openApiDocument(origin);
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op: op as Operation })));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        OpenAPI {doc.openapi}:{" "}
        <a href="/sandbox/api/v1/openapi.json" className="font-semibold text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          /sandbox/api/v1/openapi.json
        </a>{" "}
        · {t(WORDS.server)} <code className="break-all">{origin}</code>
      </p>
      {locale === "nb" && <p className="callout-info">{t(WORDS.english)}</p>}
      <nav aria-label={t(WORDS.services)} className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {doc.tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${slug(tag.name)}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
                {tag.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {doc.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={slug(tag.name)} className="panel p-3">
          <h2 id={slug(tag.name)} className="text-lg font-bold">
            {tag.name}
          </h2>
          <ul className="list-none">
            {operations
              .filter((o) => o.op.tags.includes(tag.name))
              .map((o) => (
                <OperationView key={`${o.method} ${o.path}`} {...o} t={t} />
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="sandbox-headers" className="panel p-3">
        <h2 id="sandbox-headers" className="text-lg font-bold">
          {t(WORDS.requestHeaders)}
        </h2>
        <dl className="space-y-1 text-sm">
          {Object.values(doc.components.parameters).map((p) => (
            <div key={p.name}>
              <dt>
                <code className="font-semibold">{p.name}</code>
              </dt>
              <dd className="text-muted-strong" lang="en">
                <Text text={p.description} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
