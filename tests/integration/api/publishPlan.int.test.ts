import { Types } from "mongoose";
import type { SchedulePlanView } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { FIXED_NOW, TEST_ORIGIN, signIn, useSeededApp } from "../../support/app";
import { silentLogger } from "../../support/stack";
import { createMeetingContext } from "../../../api/src/composition";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { reservationKeys } from "../../../api/src/domain/meetings/reservationKeys";
import { buildUser } from "../../support/factories";

/**
 * Publishing books most of a plan in batches (a few inserts per batch, not a round trip per meeting):
 * what changed after the plan was made must still be reported, never forced, and nothing it could
 * not book may stay claimed.
 */
describe("publishing a plan in batches: what changed since is reported, the rest booked as planned", () => {
  const t = useSeededApp("publishbatch");
  const requests: string[] = [];

  beforeAll(async () => {
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const firms = await t.db.models.Company.find({ kind: "domestic", status: { $ne: "pending" } })
      .limit(8)
      .lean();
    const vendors = await t.db.models.Company.find({ kind: "foreign", status: { $ne: "pending" } })
      .limit(3)
      .lean();
    await t.db.models.Company.updateMany({ _id: { $in: [...firms, ...vendors].map((c) => c._id) } }, { $set: { listed: true, blockedSlots: [] } });
    for (const firm of firms) {
      const user = await buildUser(t.repos, { companyId: firm._id.toHexString() });
      for (const v of vendors.slice(0, 2)) {
        const { meeting } = await requestMeeting(ctx, user, undefined, { with: v._id.toHexString(), message: "", mode: "either" });
        requests.push(meeting.id);
      }
    }
  });

  test("a firm busy in its planned slot and a request cancelled meanwhile are reported; every other meeting books in its planned slot", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const plan = (await agent.post("/api/scheduler/plans").set(csrf).send({ timeLimitSeconds: 1 }).expect(201)).body as SchedulePlanView;
    const planned = plan.assignments.filter((a) => a.kind === "request");
    expect(planned.length).toBeGreaterThanOrEqual(6);
    const [busy, withdrawn, ...rest] = planned;

    // After the plan was made: another meeting takes the first request's requester at its planned
    // time (its claim is what a booking holds), and the second request is cancelled.
    const elsewhere = new Types.ObjectId();
    // (the middle of its time: held in five-minute blocks, a meeting of another event may start later than the slot)
    const [, middle] = reservationKeys.participantTime(busy!.a.id, new Date(busy!.slot.start), new Date(busy!.slot.end));
    await t.db.models.Reservation.create({ _id: middle, meetingId: elsewhere });
    const gone = (await t.repos.meetings.findById(withdrawn!.meeting))!;
    await t.repos.meetings.change(gone, "cancelled", undefined, { set: { status: "cancelled" } });
    const heldBefore = await t.db.models.Reservation.countDocuments({ meetingId: new Types.ObjectId(busy!.meeting) });

    await agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(csrf).send({}).expect(200);
    const stored = (await t.repos.schedulePlans.findById(plan.id))!;
    expect(stored.status).toBe("published");
    expect(stored.publishResult!.booked).toBe(planned.length - 2);
    expect(stored.publishResult!.conflicts).toEqual(
      expect.arrayContaining([
        { meeting: busy!.meeting, reason: "requesterBusy" },
        { meeting: withdrawn!.meeting, reason: "meetingChanged" },
      ]),
    );
    expect(stored.publishResult!.conflicts).toHaveLength(2);

    // Not forced: the busy request is still open, holding only what it held before; the other meeting keeps the time.
    const notBooked = (await t.db.models.Meeting.findById(busy!.meeting).lean())!;
    expect(notBooked.status).toBe("requested");
    expect(await t.db.models.Reservation.countDocuments({ meetingId: new Types.ObjectId(busy!.meeting) })).toBe(heldBefore);
    expect(await t.db.models.Reservation.countDocuments({ meetingId: elsewhere })).toBe(1);
    expect((await t.db.models.Meeting.findById(withdrawn!.meeting).lean())!.status).toBe("cancelled");

    // The rest: booked in the planned slot, each with one "scheduled" event, holding both firms' time.
    for (const a of rest) {
      const m = (await t.db.models.Meeting.findById(a.meeting).lean())!;
      expect({ id: a.meeting, status: m.status, start: m.startsAt!.toISOString() }).toEqual({ id: a.meeting, status: "booked", start: a.slot.start });
      expect(await t.db.models.MeetingEvent.countDocuments({ meetingId: a.meeting, kind: "scheduled" })).toBe(1);
      const time = [a.a.id, a.b.id].flatMap((firm) => reservationKeys.participantTime(firm, new Date(a.slot.start), new Date(a.slot.end)));
      expect(time).toHaveLength(((2 * (Date.parse(a.slot.end) - Date.parse(a.slot.start))) / 60_000 / 5) | 0);
      for (const key of time) expect((await t.db.models.Reservation.findById(key).lean())?.meetingId.toHexString()).toBe(a.meeting);
      expect(m.reservationKeys).toEqual(expect.arrayContaining(time));
    }
  });
});
