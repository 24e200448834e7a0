import { Types } from "mongoose";

type Plain<T> = T extends null ? undefined : PlainValue<Exclude<T, null>>;
type PlainValue<T> = T extends Types.ObjectId
  ? string
  : T extends Date
    ? Date
    : T extends Map<string, infer V>
      ? Record<string, Plain<V>>
      : T extends Array<infer U>
        ? Plain<U>[]
        : T extends object
          ? { [K in keyof T as K extends "_id" | "__v" ? never : K]: Plain<T[K]> }
          : T;
export type Record_<T> = Plain<T> & { id: string };

/**
 * Turns a lean Mongo document into the plain object repositories hand out: `_id` becomes `id`,
 * ObjectIds become strings, `__v` and null fields are dropped. Mongoose documents never leave the data layer.
 */
export function toPlain<T>(doc: T & { _id?: unknown }): Record_<T> {
  return convert(doc) as Record_<T>;
}

function convert(value: unknown): unknown {
  if (value instanceof Types.ObjectId) return value.toHexString();
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(convert);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, convert(v)]));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "__v" || child === null) continue;
    out[key === "_id" ? "id" : key] = convert(child);
  }
  return out;
}
