import { Types } from "mongoose";
import type { SchedulePlanView } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { FIXED_NOW, TEST_ORIGIN, signIn, useSeededApp } from "../../support/app";
import { silentLogger } from "../../support/stack";
import { createMeetingContext } from "../../../api/src/composition";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { buildUser } from "../../support/factories";
import { fairSlots } from "../../../api/src/domain/fairSlots";

type Standing = { id: string; sequence: number; start: string; mode: string; a: string; b: string };

/**
 * Re-planning booked meetings after a change (a vendor that can no longer travel, one that
 * withdraws): the draft shows what publishing would move, cancel or newly place, changes nothing
 * until it is published, moves only what must move, and tells only those meetings' firms.
 */
describe("re-planning booked meetings after a change, with the fewest moves, previewed before publishing", () => {
  const t = useSeededApp("replan");
  const vendors: string[] = [];
  const firms: string[] = [];
  let organiser: Awaited<ReturnType<typeof signIn>>;

  /** Every booked meeting of the fair as it stands. */
  const booked = async (): Promise<Standing[]> =>
    (await t.db.models.Meeting.find({ status: "booked" }).lean()).map((m) => ({
      id: m._id.toHexString(),
      sequence: m.sequence,
      start: m.startsAt!.toISOString(),
      mode: m.mode!,
      a: m.requesterId.toHexString(),
      b: m.recipientId.toHexString(),
    }));
  const replan = async (placeRequests = true) =>
    (await organiser.agent.post("/api/scheduler/plans").set(organiser.csrf).send({ timeLimitSeconds: 1, replan: true, placeRequests }).expect(201))
      .body as SchedulePlanView;
  const publish = async (plan: SchedulePlanView) =>
    (await organiser.agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(organiser.csrf).send({}).expect(200)).body as SchedulePlanView;
  const rescheduledNotices = async (meetings: string[]) =>
    t.db.models.Notification.countDocuments({ kind: "meeting_rescheduled", meetingId: { $in: meetings.map((id) => new Types.ObjectId(id)) } });

  beforeAll(async () => {
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const domestic = await t.db.models.Company.find({ kind: "domestic", status: { $ne: "pending" } })
      .limit(9)
      .lean();
    const foreign = await t.db.models.Company.find({ kind: "foreign", status: { $ne: "pending" } })
      .limit(2)
      .lean();
    // Everyone onsite and free all day, so the first plan books tables.
    await t.db.models.Company.updateMany(
      { _id: { $in: [...domestic, ...foreign].map((c) => c._id) } },
      { $set: { listed: true, blockedSlots: [], participation: "onsite" } },
    );
    vendors.push(...foreign.map((c) => c._id.toHexString()));
    firms.push(...domestic.map((c) => c._id.toHexString()));
    // The ninth asks later (an open request while re-planning).
    for (const firm of firms.slice(0, 8)) {
      const user = await buildUser(t.repos, { companyId: firm });
      for (const v of vendors) await requestMeeting(ctx, user, undefined, { with: v, message: "", mode: "either" });
    }
    organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const first = (await organiser.agent.post("/api/scheduler/plans").set(organiser.csrf).send({ timeLimitSeconds: 1 }).expect(201))
      .body as SchedulePlanView;
    await publish(first);
  });

  test("with nothing changed, a re-plan changes nothing and tells no one", async () => {
    const before = await booked();
    expect(before.length).toBeGreaterThanOrEqual(12);
    const plan = await replan();
    expect(plan.changes).toMatchObject({ kept: before.length, moved: [], reassigned: [], cancelled: [], peopleTold: 0 });
  });

  test("a vendor that can no longer travel: its table meetings switch to video in their own slots, nothing else moves, nothing changes before publishing, and only those firms are told", async () => {
    const [vendor] = vendors;
    const before = await booked();
    const atTables = before.filter((m) => (m.a === vendor || m.b === vendor) && m.mode === "onsite");
    expect(atTables.length).toBeGreaterThanOrEqual(1);
    // The vendor now meets from abroad (a zone with Hanoi's hours, so every slot stays in its working day).
    await t.db.models.Company.updateOne({ _id: vendor }, { $set: { participation: "remote", timeZone: "Asia/Bangkok" } });

    const plan = await replan();
    const changes = plan.changes!;
    expect(changes.moved.map((c) => c.meeting).sort()).toEqual(atTables.map((m) => m.id).sort());
    for (const c of changes.moved) expect([c.to.start, c.to.mode]).toEqual([c.from.start, "online"]);
    expect(changes.cancelled).toEqual([]);
    expect(changes.reassigned).toEqual([]);
    expect(changes.kept).toBe(before.length - atTables.length);
    // Both firms of each meeting moved (the vendor once), and any interpreter of theirs.
    const told = new Set(atTables.flatMap((m) => [m.a, m.b]));
    const interpreters = new Set(changes.moved.flatMap((c) => [c.from.interpreter?.id, c.to.interpreter?.id].filter(Boolean)));
    expect(changes.peopleTold).toBe(told.size + interpreters.size);
    // A preview: nothing is booked, moved or told yet.
    expect(await booked()).toEqual(before);
    expect(await rescheduledNotices(atTables.map((m) => m.id))).toBe(0);

    const published = await publish(plan);
    expect(published.publishResult).toMatchObject({ moved: atTables.length, cancelled: 0, conflicts: [] });
    const after = new Map((await booked()).map((m) => [m.id, m]));
    for (const m of before) {
      const now = after.get(m.id)!;
      if (atTables.some((x) => x.id === m.id)) expect(now).toEqual({ ...m, mode: "online", sequence: m.sequence + 1 });
      else expect(now).toEqual(m);
    }
    const moved = await t.db.models.Meeting.find({ _id: { $in: atTables.map((m) => m.id) } }).lean();
    for (const m of moved) {
      expect(m.roomNumber).toBeGreaterThanOrEqual(1);
      expect(m.table).toBeUndefined();
    }
    expect(await rescheduledNotices(atTables.map((m) => m.id))).toBeGreaterThanOrEqual(atTables.length);
    expect(await rescheduledNotices(before.filter((m) => !atTables.some((x) => x.id === m.id)).map((m) => m.id))).toBe(0);
  });

  test("a vendor that withdraws, re-planned without booking open requests: its meetings are cancelled and their firms told; every other meeting stays, and an open request stays open", async () => {
    const vendor = vendors[1]!;
    const before = await booked();
    const theirs = before.filter((m) => m.a === vendor || m.b === vendor);
    expect(theirs.length).toBeGreaterThanOrEqual(1);
    const fair = await t.repos.fairs.findById((await t.db.models.Company.findById(vendor).lean())!.fairId.toHexString());
    await t.db.models.Company.updateOne({ _id: vendor }, { $set: { blockedSlots: fairSlots(fair!).map((s) => s.start) } });
    // An open request the freed time could take: the organiser chose not to book requests in this re-plan.
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const asker = await buildUser(t.repos, { companyId: firms[8]! });
    const { meeting: open } = await requestMeeting(ctx, asker, undefined, { with: vendors[0]!, message: "", mode: "either" });
    expect((await replan(true)).changes!.placed.map((p) => p.meeting)).toContain(open.id);

    const plan = await replan(false);
    const changes = plan.changes!;
    expect(changes.placed).toEqual([]);
    expect(changes.cancelled.map((c) => c.meeting).sort()).toEqual(theirs.map((m) => m.id).sort());
    expect(changes.moved).toEqual([]);
    expect(changes.kept).toBe(before.length - theirs.length);

    const published = await publish(plan);
    expect(published.publishResult).toMatchObject({ moved: 0, cancelled: theirs.length, conflicts: [] });
    const stored = await t.db.models.Meeting.find({ _id: { $in: theirs.map((m) => m.id) } }).lean();
    expect(stored.map((m) => [m.status, m.cancelReason, m.reservationKeys.length])).toEqual(theirs.map(() => ["cancelled", "fair_change", 0]));
    expect(await t.db.models.Reservation.countDocuments({ meetingId: { $in: theirs.map((m) => new Types.ObjectId(m.id)) } })).toBe(0);
    expect(
      await t.db.models.Notification.countDocuments({ kind: "meeting_cancelled", meetingId: { $in: theirs.map((m) => new Types.ObjectId(m.id)) } }),
    ).toBeGreaterThanOrEqual(theirs.length);
    expect((await t.db.models.Meeting.findById(open.id).lean())!.status).toBe("requested");
    const rest = new Map((await booked()).map((m) => [m.id, m]));
    for (const m of before.filter((x) => !theirs.includes(x))) expect(rest.get(m.id)).toEqual(m);
  });
});
