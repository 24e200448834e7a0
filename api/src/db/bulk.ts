import type { AnyBulkWriteOperation, Model } from "mongoose";

/**
 * FerretDB v1.24 (SQLite) never answers an update command carrying 100 or more statements (measured:
 * 90 return in ~0.4 s, 100 hang until the client gives up), so bulk writes go in batches well below.
 */
export const BULK_BATCH_SIZE = 50;

/** Any model's bulk writes, in batches of BULK_BATCH_SIZE, in order. */
export async function bulkWriteInBatches(model: Pick<Model<unknown>, "bulkWrite">, ops: AnyBulkWriteOperation[]): Promise<void> {
  for (let i = 0; i < ops.length; i += BULK_BATCH_SIZE) {
    await model.bulkWrite(ops.slice(i, i + BULK_BATCH_SIZE), { ordered: true });
  }
}

type WriteErrors = { writeErrors?: { index?: number; code?: number; err?: { index?: number; code?: number } }[] };

/**
 * The positions an unordered insertMany refused because their unique key was held (11000), from
 * its bulk write error; any other failure is thrown on. Which rows lost is exactly these.
 */
export function duplicateKeyIndexes(err: unknown): Set<number> {
  const errors = (err as WriteErrors).writeErrors ?? [];
  if (!errors.length || errors.some((e) => (e.err?.code ?? e.code) !== 11000)) throw err;
  return new Set(errors.map((e) => e.index ?? e.err?.index ?? -1));
}
