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

/** Where a booked meeting stood when a re-plan ran: its slot in the plan (none when its time is no longer a slot). */
export interface CurrentPlaceRecord {
  meeting: string;
  /** Its two firms (one may have left the event, and so the plan). */
  a: string;
  b: string;
  slot: string | null;
  start: Date;
  end: Date;
  mode: "onsite" | "online";
  interpreter?: string;
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
  publishResult?: { booked: number; moved?: number; cancelled?: number; conflicts: { meeting: string; reason: string }[] };
  interpreterStats?: InterpreterStats;
  publishProgress?: { done: number; total: number };
  /** A re-plan of booked meetings: where they stood when it ran. */
  replan?: { current: CurrentPlaceRecord[] };
}

/** A plan without what only its own page needs (the instance it solved, sources, reasons): for the list. */
export type SchedulePlanListRecord = Omit<SchedulePlanRecord, "instance" | "sources" | "reasons" | "replan"> & { replan?: boolean };

export interface SchedulePlanRepository {
  create(plan: Omit<SchedulePlanRecord, "id" | "createdAt" | "status">): Promise<SchedulePlanRecord>;
  findById(id: string): Promise<SchedulePlanRecord | null>;
  /** A fair's plans, newest first (at most `limit`). */
  listForFair(fairId: string, limit: number): Promise<SchedulePlanListRecord[]>;
  /** Replaces a draft's plan after a hand adjustment; false when its publishing has begun (nothing changed). */
  saveAdjusted(
    id: string,
    solution: Solution,
    breaks: number,
    reasons: Record<string, UnscheduledReason>,
    interpreterStats: InterpreterStats,
  ): Promise<boolean>;
  /** How far publishing has come (written every few meetings; the first write marks it begun). */
  setPublishProgress(id: string, fairId: string, progress: { done: number; total: number }): Promise<void>;
  markPublished(id: string, at: Date, result: NonNullable<SchedulePlanRecord["publishResult"]>): Promise<void>;
}

type Lean = Omit<SchedulePlanRecord, "id" | "fairId" | "createdBy"> & {
  _id: Types.ObjectId;
  fairId: Types.ObjectId;
  createdBy: Types.ObjectId;
  kind?: "replan";
};
const toRecord = ({ _id, fairId, createdBy, kind: _kind, ...rest }: Lean): SchedulePlanRecord => ({
  ...rest,
  id: _id.toHexString(),
  fairId: fairId.toHexString(),
  createdBy: createdBy.toHexString(),
});

type Publication = { _id: string; done?: number; total?: number; publishedAt?: Date; result?: SchedulePlanRecord["publishResult"] };

/** A plan as its publication left it: published once it has a date; while it runs, its progress. */
function withPublication<T extends { status: "draft" | "published" }>(plan: T, p: Publication | undefined): T {
  if (p?.publishedAt) return { ...plan, status: "published", publishedAt: p.publishedAt, publishResult: p.result };
  if (p?.total !== undefined) return { ...plan, publishProgress: { done: p.done ?? 0, total: p.total } };
  return plan;
}

export function createSchedulePlanRepository({ SchedulePlan, PlanPublication }: Models): SchedulePlanRepository {
  return {
    async create(plan) {
      const doc = await SchedulePlan.create({
        ...plan,
        ...(plan.replan ? { kind: "replan" } : {}),
        status: "draft",
        fairId: new Types.ObjectId(plan.fairId),
        createdBy: new Types.ObjectId(plan.createdBy),
      });
      return toRecord(doc.toObject() as unknown as Lean);
    },
    async findById(id) {
      if (!Types.ObjectId.isValid(id)) return null;
      const [doc, publication] = await Promise.all([SchedulePlan.findById(id).lean<Lean>(), PlanPublication.findById(id).lean<Publication>()]);
      return doc ? withPublication(toRecord(doc), publication ?? undefined) : null;
    },
    async listForFair(fairId, limit) {
      if (!Types.ObjectId.isValid(fairId)) return [];
      const docs = await SchedulePlan.find({ fairId: new Types.ObjectId(fairId) }, { instance: 0, sources: 0, reasons: 0, replan: 0 })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<Omit<Lean, "instance" | "sources" | "reasons" | "replan">[]>();
      const publications = new Map((await PlanPublication.find({ fairId: new Types.ObjectId(fairId) }).lean<Publication[]>()).map((p) => [p._id, p]));
      return docs.map(({ _id, fairId: fair, createdBy, kind, ...rest }) =>
        withPublication(
          {
            ...rest,
            id: _id.toHexString(),
            fairId: fair.toHexString(),
            createdBy: createdBy.toHexString(),
            ...(kind === "replan" ? { replan: true } : {}),
          },
          publications.get(_id.toHexString()),
        ),
      );
    },
    async saveAdjusted(id, solution, breaks, reasons, interpreterStats) {
      // Publishing books from the plan it read when it began: from then on the plan stays as it was.
      if (await PlanPublication.exists({ _id: id })) return false;
      const { matchedCount } = await SchedulePlan.updateOne({ _id: id, status: "draft" }, { $set: { solution, breaks, reasons, interpreterStats } });
      return matchedCount === 1;
    },
    async setPublishProgress(id, fairId, progress) {
      await PlanPublication.updateOne({ _id: id }, { $set: progress, $setOnInsert: { fairId: new Types.ObjectId(fairId) } }, { upsert: true });
    },
    async markPublished(id, at, result) {
      await PlanPublication.updateOne({ _id: id }, { $set: { publishedAt: at, result }, $unset: { done: 1, total: 1 } });
    },
  };
}
