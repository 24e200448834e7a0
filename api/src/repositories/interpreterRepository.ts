import { Types } from "mongoose";
import type { Models } from "../db/models";
import { bulkWriteInBatches } from "../db/bulk";
import type { InterpreterDoc } from "../db/models/interpreter";

export type InterpreterInput = Omit<InterpreterDoc, "createdAt" | "updatedAt" | "fairId" | "userId"> & { fairId: string };

export interface InterpreterRepository {
  upsertMany(interpreters: InterpreterInput[]): Promise<void>;
  countForFair(fairId: string): Promise<number>;
}

export function createInterpreterRepository({ Interpreter }: Models): InterpreterRepository {
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
    countForFair: (fairId) => Interpreter.countDocuments({ fairId: new Types.ObjectId(fairId) }),
  };
}
