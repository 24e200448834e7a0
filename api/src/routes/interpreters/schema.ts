import { z } from "zod";

const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
const noQuery = z.strictObject({});
const params = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/, "not an id") });
const fields = {
  name: z.string().trim().min(2).max(120),
  /** The languages the interpreter bridges, e.g. ["vi", "ja"]. */
  languages: z.array(language).min(2).max(6),
  /** Fair days (YYYY-MM-DD) the interpreter works. */
  availableDays: z.array(z.iso.date()).max(7),
  userId: z.string().regex(/^[0-9a-f]{24}$/).optional(),
};
export const InterpreterView = z.object({ id: z.string(), name: z.string(), languages: z.array(z.string()), availableDays: z.array(z.string()), userId: z.string().optional() });
export const InterpretersListSchema = { query: noQuery };
export const InterpretersCreateSchema = { query: noQuery, body: z.strictObject(fields) };
export const InterpretersUpdateSchema = { params, query: noQuery, body: z.strictObject(fields).partial() };
export const InterpretersDeleteSchema = { params, query: noQuery };
