import { z } from "zod";
import { InterpreterBodySchema, InterpreterViewSchema, ObjectIdSchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
const params = z.strictObject({ id: ObjectIdSchema });
export const InterpreterView = InterpreterViewSchema;
export const InterpretersListSchema = { query: noQuery };
export const InterpretersCreateSchema = { query: noQuery, body: InterpreterBodySchema };
export const InterpretersUpdateSchema = { params, query: noQuery, body: InterpreterBodySchema.partial() };
export const InterpretersDeleteSchema = { params, query: noQuery };
