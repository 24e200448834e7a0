import { Types } from "mongoose";
import type { Models } from "../db/models";
import type { Instance, Solution } from "../domain/scheduling/format";
import type { UnscheduledReason } from "../domain/planning/explainUnscheduled";

export interface PlanSource {
  kind: "booked" | "request" | "proposal";
  a: string;
  b: string;
  /** The existing meeting (booked ones and requests). */
  meetingId?: string;
  /** The table a booked onsite meeting holds (the plan names the others' tables around it). */
  table?: number;
}

/** The interpreters' figures of a plan (see checkSolution's `interpreters`). */
export interface InterpreterStats {
  maxRun: number | null;
  longestRun: number;
  runsAtCap: number;
  averageTableDistance: number | null;
}

export interface SchedulePlanRecord {
  id: string;
  fairId: string;
  createdBy: string;
  status: "draft" | "published";
  timeLimitMs: number;
  instance: Instance;
  sources: Record<string, PlanSource>;
  solution: Solution;
  breaks: number;
  firstFit: { value: number; breaks: number };
  reasons: Record<string, UnscheduledReason>;
  createdAt: Date;
  publishedAt?: Date;
  publishResult?: { booked: number; conflicts: { meeting: string; reason: string }[] };
  interpreterStats?: InterpreterStats;
  publishProgress?: { done: number; total: number };
}

/** A plan without what only its own page needs (the instance it solved, sources, reasons): for the list. */
export type SchedulePlanListRecord = Omit<SchedulePlanRecord, "instance" | "sources" | "reasons">;

export interface SchedulePlanRepository {
  create(plan: Omit<SchedulePlanRecord, "id" | "createdAt" | "status">): Promise<SchedulePlanRecord>;
  findById(id: string): Promise<SchedulePlanRecord | null>;
  /** A fair's plans, newest first (at most `limit`). */
  listForFair(fairId: string, limit: number): Promise<SchedulePlanListRecord[]>;
  /** Replaces a draft's plan after a hand adjustment. */
  saveAdjusted(
    id: string,
    solution: Solution,
    breaks: number,
    reasons: Record<string, UnscheduledReason>,
    interpreterStats: InterpreterStats,
  ): Promise<void>;
  /** How far publishing has come (written every few meetings). */
  setPublishProgress(id: string, progress: { done: number; total: number }): Promise<void>;
  markPublished(id: string, at: Date, result: NonNullable<SchedulePlanRecord["publishResult"]>): Promise<void>;
}

type Lean = Omit<SchedulePlanRecord, "id" | "fairId" | "createdBy"> & { _id: Types.ObjectId; fairId: Types.ObjectId; createdBy: Types.ObjectId };
const toRecord = ({ _id, fairId, createdBy, ...rest }: Lean): SchedulePlanRecord => ({
  ...rest,
  id: _id.toHexString(),
  fairId: fairId.toHexString(),
  createdBy: createdBy.toHexString(),
});

export function createSchedulePlanRepository({ SchedulePlan }: Models): SchedulePlanRepository {
  return {
    async create(plan) {
      const doc = await SchedulePlan.create({
        ...plan,
        status: "draft",
        fairId: new Types.ObjectId(plan.fairId),
        createdBy: new Types.ObjectId(plan.createdBy),
      });
      return toRecord(doc.toObject() as unknown as Lean);
    },
    async findById(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await SchedulePlan.findById(id).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async listForFair(fairId, limit) {
      if (!Types.ObjectId.isValid(fairId)) return [];
      const docs = await SchedulePlan.find({ fairId: new Types.ObjectId(fairId) }, { instance: 0, sources: 0, reasons: 0 })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<Omit<Lean, "instance" | "sources" | "reasons">[]>();
      return docs.map(({ _id, fairId: fair, createdBy, ...rest }) => ({
        ...rest,
        id: _id.toHexString(),
        fairId: fair.toHexString(),
        createdBy: createdBy.toHexString(),
      }));
    },
    async saveAdjusted(id, solution, breaks, reasons, interpreterStats) {
      await SchedulePlan.updateOne({ _id: id, status: "draft" }, { $set: { solution, breaks, reasons, interpreterStats } });
    },
    async setPublishProgress(id, progress) {
      await SchedulePlan.updateOne({ _id: id }, { $set: { publishProgress: progress } });
    },
    async markPublished(id, at, result) {
      await SchedulePlan.updateOne(
        { _id: id },
        { $set: { status: "published", publishedAt: at, publishResult: result }, $unset: { publishProgress: 1 } },
      );
    },
  };
}
