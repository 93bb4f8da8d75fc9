import { openApiDocument } from "@/lib/sandbox-api/openapi";

/**
 * The OpenAPI document, readable: endpoints grouped by service, each with its methods, what it is for,
 * the token it takes, the sandbox headers it reads and its answers. Rendered on the server from the same
 * document `/sandbox/api/v1/openapi.json` serves; no client JavaScript, no external viewer.
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

function OperationView({ path, method, op }: { path: string; method: string; op: Operation }) {
  const headers = (op.parameters ?? []).flatMap((p) => ("$ref" in p ? [p.$ref.split("/").at(-1)!] : []));
  const security = op.security?.flatMap((s) => Object.keys(s)) ?? [];
  return (
    <li className="space-y-1 border-b border-line py-2 last:border-0" data-operation={`${method.toUpperCase()} ${path}`}>
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className={`chip ${METHOD_CLS[method] ?? "chip-muted"} font-mono uppercase`}>{method}</span>
        <code className="font-mono text-sm font-semibold break-all">{path}</code>
      </p>
      <p className="text-sm">
        <Text text={op.summary} />
      </p>
      {op.description && (
        <p className="text-sm text-muted-strong">
          <Text text={op.description} />
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {security.length > 0 && (
          <>
            <dt className="font-bold text-muted-strong">Token</dt>
            <dd>{security.join(", ")}</dd>
          </>
        )}
        {headers.length > 0 && (
          <>
            <dt className="font-bold text-muted-strong">Sandbox headers</dt>
            <dd className="break-words">{headers.join(", ")}</dd>
          </>
        )}
        <dt className="font-bold text-muted-strong">Answers</dt>
        <dd>
          <ul className="space-y-0.5">
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status} className="break-words">
                <code className="font-semibold">{status}</code> <Text text={r.description} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </li>
  );
}

export function ApiReference({ origin }: { origin: string }) {
  const doc = openApiDocument(origin);
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op: op as Operation })));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        OpenAPI {doc.openapi}:{" "}
        <a href="/sandbox/api/v1/openapi.json" className="font-semibold text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          /sandbox/api/v1/openapi.json
        </a>{" "}
        · server <code className="break-all">{origin}</code>
      </p>
      <nav aria-label="Services" className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {doc.tags.map((t) => (
            <li key={t.name}>
              <a href={`#${slug(t.name)}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
                {t.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {doc.tags.map((t) => (
        <section key={t.name} aria-labelledby={slug(t.name)} className="panel p-3">
          <h2 id={slug(t.name)} className="text-lg font-bold">
            {t.name}
          </h2>
          <ul className="list-none">
            {operations
              .filter((o) => o.op.tags.includes(t.name))
              .map((o) => (
                <OperationView key={`${o.method} ${o.path}`} {...o} />
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="sandbox-headers" className="panel p-3">
        <h2 id="sandbox-headers" className="text-lg font-bold">
          Sandbox request headers
        </h2>
        <dl className="space-y-1 text-sm">
          {Object.values(doc.components.parameters).map((p) => (
            <div key={p.name}>
              <dt>
                <code className="font-semibold">{p.name}</code>
              </dt>
              <dd className="text-muted-strong">
                <Text text={p.description} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
