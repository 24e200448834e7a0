import type { ErrorCode } from "@ketnoi/contracts";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  service_unavailable: 503,
  internal_error: 500,
};

/** An error the api means to return: a stable code, an HTTP status and optional field messages. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
    /** For a refused booking: free slots the caller could take instead. */
    readonly alternatives?: { id: string; start: string; end: string }[],
    /** What a field message's template fills in (an instant, a zone): worded in the reader's language by the error handler. */
    readonly values?: Record<string, string>,
  ) {
    super(code);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const notFound = () => new AppError("not_found");
export const validationFailed = (fields: Record<string, string>) => new AppError("validation_failed", fields);
