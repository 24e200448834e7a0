import { z } from "zod";
import { LeadFieldsSchema, LeadSyncBodySchema, ObjectIdSchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
const byId = z.strictObject({ id: ObjectIdSchema });
export const LeadSyncSchema = { query: noQuery, body: LeadSyncBodySchema };
export const LeadListSchema = { query: noQuery };
export const LeadEditSchema = {
  params: byId,
  query: noQuery,
  body: LeadFieldsSchema.refine((b) => Object.keys(b).length > 0, "nothingToChange"),
};
export const BadgeScansSchema = { query: noQuery };
export const BadgeScanWithdrawSchema = { params: byId, query: noQuery };
