import { z } from "zod";

/**
 * A database id (a MongoDB ObjectId) as the api writes it: 24 lower-case hex digits. Every id in a
 * URL, a body or a token is checked against this one pattern. `OBJECT_ID_HEX` is the bare fragment
 * for patterns that embed an id (`meeting:<id>`, `/booths/<id>`).
 */
export const OBJECT_ID_HEX = "[0-9a-f]{24}";
export const OBJECT_ID_PATTERN = new RegExp(`^${OBJECT_ID_HEX}$`);
export const isObjectId = (value: string) => OBJECT_ID_PATTERN.test(value);
/** No message of its own: zod's, in the caller's language (zodMessages.ts), says what pattern failed. */
export const ObjectIdSchema = z.string().regex(OBJECT_ID_PATTERN);
