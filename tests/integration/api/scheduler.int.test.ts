import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { FIXED_NOW, TEST_ORIGIN, signIn, useSeededApp } from "../../support/app";
import { silentLogger } from "../../support/stack";
import { createMeetingContext } from "../../../api/src/http/app";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { checkSolution } from "../../../api/src/domain/scheduling/checker";
import type { SchedulePlanView } from "@ketnoi/contracts";

describe("the organiser's auto-scheduler: run, review, adjust, publish", () => {
  const t = useSeededApp("scheduler");
  const requests: string[] = [];
  let booked: { id: string; start: string };
  let isolated: string;
  const afternoonOnly: string[] = [];

  beforeAll(async () => {
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const hash = (await t.db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean())!.passwordHash;
    const firms = await t.db.models.Company.find({ kind: "domestic", status: { $ne: "pending" } }).limit(10).lean();
    const vendors = await t.db.models.Company.find({ kind: "foreign", status: { $ne: "pending" } }).limit(4).lean();
    await t.db.models.Company.updateMany({ _id: { $in: [...firms, ...vendors].map((c) => c._id) } }, { $set: { listed: true } });
    for (const [i, firm] of firms.entries()) {
      const user = await t.repos.users.create({ email: `planner${i}@example.vn`, name: `P${i}`, role: "domestic", companyId: firm._id.toHexString(), companyRole: "owner", locale: "vi", timeZone: "Asia/Ho_Chi_Minh", consents: [], passwordHash: hash });
      // Every firm asks two or three vendors: the popular first vendor is asked by all ten.
      for (const v of vendors.slice(0, 2 + (i % 2))) {
        const m = await requestMeeting(ctx, user, { with: v._id.toHexString(), message: "", mode: "either", ...(i === 0 && v === vendors[0] ? { slot: "d1s04" } : {}), ...(i < 4 && v === vendors[1] ? { dayPart: "afternoon" as const } : {}) });
        if (i < 4 && v === vendors[1]) afternoonOnly.push(m.id);
        if (m.status === "booked") booked = { id: m.id, start: m.startsAt!.toISOString() };
        else requests.push(m.id);
      }
    }
    // One firm blocks every slot: its request cannot be placed, and the plan must say why.
    const blocked = firms[9]!;
    await t.db.models.Company.updateOne({ _id: blocked._id }, { $set: { blockedSlots: Array.from({ length: 14 }, (_, k) => `d1s${String(k + 1).padStart(2, "0")}`).concat(Array.from({ length: 14 }, (_, k) => `d2s${String(k + 1).padStart(2, "0")}`)) } });
    isolated = blocked._id.toHexString();
  });

  test("a draft plan: feasible by the independent checker, within its proven bound, booked meetings kept, reasons for the rest", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const plan = (await agent.post("/api/scheduler/plans").set(csrf).send({ timeLimitSeconds: 1 }).expect(201)).body as SchedulePlanView;
    expect(plan.status).toBe("draft");
    expect(plan.value).toBeLessThanOrEqual(plan.upperBound + 1e-9);
    expect(plan.value).toBeGreaterThanOrEqual(plan.firstFit.value - 1e-9);
    const stored = (await t.db.models.SchedulePlan.findById(plan.id).lean())!;
    const check = checkSolution(stored.instance, stored.solution);
    expect(check).toMatchObject({ feasible: true, breaks: plan.breaks });
    expect(plan.assignments.find((a) => a.meeting === booked.id)).toMatchObject({ kind: "booked", slot: { start: booked.start } });
    expect(plan.assignments.length + plan.unscheduled.length).toBe(requests.length + 1);
    // Requests for the afternoon are placed in the afternoon (Hanoi time) or not at all.
    const afternoon = plan.assignments.filter((a) => afternoonOnly.includes(a.meeting));
    expect(afternoon.length).toBeGreaterThan(0);
    for (const a of afternoon) expect(new Date(a.slot.start).getUTCHours() + 7).toBeGreaterThanOrEqual(12);
    const left = plan.unscheduled.filter((u) => u.a.id === isolated || u.b.id === isolated);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((u) => u.reason === "noCommonSlot")).toBe(true);
    // The popular vendor cannot take all ten firms plus its other requests into one fair day without clashes: every reason is one of the known ones.
    expect(plan.unscheduled.every((u) => ["noCommonSlot", "noInterpreter", "participantsBusy", "noCapacity"].includes(u.reason))).toBe(true);
  });

  test("adjusting by hand: a move that breaks a rule is refused and changes nothing; a valid one is kept; publishing books them once", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const plan = (await agent.post("/api/scheduler/plans").set(csrf).send({ timeLimitSeconds: 0.5 }).expect(201)).body as SchedulePlanView;
    const request = plan.assignments.find((a) => a.kind === "request")!;
    // Onto the slot of the booked meeting of one of its companies, if any; else onto another meeting of the same company.
    const clash = plan.assignments.find((a) => a.meeting !== request.meeting && [a.a.id, a.b.id].some((id) => id === request.a.id || id === request.b.id))!;
    const refused = await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set({ ...csrf, "Accept-Language": "en" }).send({ slot: clash.slot.id }).expect(409);
    expect(refused.body.error.fields.slot).toMatch(/would break the plan/);
    expect((await agent.get(`/api/scheduler/plans/${plan.id}`).expect(200)).body.assignments.find((a: { meeting: string }) => a.meeting === request.meeting).slot.id).toBe(request.slot.id);

    const out = (await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: null }).expect(200)).body as SchedulePlanView;
    expect(out.unscheduled.map((u) => u.meeting)).toContain(request.meeting);
    expect(out.value).toBeCloseTo(plan.value - request.value, 6);
    const back = (await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: request.slot.id }).expect(200)).body as SchedulePlanView;
    expect(back.assignments.find((a) => a.meeting === request.meeting)!.slot.id).toBe(request.slot.id);

    const published = (await agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(csrf).send({}).expect(200)).body as SchedulePlanView;
    const planned = back.assignments.filter((a) => a.kind === "request");
    expect(published.status).toBe("published");
    expect(published.publishResult!.booked + published.publishResult!.conflicts.length).toBe(planned.length);
    expect(published.publishResult!.conflicts).toEqual([]);
    for (const a of planned) {
      const m = (await t.db.models.Meeting.findById(a.meeting).lean())!;
      expect(m.status).toBe("booked");
      expect(m.startsAt!.toISOString()).toBe(a.slot.start);
    }
    await agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(csrf).send({}).expect(409);
    await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: null }).expect(409);
    const user = await t.db.models.User.findOne({ email: "planner1@example.vn" }).lean();
    expect(await t.db.models.Notification.countDocuments({ userId: user!._id, kind: "schedule_published" })).toBe(1);
    expect(await t.db.models.OutboxMessage.countDocuments({ to: "planner1@example.vn", template: "schedule_published" })).toBe(1);
  });
});
