import { Types } from "mongoose";
import { AppError } from "../../../api/src/errors";
import { createMeetingContext } from "../../../api/src/composition";
import { claimBooking } from "../../../api/src/commands/meetings/booking";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { reservationKeys } from "../../../api/src/domain/meetings/reservationKeys";
import { fairSlots } from "../../../api/src/domain/fairSlots";
import { FIXED_NOW, TEST_ORIGIN, useSeededApp } from "../../support/app";
import { buildUser } from "../../support/factories";
import { silentLogger } from "../../support/stack";

/**
 * A booked meeting asked to change place and refused keeps every reservation it held: a meeting at
 * a table switched to video in its own slot (a re-plan after its vendor stopped travelling) keeps its
 * firms' time when no online room is free. The refusal let go of that time before: the firms could
 * then be booked twice in that slot while the meeting stayed at its table.
 */
describe("a refused change of place leaves the meeting's reservations as they were", () => {
  const t = useSeededApp("bookingRefusal");
  /** The nth approved firm and vendor, both at the fair and sharing English, a member of the firm, and the fair's nth slot ahead. */
  async function onsitePair(nth: number, slotAhead: number) {
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const nthOf = async (kind: "domestic" | "foreign") =>
      (
        await t.db.models.Company.find({ kind, status: { $ne: "pending" } })
          .skip(nth)
          .limit(1)
          .lean()
      )[0]!;
    const [firm, vendor] = [await nthOf("domestic"), await nthOf("foreign")];
    await t.db.models.Company.updateMany(
      { _id: { $in: [firm._id, vendor._id] } },
      { $set: { listed: true, blockedSlots: [], participation: "onsite", languages: ["vi", "en"] } },
    );
    const fair = (await t.repos.fairs.findCurrent(FIXED_NOW))!;
    const slot = fairSlots(fair).filter((s) => s.start > FIXED_NOW)[slotAhead]!;
    const user = await buildUser(t.repos, { companyId: firm._id.toHexString() });
    return { ctx, firm, vendor, fair, slot, user };
  }

  test("switching a table meeting to video in its slot, with every online room taken, is refused and keeps its time and table", async () => {
    const { ctx, vendor, fair, slot, user } = await onsitePair(0, 3);
    const booked = await requestMeeting(ctx, user, undefined, { with: vendor._id.toHexString(), message: "", mode: "onsite", slot: slot.label });
    const meeting = (await t.repos.meetings.findById(booked.meeting.id))!;
    expect([meeting.status, meeting.mode]).toEqual(["booked", "onsite"]);
    const held = meeting.reservationKeys;
    expect(held.filter((k) => k.startsWith("p:")).length).toBeGreaterThanOrEqual(2);

    // Every online room of the slot is held by other meetings.
    for (let room = 1; room <= fair.onlineRoomsPerSlot; room++)
      await t.db.models.Reservation.create({ _id: reservationKeys.room(fair.id, slot.start, room), meetingId: new Types.ObjectId() });

    const [requester, recipient] = await Promise.all([
      t.repos.companies.findById(meeting.requesterId),
      t.repos.companies.findById(meeting.recipientId),
    ]);
    const refused = await claimBooking(ctx, {
      meetingId: meeting.id,
      fair,
      requester: requester!,
      recipient: recipient!,
      preferredMode: "online",
      slot,
      holds: held,
    }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields).toEqual({ slot: "noOnlineRoom" });

    const stillHeld = await t.db.models.Reservation.find({ _id: { $in: held } }).lean();
    expect(stillHeld.map((r) => String(r._id)).sort()).toEqual([...held].sort());
    expect(stillHeld.every((r) => r.meetingId.toHexString() === meeting.id)).toBe(true);
  });

  test("booking a slot with a firm it already meets is refused as such, and leaves no claim behind", async () => {
    const { ctx, vendor, slot, user } = await onsitePair(1, 5);
    await requestMeeting(ctx, user, undefined, { with: vendor._id.toHexString(), message: "Let us talk", mode: "either" }); // an open request
    const before = await t.db.models.Reservation.countDocuments();
    const refused = await requestMeeting(ctx, user, undefined, {
      with: vendor._id.toHexString(),
      message: "",
      mode: "onsite",
      slot: slot.label,
    }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).code, (refused as AppError).fields]).toEqual(["conflict", { with: "alreadyMeeting" }]);
    expect(await t.db.models.Reservation.countDocuments()).toBe(before);
  });
});
