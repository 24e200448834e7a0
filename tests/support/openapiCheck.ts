/**
 * Checks JSON values against the schemas of our OpenAPI 3.1 document, strictly: a property the
 * schema does not declare is a mismatch unless the schema says `additionalProperties` (the
 * generator leaves it out for plain objects, and a client generated from the document would drop
 * such a field or choke on it). Only the keywords the document uses are understood; any other one
 * throws, so nothing is ever passed over silently.
 */
export type JsonSchema = { [keyword: string]: unknown };
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const ANNOTATIONS = new Set(["description", "title", "default", "example", "examples", "format"]);
const KEYWORDS = new Set([
  ...ANNOTATIONS,
  "$ref",
  "type",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
]);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Every way `value` differs from `schema` ("$.data.0.blockedSlots: not declared"), none when it fits. */
export function mismatches(doc: OpenApiDocument, schema: JsonSchema | boolean, value: unknown, at = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: nothing is allowed here`];
  for (const keyword of Object.keys(schema)) if (!KEYWORDS.has(keyword)) throw new Error(`${at}: the checker does not know the keyword "${keyword}"`);
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components?.schemas?.[name];
    if (!target) return [`${at}: unresolved ${schema.$ref}`];
    return mismatches(doc, target, value, at);
  }
  const out: string[] = [];
  if (schema.anyOf || schema.oneOf) {
    const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[];
    const results = options.map((option) => mismatches(doc, option, value, at));
    const fitting = results.filter((r) => r.length === 0).length;
    if (schema.oneOf && fitting > 1) out.push(`${at}: fits ${fitting} options of a oneOf`);
    if (fitting === 0) out.push(...results.reduce((best, r) => (r.length < best.length ? r : best)));
  }
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) out.push(...mismatches(doc, part, value, at));
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    out.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ("const" in schema && schema.const !== value) out.push(`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);

  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = ([] as unknown[]).concat(schema.type);
    if (!allowed.includes(actual) && !(actual === "integer" && allowed.includes("number")))
      return [...out, `${at}: a ${actual}, declared ${allowed.join(" or ")}`];
  }
  if (actual === "string") {
    const s = value as string;
    const length = [...s].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) out.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && length > schema.maxLength) out.push(`${at}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(s))
      out.push(`${at}: ${JSON.stringify(s)} does not match ${schema.pattern}`);
    if (schema.format === "date-time" && !ISO_DATE_TIME.test(s)) out.push(`${at}: ${JSON.stringify(s)} is not a date-time`);
  }
  if (actual === "number" || actual === "integer") {
    const n = value as number;
    if (typeof schema.minimum === "number" && n < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && n > schema.maximum) out.push(`${at}: above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === "number" && n <= schema.exclusiveMinimum) out.push(`${at}: not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === "number" && n >= schema.exclusiveMaximum) out.push(`${at}: not below ${schema.exclusiveMaximum}`);
  }
  if (actual === "array") {
    const items = value as unknown[];
    const prefix = (schema.prefixItems as JsonSchema[] | undefined) ?? [];
    if (typeof schema.minItems === "number" && items.length < schema.minItems) out.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && items.length > schema.maxItems) out.push(`${at}: more than ${schema.maxItems} items`);
    items.forEach((item, i) => {
      const itemSchema = i < prefix.length ? prefix[i] : (schema.items as JsonSchema | boolean | undefined);
      if (itemSchema !== undefined) out.push(...mismatches(doc, itemSchema, item, `${at}.${i}`));
    });
  }
  if (actual === "object" && (schema.properties || schema.additionalProperties !== undefined || schema.type === "object")) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in record)) out.push(`${at}.${name}: required, missing`);
    for (const [name, v] of Object.entries(record)) {
      if (schema.propertyNames) out.push(...mismatches(doc, schema.propertyNames as JsonSchema, name, `${at}[key ${name}]`));
      if (name in properties) out.push(...mismatches(doc, properties[name]!, v, `${at}.${name}`));
      else if (schema.additionalProperties === undefined || schema.additionalProperties === false) out.push(`${at}.${name}: not declared`);
      else out.push(...mismatches(doc, schema.additionalProperties as JsonSchema | boolean, v, `${at}.${name}`));
    }
  }
  return out;
}

/**
 * Schemas in the document that do not say what they hold: an array without `items` (OpenAPI
 * linters and client generators refuse it), or a tuple's `prefixItems` without a bounded length
 * (so any number of anything would fit).
 */
export function looseArraySchemas(node: unknown, at = "#"): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => looseArraySchemas(n, `${at}/${i}`));
  if (!node || typeof node !== "object") return [];
  const schema = node as JsonSchema;
  const out: string[] = [];
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes("array")) {
    if (schema.items === undefined) out.push(`${at}: an array without items`);
    if (Array.isArray(schema.prefixItems) && !(schema.minItems === schema.prefixItems.length && schema.maxItems === schema.prefixItems.length))
      out.push(`${at}: a tuple without its length`);
  }
  for (const [key, child] of Object.entries(schema)) out.push(...looseArraySchemas(child, `${at}/${key}`));
  return out;
}
