import { z } from "zod";
import { CompanyProfileUpdateSchema, DirectoryQuerySchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
export const ObjectIdParam = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, "not an id") });
export const CompaniesListSchema = { query: DirectoryQuerySchema };
export const CompaniesGetSchema = { params: ObjectIdParam, query: noQuery };
export const CompaniesUpdateSchema = { params: ObjectIdParam, query: noQuery, body: CompanyProfileUpdateSchema };
export const CompaniesApproveSchema = { params: ObjectIdParam, query: noQuery, body: z.strictObject({}) };
