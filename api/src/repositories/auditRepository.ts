import { Types } from "mongoose";
import type { Models } from "../db/models";

export interface AuditEntry {
  id: string;
  actorUserId: string;
  actorEmail: string;
  action: string;
  target: Record<string, string>;
  fields: string[];
  status: number;
  requestId?: string;
  createdAt: Date;
}

export interface AuditRepository {
  record(entry: Omit<AuditEntry, "id" | "createdAt">): Promise<void>;
  /** Newest first; `before` pages back. */
  list(limit: number, before?: Date): Promise<AuditEntry[]>;
}

type Lean = Omit<AuditEntry, "id" | "actorUserId"> & { _id: Types.ObjectId; actorUserId: Types.ObjectId };

export function createAuditRepository({ AuditEntry: Model }: Models): AuditRepository {
  return {
    async record(entry) {
      await Model.create({ ...entry, actorUserId: new Types.ObjectId(entry.actorUserId) });
    },
    async list(limit, before) {
      const rows = await Model.find(before ? { createdAt: { $lt: before } } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<Lean[]>();
      return rows.map(({ _id, actorUserId, ...rest }) => ({ ...rest, id: _id.toHexString(), actorUserId: actorUserId.toHexString() }));
    },
  };
}
