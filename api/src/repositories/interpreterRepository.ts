import { Types } from "mongoose";
import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { InterpreterDoc } from "../db/models/interpreter";
import { createRevisionKeyedCache } from "./revisionKeyedCache";
import type { RevisionRepository } from "./revisionRepository";

export type InterpreterInput = Omit<InterpreterDoc, "createdAt" | "updatedAt" | "fairId" | "userId"> & { fairId: string };

export interface InterpreterRecord {
  id: string;
  /** The event she interprets at. */
  fairId: string;
  name: string;
  languages: string[];
  availableDays: string[];
  userId?: string;
}

export interface InterpreterRepository {
  upsertMany(interpreters: InterpreterInput[]): Promise<void>;
  countForFair(fairId: string): Promise<number>;
  listForFair(fairId: string): Promise<InterpreterRecord[]>;
  findById(id: string): Promise<InterpreterRecord | null>;
  /** The interpreter record a signed-in interpreter user works as. */
  findByUserId(userId: string): Promise<InterpreterRecord | null>;
  create(fairId: string, interpreter: Omit<InterpreterRecord, "id" | "fairId">): Promise<InterpreterRecord>;
  update(id: string, changes: Partial<Omit<InterpreterRecord, "id" | "fairId">>): Promise<InterpreterRecord | null>;
  delete(id: string): Promise<boolean>;
}

type Lean = {
  _id: Types.ObjectId;
  fairId: Types.ObjectId;
  name: string;
  languages: string[];
  availableDays?: string[];
  userId?: Types.ObjectId | null;
};
const toRecord = (d: Lean): InterpreterRecord => ({
  id: d._id.toHexString(),
  fairId: d.fairId.toHexString(),
  name: d.name,
  languages: d.languages,
  availableDays: d.availableDays ?? [],
  ...(d.userId ? { userId: d.userId.toHexString() } : {}),
});

export function createInterpreterRepository({ Interpreter }: Models, revisions: Pick<RevisionRepository, "get">): InterpreterRepository {
  // Each event's interpreters, as every booking that needs one reads them.
  const byFair = createRevisionKeyedCache<string, InterpreterRecord[]>(revisions, "fairs");
  const listForFair = (fairId: string) =>
    byFair.get(fairId, async () =>
      (
        await Interpreter.find({ fairId: new Types.ObjectId(fairId) })
          .sort({ name: 1 })
          .lean<Lean[]>()
      ).map(toRecord),
    );
  return {
    async upsertMany(interpreters) {
      if (!interpreters.length) return;
      await bulkWriteInBatches(
        Interpreter,
        interpreters.map((i) => ({
          updateOne: {
            filter: { key: i.key },
            update: { $set: { ...i, fairId: new Types.ObjectId(i.fairId) } },
            upsert: true,
          },
        })),
      );
    },
    // From the list kept per revision: every page's fair summary counts them (a count is a scan on FerretDB).
    countForFair: async (fairId) => (await listForFair(fairId)).length,
    listForFair,
    async findById(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await Interpreter.findById(id).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async findByUserId(userId) {
      const doc = await Interpreter.findOne({ userId: new Types.ObjectId(userId) }).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async create(fairId, i) {
      const _id = new Types.ObjectId();
      const doc = await Interpreter.create({
        _id,
        key: `interpreter:${_id.toHexString()}`,
        fairId: new Types.ObjectId(fairId),
        name: i.name,
        languages: i.languages,
        availableDays: i.availableDays,
        ...(i.userId ? { userId: new Types.ObjectId(i.userId) } : {}),
      });
      return toRecord(doc.toObject() as unknown as Lean);
    },
    async update(id, changes) {
      const set = { ...changes, ...(changes.userId ? { userId: new Types.ObjectId(changes.userId) } : {}) };
      const doc = await Interpreter.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: "after", runValidators: true }).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async delete(id) {
      return (await Interpreter.deleteOne({ _id: id })).deletedCount === 1;
    },
  };
}
