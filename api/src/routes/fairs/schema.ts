import { z } from "zod";

export const FairsCurrentSchema = { query: z.strictObject({}) };
export const FairsBySlugSchema = {
  params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{3,64}$/) }),
  query: z.strictObject({}),
};
