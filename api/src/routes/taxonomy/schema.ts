import { z } from "zod";
import { TAXONOMY_KINDS, TaxonomyTermSchema } from "@ketnoi/contracts";

export const TaxonomyListSchema = { query: z.strictObject({ kind: z.enum(TAXONOMY_KINDS).optional() }) };
export const TaxonomyListResponse = z.object({ data: z.array(TaxonomyTermSchema) });
