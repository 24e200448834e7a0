import { z } from "zod";

const noQuery = z.strictObject({});
export const MeDataSchema = { query: noQuery };
export const MeDeleteSchema = { query: noQuery, body: z.strictObject({ password: z.string().min(1).max(200) }) };
export const MeConsentsSchema = {
  query: noQuery,
  body: z.strictObject({ profileSharing: z.boolean().optional(), marketing: z.boolean().optional() }).refine((b) => Object.keys(b).length > 0, "nothing to change"),
};
