import { z } from "zod";
import { AccountDeleteBodySchema, ConsentsBodySchema } from "@ketnoi/contracts";

const noQuery = z.strictObject({});
export const MeDataSchema = { query: noQuery };
export const MeDeleteSchema = { query: noQuery, body: AccountDeleteBodySchema };
export const MeConsentsSchema = { query: noQuery, body: ConsentsBodySchema };
