import { createHmac } from "node:crypto";
import type { RoomAccess } from "@ketnoi/contracts";
import { AppError, notFound } from "../../errors";
import type { UserRecord } from "../../repositories/userRepository";
import type { MeetingRecord } from "../../repositories/meetingRepository";
import { interpreterIdOf, loadVisibleMeeting } from "../meetings/loadMeeting";
import { meetingPolicy } from "../../policies/meeting";
import { eventPolicy } from "../../policies/event";
import { companyPolicy } from "../../policies/company";
import { maySeeCard } from "../../policies/companyVisibility";
import type { LiveContext } from "./context";

/** How the user is in a meeting they may see: party, its interpreter, or organiser. */
export async function meetingAccess(ctx: LiveContext, user: UserRecord, id: string): Promise<{ meeting: MeetingRecord; access: RoomAccess }> {
  const meeting = await loadVisibleMeeting(ctx.meetings, user, id);
  if (meetingPolicy.sideOf(user, meeting)) return { meeting, access: "party" };
  if (eventPolicy.canOrganise(user, { id: meeting.fairId })) return { meeting, access: "organiser" };
  if (meeting.interpreterId && meeting.interpreterId === (await interpreterIdOf(ctx.meetings, user))) return { meeting, access: "interpreter" };
  throw notFound();
}

/**
 * A booth is an approved company's; its members are its staff, organisers oversee, and those who may
 * see the company's card visit (an unlisted firm's booth only those it has a meeting or request
 * with). To anyone else a booth answers as a company that does not exist.
 */
export async function boothAccess(ctx: LiveContext, user: UserRecord, companyId: string): Promise<RoomAccess> {
  const { repos } = ctx.meetings;
  const company = await repos.companies.findById(companyId);
  if (!company) throw notFound();
  if (user.companyId === companyId) return "staff";
  if (company.status !== "approved" || !(await maySeeCard(repos, user, company))) throw notFound();
  return companyPolicy.isOrganiserOf(user, company) ? "organiser" : "visitor";
}

export const canModerateBooth = (access: RoomAccess) => access === "staff" || access === "organiser";
export const requireStaff = (access: RoomAccess) => {
  if (!canModerateBooth(access)) throw new AppError("forbidden");
};

/** A booth's video room name: unguessable without the LiveKit secret, stable, and not stored. */
export const boothRoomName = (secret: string, companyId: string) =>
  `booth-${createHmac("sha256", secret).update(`booth:${companyId}`).digest("hex").slice(0, 32)}`;
