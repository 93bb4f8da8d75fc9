import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

/**
 * Validates strictly against the real end-user OpenAPI document (copied unchanged from Altinn/dialogporten
 * into docs/reference; it starts with a BOM): an object schema that lists its properties admits no others
 * unless it says so, and every enum is checked. Test-only: reads the file with node:fs.
 */
export function openApiValidator(schemaName: string) {
  const text = readFileSync(new URL("../../docs/reference/dialogporten-openapi-enduser.json", import.meta.url), "utf8");
  const doc = JSON.parse(text.replace(/^\uFEFF/, "")) as { components: { schemas: Record<string, unknown> } };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("guid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema({ $id: "openapi", components: toJsonSchema(doc.components) });
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`No schema ${schemaName}`);
  return (value: unknown) => ({ ok: validate(value) as boolean, errors: validate.errors ?? [] });
}

/** OpenAPI 3.0's `nullable: true` is not JSON Schema; rewrite it so Ajv checks nulls exactly. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  if (out.type === "object" && out.properties && !("additionalProperties" in out)) out.additionalProperties = false;
  if (nullable !== true) return out;
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"], ...(Array.isArray(out.enum) && { enum: [...out.enum, null] }) };
  return { anyOf: [out, { type: "null" }] };
}
