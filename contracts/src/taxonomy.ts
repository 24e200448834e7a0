import { z } from "zod";
import { LOCALES } from "./locales";
import taxonomyFile from "../taxonomy/taxonomy.v1.json";

export const TAXONOMY_KINDS = ["sector", "process", "material", "certification", "technology"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

/** A value per language, any subset of the five (free text and labels alike). */
export const LocalizedTextSchema = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(4000));
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const TaxonomyTermSchema = z.object({
  code: z.string().regex(/^[a-z]+(\.[a-z0-9]+)+$/),
  kind: z.enum(TAXONOMY_KINDS),
  parent: z.string().optional(),
  labels: z.object({ vi: z.string(), en: z.string(), ja: z.string(), ko: z.string(), "zh-Hant": z.string() }),
});
export type TaxonomyTerm = z.infer<typeof TaxonomyTermSchema>;

export const TaxonomyFileSchema = z.object({ version: z.number().int().positive(), terms: z.array(TaxonomyTermSchema) });

/** The versioned taxonomy shipped in the repo; the api seeds the database from it. */
export const TAXONOMY = TaxonomyFileSchema.parse(taxonomyFile);
