import { Types } from "mongoose";
import type { Models } from "../db/models";

export interface VideoAttendanceRecord {
  id: string;
  meetingId: string;
  room: string;
  userId: string;
  access: string;
  companyId?: string;
  kind: "joined" | "left";
  at: Date;
}

export interface VideoAttendanceRepository {
  /** Records a join or leave once per webhook event id; false when it was already recorded. */
  record(r: VideoAttendanceRecord): Promise<boolean>;
  listForMeeting(meetingId: string): Promise<VideoAttendanceRecord[]>;
}

type Lean = Omit<VideoAttendanceRecord, "id" | "meetingId" | "companyId"> & {
  _id: string;
  meetingId: Types.ObjectId;
  companyId?: Types.ObjectId | null;
};

export function createVideoAttendanceRepository({ VideoAttendance }: Models): VideoAttendanceRepository {
  return {
    async record({ id, meetingId, companyId, ...rest }) {
      try {
        await VideoAttendance.create({
          _id: id,
          meetingId: new Types.ObjectId(meetingId),
          ...(companyId ? { companyId: new Types.ObjectId(companyId) } : {}),
          ...rest,
        });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    },
    async listForMeeting(meetingId) {
      const rows = await VideoAttendance.find({ meetingId: new Types.ObjectId(meetingId) })
        .sort({ at: 1, _id: 1 })
        .lean<Lean[]>();
      return rows.map(({ _id, meetingId: m, companyId, ...rest }) => ({
        id: _id,
        meetingId: m.toHexString(),
        ...(companyId ? { companyId: companyId.toHexString() } : {}),
        ...rest,
      }));
    },
  };
}
