import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import type { ErrorBody, Locale } from "@ketnoi/contracts";
import { AppError } from "../../errors";
import { errorMessage, fieldMessage } from "../../i18n/errorMessages";
import { requestLocale } from "../context";
import { isDatabaseUnavailable } from "../../db/connection";

export const unknownRoute: RequestHandler = (_req, _res, next) => next(new AppError("not_found"));

/** Maps a thrown value to the AppError the client sees; anything unexpected becomes a 500. */
function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const type = (err as { type?: string } | null)?.type;
  if (type === "entity.parse.failed") return new AppError("malformed_json");
  if (type === "entity.too.large") return new AppError("payload_too_large");
  if (type?.startsWith("encoding.") || type === "charset.unsupported") return new AppError("bad_request");
  if (isDatabaseUnavailable(err)) return new AppError("service_unavailable", undefined, 5);
  return null;
}

/** Field values that name a message key (commands do not know the reader) become its text, filled in with the error's values. */
function localizeFields(fields: Record<string, string>, locale: Locale, values?: Record<string, string>) {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, fieldMessage(message, locale, values)]));
}

/** The one error middleware: `{ error: { code, message, fields? } }`, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    const appError = known ?? new AppError("internal_error");
    if (!known) logger.error({ err, reqId: req.id }, "unhandled error");
    else if (appError.code === "service_unavailable") logger.warn({ reqId: req.id, err }, "dependency unavailable");
    if (appError.retryAfterSeconds) res.set("Retry-After", String(appError.retryAfterSeconds));
    const locale = requestLocale(req);
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: errorMessage(appError.code, locale),
        ...(appError.fields ? { fields: localizeFields(appError.fields, locale, appError.values) } : {}),
        ...(appError.alternatives ? { alternatives: appError.alternatives } : {}),
      },
    };
    res.status(appError.status).json(body);
  };
}
