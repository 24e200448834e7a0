import { eventPolicy } from "./event";
import type { UserRecord } from "../repositories/userRepository";
import type { MeetingRecord } from "../repositories/meetingRepository";

type Parties = Pick<MeetingRecord, "requesterId" | "recipientId" | "fairId">;

/** An organiser of the meeting's event (a scoped desk: only its events' meetings). */
const organises = (user: UserRecord, m: Parties) => eventPolicy.canOrganise(user, { id: m.fairId });

/** Who may do what with a meeting. One place for every meeting command. */
export const meetingPolicy = {
  /** The caller's side (its company id) when its company is a party; undefined otherwise. */
  sideOf(user: UserRecord, m: Parties): string | undefined {
    return user.companyId && (user.companyId === m.requesterId || user.companyId === m.recipientId) ? user.companyId : undefined;
  },
  otherSide: (m: Parties, side: string) => (side === m.requesterId ? m.recipientId : m.requesterId),
  /** Its parties, its interpreter and organisers. */
  canSee(user: UserRecord, m: Parties & Pick<MeetingRecord, "interpreterId">, interpreterId: string | undefined) {
    return organises(user, m) || Boolean(meetingPolicy.sideOf(user, m)) || Boolean(interpreterId && m.interpreterId === interpreterId);
  },
  /** Cancel or move a booked meeting: either party, or an organiser. */
  canChangeBooking: (user: UserRecord, m: Parties) => organises(user, m) || Boolean(meetingPolicy.sideOf(user, m)),
  /** Record it held at the table (the QR code) or a no-show: either party, or an organiser at the desk. */
  canRecordAttendance: (user: UserRecord, m: Parties) => organises(user, m) || Boolean(meetingPolicy.sideOf(user, m)),
};
