import { createHash, randomBytes } from "node:crypto";

/** An unguessable URL-safe token (256 bits). */
export const randomToken = () => randomBytes(32).toString("base64url");

/** What is stored for a token: its SHA-256, so stored values cannot be replayed. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
