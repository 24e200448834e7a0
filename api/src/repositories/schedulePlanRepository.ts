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
}

export interface SchedulePlanRepository {
  create(plan: Omit<SchedulePlanRecord, "id" | "createdAt" | "status">): Promise<SchedulePlanRecord>;
  findById(id: string): Promise<SchedulePlanRecord | null>;
  /** Replaces a draft's plan after a hand adjustment. */
  saveAdjusted(id: string, solution: Solution, breaks: number, reasons: Record<string, UnscheduledReason>): Promise<void>;
  markPublished(id: string, at: Date, result: NonNullable<SchedulePlanRecord["publishResult"]>): Promise<void>;
}

type Lean = Omit<SchedulePlanRecord, "id" | "fairId" | "createdBy"> & { _id: Types.ObjectId; fairId: Types.ObjectId; createdBy: Types.ObjectId };
const toRecord = ({ _id, fairId, createdBy, ...rest }: Lean): SchedulePlanRecord => ({ ...rest, id: _id.toHexString(), fairId: fairId.toHexString(), createdBy: createdBy.toHexString() });

export function createSchedulePlanRepository({ SchedulePlan }: Models): SchedulePlanRepository {
  return {
    async create(plan) {
      const doc = await SchedulePlan.create({ ...plan, status: "draft", fairId: new Types.ObjectId(plan.fairId), createdBy: new Types.ObjectId(plan.createdBy) });
      return toRecord(doc.toObject() as unknown as Lean);
    },
    async findById(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const doc = await SchedulePlan.findById(id).lean<Lean>();
      return doc ? toRecord(doc) : null;
    },
    async saveAdjusted(id, solution, breaks, reasons) {
      await SchedulePlan.updateOne({ _id: id, status: "draft" }, { $set: { solution, breaks, reasons } });
    },
    async markPublished(id, at, result) {
      await SchedulePlan.updateOne({ _id: id }, { $set: { status: "published", publishedAt: at, publishResult: result } });
    },
  };
}
