import { z } from "zod";
import { CompanyProfileUpdateSchema, DirectoryQuerySchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
export const ObjectIdParam = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, "not an id") });
export const CompaniesListSchema = { query: DirectoryQuerySchema };
export const CompaniesGetSchema = { params: ObjectIdParam, query: noQuery };
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
