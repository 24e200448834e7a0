import type { Model } from "mongoose";

/**
 * FerretDB v1.24 (SQLite) never answers an update command carrying 100 or more statements (measured:
 * 90 return in ~0.4 s, 100 hang until the client gives up), so bulk writes go in batches well below.
 */
export const BULK_BATCH_SIZE = 50;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model, any of its bulk ops
export async function bulkWriteInBatches<M extends Model<any>>(model: M, ops: Parameters<M["bulkWrite"]>[0]): Promise<void> {
  for (let i = 0; i < ops.length; i += BULK_BATCH_SIZE) {
    await model.bulkWrite(ops.slice(i, i + BULK_BATCH_SIZE), { ordered: true });
  }
}
