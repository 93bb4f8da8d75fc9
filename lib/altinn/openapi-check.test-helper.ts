import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * The strict check of a response against the real OpenAPI documents (copied unchanged from
 * Altinn/dialogporten into docs/reference; they start with a BOM), with no test framework in it, so Vitest
 * (openapi.test-helper.ts, mocks/validating.ts) and Playwright (e2e/support/openapi-wire.ts) share it.
 * Test-only: it reads the files with node:fs.
 */
export type DocName = "enduser" | "serviceowner";
interface OpenApiDoc {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

const loaded = new Map<DocName, { doc: OpenApiDoc; ajv: Ajv }>();

function load(name: DocName) {
  const hit = loaded.get(name);
  if (hit) return hit;
  const text = readFileSync(new URL(`../../docs/reference/dialogporten-openapi-${name}.json`, import.meta.url), "utf8");
  const doc = JSON.parse(text.replace(/^\uFEFF/, "")) as OpenApiDoc;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("guid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema({ $id: "openapi", components: toJsonSchema(doc.components) });
  const entry = { doc, ajv };
  loaded.set(name, entry);
  return entry;
}

/** A validator for one schema of the real document, strict: no property it does not name, no enum value it does not list. */
export function schemaValidator(schemaName: string, docName: DocName = "enduser") {
  const validate = load(docName).ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`No schema ${schemaName}`);
  return (value: unknown) => ({ ok: validate(value) as boolean, errors: validate.errors ?? [] });
}

/** Which document a URL's path belongs to: the end-user or the service-owner API; anything else is no Dialogporten REST answer. */
export function documentOf(url: string): DocName | undefined {
  const path = barePath(url);
  if (path.startsWith("/api/v1/enduser/")) return "enduser";
  if (path.startsWith("/api/v1/serviceowner/")) return "serviceowner";
  return undefined;
}

/** The path as the real API has it: no origin, no query, no `/dialogporten` prefix (the gateway's). */
function barePath(url: string): string {
  return url
    .replace(/^https?:\/\/[^/]+/, "")
    .split("?")[0]!
    .replace(/^\/dialogporten/, "");
}

/**
 * Statuses the real API answers that its document does not list, each with the code that answers it
 * (docs/fidelity.md, "Every response checked"); their bodies are still checked as ProblemDetails.
 */
function undocumented(method: string, template: string, status: number): string | undefined {
  if (status === 502) return "GlobalExceptionHandler: an upstream (Authorization) failed";
  if (status === 400 && (/\{[^}]+\}/.test(template) || method === "GET")) return "FastEndpoints/MVC binding: a malformed id or query value";
  if (status === 415 && method !== "GET") return "ASP.NET: a body of another media type than the operation consumes";
  if (status === 410 && method === "GET" && template === "/api/v1/enduser/dialogs/{dialogId}") return "GetDialogQuery: EntityDeleted";
  return undefined;
}

/**
 * The problems with one response, empty when it is what the document says: the operation (`method` +
 * path) must document `status`, and the body must match that response's schema with no property the
 * document does not name and no enum value it does not list. A status documented without a body (the
 * real 401/403/204) only checks that the status is documented.
 */
export function responseProblems(docName: DocName, method: string, url: string, status: number, body: unknown): string[] {
  const { doc, ajv } = load(docName);
  const bare = barePath(url);
  const template = Object.keys(doc.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(bare));
  const problem = (what: string) =>
    body === undefined ? [] : schemaProblems(ajv, { $ref: "#/components/schemas/ProblemDetails" }, body, `${method} ${template ?? bare} ${status} (${what})`);
  // A path the API does not have: the router's 404, as the real one answers.
  if (!template) return status === 404 ? problem("no such path") : [`${bare} is not in the ${docName} document`];
  const operation = doc.paths[template]![method.toLowerCase()];
  // A method the path does not have: ASP.NET's 405, as the real API answers.
  if (!operation) return status === 405 ? problem("no such operation") : [`${method} ${template} is not in the ${docName} document`];
  const response = operation.responses?.[String(status)];
  if (!response) {
    const why = undocumented(method.toUpperCase(), template, status);
    return why ? problem(why) : [`${method} ${template} does not document ${status}`];
  }
  const schema = (response.content?.["application/json"] ?? response.content?.["application/problem+json"] ?? Object.values(response.content ?? {})[0])?.schema;
  if (!schema) return [];
  return schemaProblems(ajv, schema, body, `${method} ${template} ${status}`);
}

function schemaProblems(ajv: Ajv, schema: unknown, body: unknown, where: string): string[] {
  const validate = compiled(ajv, schema);
  return validate(body) ? [] : [`${where}: ${JSON.stringify(validate.errors)}`];
}

/** A body as the test received it: JSON when it parses, otherwise the text (or undefined when empty). */
export function bodyOf(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const compiledSchemas = new WeakMap<object, ValidateFunction>();

/** A response schema inline in a path refers to components; its `$ref`s point at the registered document. */
function compiled(ajv: Ajv, schema: unknown): ValidateFunction {
  const hit = compiledSchemas.get(schema as object);
  if (hit) return hit;
  const json = JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"openapi#/components/');
  const validate = ajv.compile(JSON.parse(json) as object);
  compiledSchemas.set(schema as object, validate);
  return validate;
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema; rewrite it so Ajv checks nulls exactly. An object
 * schema that names its properties but says nothing of others takes no others (strict).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n));
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === "properties" ? mapValues(v) : toJsonSchema(v)]));
  if (out.properties && !("additionalProperties" in out)) out.additionalProperties = false;
  if (nullable !== true) return out;
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"], ...(Array.isArray(out.enum) && { enum: [...out.enum, null] }) };
  return { anyOf: [out, { type: "null" }] };
}

function mapValues(props: unknown): unknown {
  if (!props || typeof props !== "object") return props;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v)]));
}
