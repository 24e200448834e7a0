import DataLoader from "dataloader";
import { duplicateKeyIndexes } from "./bulk";

/** Rows per insert command at most (FerretDB answers large unordered inserts, but one batch waits for all of it). */
const MAX_ROWS = 200;

/** A row refused because its unique key is held: what an insert of it alone would have thrown. */
export class DuplicateKeyError extends Error {
  readonly code = 11000;
  constructor() {
    super("duplicate key");
  }
}

/** What groupedInserts needs of a Mongoose model. */
interface InsertableModel {
  new (row: Record<string, unknown>): { validate(): Promise<void>; toObject(): unknown };
  insertMany(rows: never[], options: { ordered: false; lean: true }): Promise<unknown>;
  schema: { options: { versionKey?: string | boolean } };
}

/**
 * Inserts into one collection from requests served at the same time go out as one unordered insert
 * (a group commit): one insert per collection is in flight at a time, and the rows asked for
 * meanwhile leave together when it is done (DataLoader, scheduled after it and at the end of the
 * turn); each caller learns which of its own rows were refused for a held unique key. On FerretDB an
 * insert command costs far more than a row in it (a transaction of SQLite's single writer each), and
 * inserts sent at once wait for that writer in SQLite's busy handler, which sleeps up to 100 ms
 * between looks and let bookings in a rush wait seconds (measured: p99 2.4 s at 91 bookings/s; 0.7 s
 * at 250/s with one in flight). A lone request is not held back: its batch leaves at the end of the turn.
 *
 * Rows are made documents (defaults, timestamps, version) and validated before they join a batch, so
 * a batch's positions are the rows' and each caller has its rows as stored; the batch goes out lean.
 *
 * Rows the caller doubts will land (a key it knows is held) go in batches of their own: FerretDB
 * inserts a batch in one transaction and, when a row is refused, inserts the whole batch again row by
 * row, a transaction each (measured in a booking rush: 45 ms for such a batch against 6 ms).
 */
export function groupedInserts(model: InsertableModel) {
  const versionKey = typeof model.schema.options.versionKey === "string" ? model.schema.options.versionKey : undefined;
  // The insert in flight, settled or not: the next batch, of either lane, leaves when it is done.
  let inFlight: Promise<unknown> = Promise.resolve();
  const send = async (rows: readonly Record<string, unknown>[]) => {
    // Lean: the rows are documents made and validated already (below); Mongoose would make and validate them again.
    // After the one in flight: a burst larger than a batch is split into batches dispatched at once.
    const sent = inFlight.then(() =>
      model.insertMany(rows as never[], { ordered: false, lean: true }).then(() => new Set<number>(), duplicateKeyIndexes),
    );
    inFlight = sent.catch(() => undefined);
    const refused = await sent;
    return rows.map((_, i) => (refused.has(i) ? new DuplicateKeyError() : true));
  };
  const lane = () =>
    new DataLoader<Record<string, unknown>, true | DuplicateKeyError>(send, {
      cache: false,
      maxBatchSize: MAX_ROWS,
      batchScheduleFn: (run) => void inFlight.then(() => setImmediate(run)),
    });
  const likelyRows = lane();
  const doubtfulRows = lane();
  return {
    /**
     * Inserts the rows; resolves with the positions refused because their unique key is held, and the
     * rows as stored. `doubtful`: the caller expects them refused (see above).
     */
    async insert(rows: Record<string, unknown>[], { doubtful = false } = {}): Promise<{ refused: Set<number>; stored: Record<string, unknown>[] }> {
      const stored = await Promise.all(
        rows.map(async (row) => {
          const doc = new model(row);
          await doc.validate();
          (doc as unknown as { initializeTimestamps?: () => void }).initializeTimestamps?.(); // schemas with timestamps
          const asStored = doc.toObject() as Record<string, unknown>;
          if (versionKey) asStored[versionKey] = 0; // as Mongoose's own insert sets it
          return asStored;
        }),
      );
      const results = await (doubtful ? doubtfulRows : likelyRows).loadMany(stored);
      const refused = new Set<number>();
      for (const [i, result] of results.entries()) {
        if (result instanceof DuplicateKeyError) refused.add(i);
        else if (result instanceof Error) throw result;
      }
      return { refused, stored };
    },
    /** Inserts one row and returns it as stored; throws DuplicateKeyError (code 11000) when its unique key is held. */
    async insertOne(row: Record<string, unknown>, options: { doubtful?: boolean } = {}): Promise<Record<string, unknown>> {
      const { refused, stored } = await this.insert([row], options);
      if (refused.size) throw new DuplicateKeyError();
      return stored[0]!;
    },
  };
}
