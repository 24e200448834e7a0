import { z } from "zod";

/** Stable error codes: clients switch on these, never on messages. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "malformed_json",
  "unauthenticated",
  "invalid_credentials",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "service_unavailable",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error body every api endpoint returns: `{ error: { code, message, fields? } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path ("address.district", "needs.0.priority") to a message in the user's language. */
    fields: z.record(z.string(), z.string()).optional(),
    /** A refused booking (409): free slots both sides could take instead, nearest first. */
    alternatives: z.array(z.object({ id: z.string(), start: z.string(), end: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
