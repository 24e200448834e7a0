import type { UserRecord } from "../repositories/userRepository";

/** Who is calling, once the session cookie has been checked. */
export interface AuthContext {
  user: UserRecord;
  sessionHash: string;
  csrfToken: string;
}

declare global {
  namespace Express {
    interface Request {
      auth?: AuthContext;
    }
  }
}

export const SESSION_COOKIE = "ketnoi_session";
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
