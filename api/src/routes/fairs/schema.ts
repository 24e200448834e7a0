import { z } from "zod";
import { CopyEventBodySchema, FairSetupSchema, JoinEventBodySchema, ObjectIdSchema } from "@ketnoi/contracts";

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

const slugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{3,64}$/) });
export const FairsListSchema = { query: z.strictObject({}) };
export const FairsJoinSchema = { params: slugParams, query: z.strictObject({}), body: JoinEventBodySchema };
export const FairsRegistrationsSchema = { params: slugParams, query: z.strictObject({}) };
export const FairsApproveRegistrationSchema = {
  params: slugParams.extend({ companyId: ObjectIdSchema }),
  query: z.strictObject({}),
};
export const FairsCopySchema = { params: slugParams, query: z.strictObject({}), body: CopyEventBodySchema };
