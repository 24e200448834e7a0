import { z } from "zod";

/**
 * Two of a kind, [a, b]: a tuple in TypeScript. The OpenAPI 3.1 generator writes a tuple as
 * `prefixItems` alone, with no `items` (which OpenAPI linters and client generators refuse) and no
 * length (so an array of any length would fit); the metadata adds both to the document.
 */
export function pairOf<T extends z.ZodType>(item: T) {
  const { $schema: _dialect, ...itemSchema } = z.toJSONSchema(item) as Record<string, unknown>;
  return z.tuple([item, item]).meta({ items: itemSchema, minItems: 2, maxItems: 2 });
}
