import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { expect } from "vitest";

/**
 * Validates against the real OpenAPI documents (copied unchanged from Altinn/dialogporten into
 * docs/reference; they start with a BOM). Test-only: reads the files with node:fs.
 */
type DocName = "enduser" | "serviceowner";
interface OpenApiDoc {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

const loaded = new Map<string, { doc: OpenApiDoc; ajv: Ajv }>();

function load(name: DocName, strict: boolean) {
  const key = `${name}:${strict}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const text = readFileSync(new URL(`../../docs/reference/dialogporten-openapi-${name}.json`, import.meta.url), "utf8");
  const doc = JSON.parse(text.replace(/^\uFEFF/, "")) as OpenApiDoc;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("guid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema({ $id: "openapi", components: toJsonSchema(doc.components, strict) });
  const entry = { doc, ajv };
  loaded.set(key, entry);
  return entry;
}

/** A validator for one schema of the real document, strict: no property it does not name, no enum value it does not list. */
export function openApiValidator(schemaName: string, docName: DocName = "enduser") {
  const validate = load(docName, true).ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`No schema ${schemaName}`);
  return (value: unknown) => ({ ok: validate(value) as boolean, errors: validate.errors ?? [] });
}

/**
 * Strict response check: the operation (`method` + `path`, the sandbox's `/dialogporten` prefix and the
 * query are dropped) must document `status`, and the body must match that response's schema with no
 * property the document does not name and no enum value it does not list. A status documented without
 * a body (the real 401/403/204) only checks that the status is documented.
 */
export function expectValidResponse(docName: DocName, method: string, path: string, status: number, body: unknown): void {
  const { doc, ajv } = load(docName, true);
  const bare = path
    .replace(/^https?:\/\/[^/]+/, "")
    .replace(/^\/dialogporten/, "")
    .split("?")[0]!;
  const template = Object.keys(doc.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(bare));
  expect(template, `${bare} is not in the ${docName} document`).toBeDefined();
  const operation = doc.paths[template!]![method.toLowerCase()];
  expect(operation, `${method} ${template} is not in the ${docName} document`).toBeDefined();
  const response = operation!.responses?.[String(status)];
  expect(response, `${method} ${template} does not document ${status}`).toBeDefined();
  const content = response!.content;
  if (!content) return;
  const schema = (content["application/json"] ?? content["application/problem+json"] ?? Object.values(content)[0])?.schema;
  if (!schema) return;
  const validate = compiled(ajv, schema);
  const ok = validate(body);
  expect(validate.errors ?? [], `${method} ${template} ${status}: ${JSON.stringify(validate.errors)}`).toEqual([]);
  expect(ok).toBe(true);
}

const compiledSchemas = new WeakMap<object, ValidateFunction>();

/** A response schema inline in a path refers to components; its `$ref`s point at the registered document. */
function compiled(ajv: Ajv, schema: unknown): ValidateFunction {
  const hit = compiledSchemas.get(schema as object);
  if (hit) return hit;
  const json = JSON.stringify(toJsonSchema(schema, true)).replaceAll('"#/components/', '"openapi#/components/');
  const validate = ajv.compile(JSON.parse(json) as object);
  compiledSchemas.set(schema as object, validate);
  return validate;
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema; rewrite it so Ajv checks nulls exactly. In strict
 * mode an object schema that names its properties but says nothing of others takes no others.
 */
function toJsonSchema(node: unknown, strict = false): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, strict));
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === "properties" ? mapValues(v, strict) : toJsonSchema(v, strict)]));
  if (strict && out.properties && !("additionalProperties" in out)) out.additionalProperties = false;
  if (nullable !== true) return out;
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"], ...(Array.isArray(out.enum) && { enum: [...out.enum, null] }) };
  return { anyOf: [out, { type: "null" }] };
}

function mapValues(props: unknown, strict: boolean): unknown {
  if (!props || typeof props !== "object") return props;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v, strict)]));
}
