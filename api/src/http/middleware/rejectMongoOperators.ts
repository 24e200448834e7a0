import type { RequestHandler } from "express";
import { AppError } from "../../errors";

/**
 * Refuses any key that contains "$" or "." anywhere in the body or query, so no input
 * can become a Mongo operator or a dotted path, whatever a later schema or query does with it.
 */
export function findOperatorKey(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 32 || value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const here = [...path, key];
    if (key.includes("$") || key.includes(".")) return here.join(".");
    const nested = findOperatorKey(child, here, depth + 1);
    if (nested) return nested;
  }
  return null;
}

export const rejectMongoOperators: RequestHandler = (req, _res, next) => {
  const key = findOperatorKey(req.body) ?? findOperatorKey(req.query);
  if (key) return next(new AppError("bad_request", { [key]: "operatorKey" }));
  next();
};
