import { z } from "zod";
import { FairSetupSchema } from "@ketnoi/contracts";

export const FairsCurrentSchema = { query: z.strictObject({}) };
export const FairsBySlugSchema = {
  params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{3,64}$/) }),
  query: z.strictObject({}),
};
export const FairsUpdateSchema = {
  params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{3,64}$/) }),
  query: z.strictObject({}),
  body: FairSetupSchema.omit({ slug: true }),
};
export const FairsSetupSchema = {
  params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{3,64}$/) }),
  query: z.strictObject({}),
};
