import { z } from "zod";
import { InterpreterBodySchema, InterpreterViewSchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
const params = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, "not an id") });
export const InterpreterView = InterpreterViewSchema;
export const InterpretersListSchema = { query: noQuery };
export const InterpretersCreateSchema = { query: noQuery, body: InterpreterBodySchema };
export const InterpretersUpdateSchema = { params, query: noQuery, body: InterpreterBodySchema.partial() };
export const InterpretersDeleteSchema = { params, query: noQuery };
