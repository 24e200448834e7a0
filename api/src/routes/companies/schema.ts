import { z } from "zod";
import { CompanyProfileUpdateSchema, DirectoryQuerySchema, ObjectIdSchema, SlotRefSchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
export const ObjectIdParam = z.strictObject({ id: ObjectIdSchema });
export const CompaniesListSchema = { query: DirectoryQuerySchema };
export const CompaniesGetSchema = { params: ObjectIdParam, query: noQuery };
export const CompaniesMembersSchema = { params: ObjectIdParam, query: noQuery };
export const CompaniesUpdateSchema = { params: ObjectIdParam, query: noQuery, body: CompanyProfileUpdateSchema };
export const CompaniesApproveSchema = { params: ObjectIdParam, query: noQuery, body: z.strictObject({}) };
export const CompaniesImportSchema = {
  query: noQuery,
  body: z.strictObject({ csv: z.string().min(1).max(900_000), dryRun: z.boolean().default(false) }),
};
export const CompaniesImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export const CompaniesExportSchema = { query: noQuery };
export const CompaniesAvailabilitySchema = { params: ObjectIdParam, query: noQuery };
export const CompaniesSetAvailabilitySchema = {
  params: ObjectIdParam,
  query: noQuery,
  /** Each slot by its start instant (a slot's id), or its label ("d1s03"). */
  body: z.strictObject({ blocked: z.array(SlotRefSchema).max(500) }),
};
export const AvailabilityView = z.object({
  timeZone: z.string(),
  fairTimeZone: z.string(),
  slots: z.array(
    z.object({
      id: z.iso.datetime(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      available: z.boolean(),
      reason: z.enum(["session", "blocked", "outsideWorkingHours"]).optional(),
    }),
  ),
});
