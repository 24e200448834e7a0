import { Types } from "mongoose";
import type { Models } from "../db/models";
import type { RevisionRepository } from "./revisionRepository";

export type FeedbackKind = "dismissal" | "bookmark" | "view" | "promote" | "block";

export interface MatchFeedbackRecord {
  key: string;
  fairId: string;
  kind: FeedbackKind;
  companyId: string;
  otherId: string;
  proposalKind?: string;
  reason?: string;
  by: string;
  updatedAt: Date;
}

/** The key a piece of feedback is stored under: a repeat replaces it. */
export function feedbackKey(kind: FeedbackKind, companyId: string, otherId: string) {
  if (kind === "promote" || kind === "block") return `o:${[companyId, otherId].sort().join(":")}`;
  return `${kind[0]}:${companyId}:${otherId}`;
}

export interface MatchFeedbackRepository {
  put(feedback: Omit<MatchFeedbackRecord, "key" | "updatedAt">): Promise<void>;
  remove(kind: FeedbackKind, companyId: string, otherId: string): Promise<boolean>;
  listForFair(fairId: string): Promise<MatchFeedbackRecord[]>;
}

type Lean = {
  _id: string;
  fairId: Types.ObjectId;
  kind: FeedbackKind;
  companyId: Types.ObjectId;
  otherId: Types.ObjectId;
  proposalKind?: string;
  reason?: string;
  by: Types.ObjectId;
  updatedAt: Date;
};

/** Every write bumps the "matching" revision, so other api processes reload their copy. */
export function createMatchFeedbackRepository({ MatchFeedback }: Models, revisions: RevisionRepository): MatchFeedbackRepository {
  return {
    async put(f) {
      const _id = feedbackKey(f.kind, f.companyId, f.otherId);
      const doc = {
        ...f,
        fairId: new Types.ObjectId(f.fairId),
        companyId: new Types.ObjectId(f.companyId),
        otherId: new Types.ObjectId(f.otherId),
        by: new Types.ObjectId(f.by),
      };
      await MatchFeedback.replaceOne({ _id }, { _id, ...doc }, { upsert: true });
      await revisions.bump("matching");
    },
    async remove(kind, companyId, otherId) {
      const filter = { _id: feedbackKey(kind, companyId, otherId), ...(kind === "promote" || kind === "block" ? {} : { kind }) };
      const removed = (await MatchFeedback.deleteOne(filter)).deletedCount === 1;
      if (removed) await revisions.bump("matching");
      return removed;
    },
    async listForFair(fairId) {
      const rows = await MatchFeedback.find({ fairId: new Types.ObjectId(fairId) }).lean<Lean[]>();
      return rows.map((r) => ({
        key: r._id,
        fairId: r.fairId.toHexString(),
        kind: r.kind,
        companyId: r.companyId.toHexString(),
        otherId: r.otherId.toHexString(),
        ...(r.proposalKind ? { proposalKind: r.proposalKind } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        by: r.by.toHexString(),
        updatedAt: r.updatedAt,
      }));
    },
  };
}
