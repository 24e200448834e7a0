import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import request from "supertest";
import { buildTestApp, FIXED_NOW, TEST_ORIGIN, signIn, useSeededApp } from "../../support/app";
import { silentLogger } from "../../support/stack";
import { createMeetingContext } from "../../../api/src/composition";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { checkSolution } from "../../../api/src/domain/scheduling/checker";
import type { AdjustPlanResult, PlanSlotOptions, SchedulePlanSummary, SchedulePlanView } from "@ketnoi/contracts";
import { seedDemoMeetings } from "../../../api/src/seed/seedDemoMeetings";
import { buildUser } from "../../support/factories";
import { fairSlots } from "../../../api/src/domain/fairSlots";
import { demoFairSetup } from "../../../api/src/seed/data/programme";
import { DEMO_DAYS } from "../../support/clock";
import { waitFor } from "../../support/processes";

describe("the organiser's auto-scheduler: run, review, adjust, publish", () => {
  const t = useSeededApp("scheduler");
  const requests: string[] = [];
  let booked: { id: string; start: string };
  let isolated: string;
  /** The ten firms' owners who asked for meetings. */
  const planners: { id: string; email: string }[] = [];
  const afternoonOnly: string[] = [];

  beforeAll(async () => {
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const firms = await t.db.models.Company.find({ kind: "domestic", status: { $ne: "pending" } })
      .limit(10)
      .lean();
    const vendors = await t.db.models.Company.find({ kind: "foreign", status: { $ne: "pending" } })
      .limit(4)
      .lean();
    await t.db.models.Company.updateMany({ _id: { $in: [...firms, ...vendors].map((c) => c._id) } }, { $set: { listed: true } });
    for (const [i, firm] of firms.entries()) {
      const user = await buildUser(t.repos, { companyId: firm._id.toHexString() });
      planners.push(user);
      // Every firm asks two or three vendors: the popular first vendor is asked by all ten.
      for (const v of vendors.slice(0, 2 + (i % 2))) {
        const { meeting: m } = await requestMeeting(ctx, user, undefined, {
          with: v._id.toHexString(),
          message: "",
          mode: "either",
          ...(i === 0 && v === vendors[0] ? { slot: "d1s04" } : {}),
          ...(i < 4 && v === vendors[1] ? { dayPart: "afternoon" as const } : {}),
        });
        if (i < 4 && v === vendors[1]) afternoonOnly.push(m.id);
        if (m.status === "booked") booked = { id: m.id, start: m.startsAt!.toISOString() };
        else requests.push(m.id);
      }
    }
    // One firm blocks every slot: its request cannot be placed, and the plan must say why.
    const blocked = firms[9]!;
    await t.db.models.Company.updateOne({ _id: blocked._id }, { $set: { blockedSlots: fairSlots(demoFairSetup(DEMO_DAYS)).map((s) => s.start) } });
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
    const plan = (
      await agent
        .post("/api/scheduler/plans")
        .set({ ...csrf, "Accept-Language": "en" })
        .send({ timeLimitSeconds: 0.5 })
        .expect(201)
    ).body as SchedulePlanView;
    // A request and another meeting of one of its companies, in a slot the request is refused for that (the slot list says so first).
    const pairs = plan.assignments
      .filter((a) => a.kind === "request")
      .flatMap((request) =>
        plan.assignments
          .filter(
            (a) =>
              a.meeting !== request.meeting &&
              a.slot.id !== request.slot.id &&
              [a.a.id, a.b.id].some((id) => id === request.a.id || id === request.b.id),
          )
          .map((clash) => ({ request, clash })),
      );
    let chosen: (typeof pairs)[number] | undefined;
    for (const pair of pairs) {
      const options = (await agent.get(`/api/scheduler/plans/${plan.id}/meetings/${pair.request.meeting}/slots`).expect(200)).body as PlanSlotOptions;
      if (options.slots.find((s) => s.id === pair.clash.slot.id)!.reasons[0]?.code === "partyBusy") {
        chosen = pair;
        break;
      }
    }
    const { request, clash } = chosen!;
    const refused = await agent
      .put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`)
      .set({ ...csrf, "Accept-Language": "en" })
      .send({ slot: clash.slot.id })
      .expect(409);
    // The refusal names the firm that is busy then and whom it meets.
    const shared = [request.a, request.b].find((c) => c.id === clash.a.id || c.id === clash.b.id)!;
    const partner = clash.a.id === shared.id ? clash.b : clash.a;
    expect(refused.body.error.fields.slot).toBe(`${shared.name} already meets ${partner.name} in this slot.`);
    expect(
      (await agent.get(`/api/scheduler/plans/${plan.id}`).expect(200)).body.assignments.find(
        (a: { meeting: string }) => a.meeting === request.meeting,
      ).slot.id,
    ).toBe(request.slot.id);

    const out = (await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: null }).expect(200))
      .body as SchedulePlanView;
    expect(out.unscheduled.map((u) => u.meeting)).toContain(request.meeting);
    expect(out.value).toBeCloseTo(plan.value - request.value, 6);
    const back = (
      await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: request.slot.id }).expect(200)
    ).body as AdjustPlanResult;
    expect(back.change).toBe("moved");
    expect(back.assignments.find((a) => a.meeting === request.meeting)!.slot.id).toBe(request.slot.id);
    // Into the slot it has: nothing changes, and the answer says so.
    const same = (
      await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: request.slot.id }).expect(200)
    ).body as AdjustPlanResult;
    expect(same.change).toBe("unchanged");
    expect(same.assignments).toEqual(back.assignments);

    const published = (await agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(csrf).send({}).expect(200)).body as SchedulePlanView;
    const planned = back.assignments.filter((a) => a.kind === "request");
    expect(planned.length).toBeGreaterThan(0);
    expect(published.status).toBe("published");
    expect(published.publishResult!.booked + published.publishResult!.conflicts.length).toBe(planned.length);
    expect(published.publishResult!.conflicts).toEqual([]);
    for (const a of planned) {
      const m = (await t.db.models.Meeting.findById(a.meeting).lean())!;
      expect(m.status).toBe("booked");
      expect(m.startsAt!.toISOString()).toBe(a.slot.start);
    }
    const again = await agent
      .post(`/api/scheduler/plans/${plan.id}/publish`)
      .set({ ...csrf, "Accept-Language": "en" })
      .send({})
      .expect(409);
    expect(again.body.error.fields.plan).toBe("This plan has already been published.");
    await agent.put(`/api/scheduler/plans/${plan.id}/meetings/${request.meeting}`).set(csrf).send({ slot: null }).expect(409);
    expect(await t.db.models.Notification.countDocuments({ userId: planners[1]!.id, kind: "schedule_published" })).toBe(1);
    expect(await t.db.models.OutboxMessage.countDocuments({ to: planners[1]!.email, template: "schedule_published" })).toBe(1);
  });
});

describe("the scheduler on the demo fair with matching proposals: moves offered and checked, interpreters' runs, the plans list, one publish", () => {
  const t = useSeededApp("schedulerdemo");
  let organiser: Awaited<ReturnType<typeof signIn>>;
  let plan: SchedulePlanView;
  const en = () => ({ ...organiser.csrf, "Accept-Language": "en" });
  const slotsOf = async (meeting: string) =>
    (
      await organiser.agent
        .get(`/api/scheduler/plans/${plan.id}/meetings/${encodeURIComponent(meeting)}/slots`)
        .set(en())
        .expect(200)
    ).body as PlanSlotOptions;

  beforeAll(async () => {
    await seedDemoMeetings(t.repos, () => FIXED_NOW);
    organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    // Two proposals per company: a plan of a few hundred meetings, as in the field test.
    plan = (await organiser.agent.post("/api/scheduler/plans").set(organiser.csrf).send({ timeLimitSeconds: 1, proposalsPerCompany: 2 }).expect(201))
      .body as SchedulePlanView;
  }, 120_000);

  test("no interpreter works more than three meetings in a row (the default); the plan says how often that made one pause and how far they walk", async () => {
    const stored = (await t.db.models.SchedulePlan.findById(plan.id).lean())!;
    expect(stored.instance.interpreterMaxRun).toBe(3);
    // The fair's zone goes with the plan: its days (breaks, interpreters' runs) are counted in it.
    expect(stored.instance.timeZone).toBe("Asia/Ho_Chi_Minh");
    const check = checkSolution(stored.instance, stored.solution);
    expect(check.violations).toEqual([]);
    expect(plan.interpreters).toEqual({
      maxRun: 3,
      longestRun: check.interpreters.longestRun,
      runsAtCap: check.interpreters.runsAtCap,
      averageTableDistance: check.interpreters.averageTableDistance,
    });
    expect(plan.interpreters!.longestRun).toBeLessThanOrEqual(3);
    expect(plan.interpreters!.runsAtCap).toBeGreaterThan(0);
    expect(plan.interpreters!.averageTableDistance).not.toBeNull();
    // Every onsite meeting has its table; a booked one the table it holds (the plan's others go around it).
    const onsite = plan.assignments.filter((a) => a.mode === "onsite");
    expect(onsite.length).toBeGreaterThan(0);
    expect(onsite.every((a) => a.table! >= 1)).toBe(true);
    const bookedOnsite = plan.assignments.filter((a) => a.kind === "booked" && a.mode === "onsite");
    expect(bookedOnsite.length).toBeGreaterThan(0);
    for (const a of bookedOnsite) expect(a.table).toBe((await t.db.models.Meeting.findById(a.meeting).lean())!.table);
  });

  test("a meeting moves to a slot offered as feasible; a slot not offered says why; its own slot changes nothing; a booked meeting stays", async () => {
    // A placed request or proposal with somewhere else to go.
    let offered: { meeting: SchedulePlanView["assignments"][number]; options: PlanSlotOptions } | null = null;
    for (const a of plan.assignments.filter((x) => x.kind !== "booked")) {
      const options = await slotsOf(a.meeting);
      if (options.slots.some((s) => s.feasible) && options.slots.some((s) => s.reasons.some((r) => r.code === "partyBusy"))) {
        offered = { meeting: a, options };
        break;
      }
    }
    expect(offered).not.toBeNull();
    const { meeting, options } = offered!;
    expect(options.current).toBe(meeting.slot.id);
    expect(options.slots.find((s) => s.id === meeting.slot.id)!.reasons).toEqual([{ code: "current" }]);
    const target = options.slots.find((s) => s.feasible)!;
    const moved = (
      await organiser.agent
        .put(`/api/scheduler/plans/${plan.id}/meetings/${encodeURIComponent(meeting.meeting)}`)
        .set(en())
        .send({ slot: target.id })
        .expect(200)
    ).body as AdjustPlanResult;
    expect(moved.change).toBe("moved");
    expect(moved.assignments.find((a) => a.meeting === meeting.meeting)).toMatchObject({ slot: { id: target.id }, mode: target.mode });
    const stored = (await t.db.models.SchedulePlan.findById(plan.id).lean())!;
    expect(checkSolution(stored.instance, stored.solution).violations).toEqual([]);

    // A slot where one side meets someone else: refused, the reason named as the slot list gave it.
    const after = await slotsOf(meeting.meeting);
    const busy = after.slots.find((s) => s.reasons[0]?.code === "partyBusy")!;
    const reason = busy.reasons[0]!;
    const refused = await organiser.agent
      .put(`/api/scheduler/plans/${plan.id}/meetings/${encodeURIComponent(meeting.meeting)}`)
      .set(en())
      .send({ slot: busy.id })
      .expect(409);
    expect(refused.body.error.fields.slot).toBe(`${reason.party!.name} already meets ${reason.with!.name} in this slot.`);
    const vi = await organiser.agent
      .put(`/api/scheduler/plans/${plan.id}/meetings/${encodeURIComponent(meeting.meeting)}`)
      .set({ ...organiser.csrf, "Accept-Language": "vi" })
      .send({ slot: busy.id })
      .expect(409);
    expect(vi.body.error.fields.slot).toContain("đã có lịch gặp");

    // Its own slot: unchanged, nothing written.
    const same = (
      await organiser.agent
        .put(`/api/scheduler/plans/${plan.id}/meetings/${encodeURIComponent(meeting.meeting)}`)
        .set(en())
        .send({ slot: target.id })
        .expect(200)
    ).body as AdjustPlanResult;
    expect(same.change).toBe("unchanged");
    expect(same.assignments).toEqual(moved.assignments);

    // A booked meeting is not moved by the plan (publishing leaves booked meetings alone).
    const booked = plan.assignments.find((a) => a.kind === "booked")!;
    const bookedSlots = await slotsOf(booked.meeting);
    const elsewhere = bookedSlots.slots.filter((s) => s.id !== booked.slot.id);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((s) => !s.feasible && s.reasons[0]!.code === "booked")).toBe(true);
    const other = bookedSlots.slots.find((s) => s.id !== booked.slot.id)!;
    const stays = await organiser.agent
      .put(`/api/scheduler/plans/${plan.id}/meetings/${booked.meeting}`)
      .set(en())
      .send({ slot: other.id })
      .expect(409);
    expect(stays.body.error.fields.slot).toBe("This meeting is already booked: move it on its meeting page.");
  });

  test("a remote firm's slot outside its working hours says so", async () => {
    const stored = (await t.db.models.SchedulePlan.findById(plan.id).lean())!;
    const remote = new Set((stored.instance.participants as { id: string; onsite: boolean }[]).filter((p) => !p.onsite).map((p) => p.id));
    let found: PlanSlotOptions["slots"][number]["reasons"][number] | undefined;
    for (const a of plan.assignments.filter((x) => x.kind !== "booked" && (remote.has(x.a.id) || remote.has(x.b.id))).slice(0, 20)) {
      found = (await slotsOf(a.meeting)).slots.flatMap((s) => s.reasons).find((r) => r.code === "partyOutsideHours");
      if (found) break;
    }
    expect(found).toMatchObject({ code: "partyOutsideHours", party: { name: expect.any(String) } });
    expect(remote.has(found!.party!.id)).toBe(true);
  });

  test("the plans list: newest first with their figures; published once however often it is asked, with progress as it goes", async () => {
    // (At most one meeting per company: a plan of some dozens to publish, enough to see it go.)
    const second = (
      await organiser.agent
        .post("/api/scheduler/plans")
        .set(organiser.csrf)
        .send({ timeLimitSeconds: 0.5, proposalsPerCompany: 1, maxMeetingsPerCompany: 1 })
        .expect(201)
    ).body as SchedulePlanView;
    const list = (await organiser.agent.get("/api/scheduler/plans").expect(200)).body as SchedulePlanSummary[];
    expect(list.map((p) => p.id).slice(0, 2)).toEqual([second.id, plan.id]);
    expect(list[0]).toMatchObject({
      status: "draft",
      value: second.value,
      upperBound: second.upperBound,
      breaks: second.breaks,
      scheduled: second.assignments.length,
      unscheduled: second.unscheduled.length,
      interpreters: second.interpreters,
    });

    // Two publishes at once (a double click, a second tab): one books, the other is refused and books nothing.
    const seen: number[] = [];
    // Publishing writes its progress as it goes (batch by batch): recorded here as the api writes it.
    const progress: { done: number; total: number }[] = [];
    const plans = t.repos.schedulePlans;
    const write = plans.setPublishProgress.bind(plans);
    plans.setPublishProgress = (id, fairId, p) => {
      progress.push(p);
      return write(id, fairId, p);
    };
    const post = () => organiser.agent.post(`/api/scheduler/plans/${second.id}/publish`).set(en()).send({});
    const first = post();
    const racing = post();
    const poll = (async () => {
      for (let i = 0; i < 400; i++) {
        const now = (await organiser.agent.get(`/api/scheduler/plans/${second.id}`).expect(200)).body as SchedulePlanView;
        if (now.status === "published") return;
        if (now.publishing) seen.push(now.publishing.done);
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    const [a, b] = await Promise.all([first, racing]);
    await poll;
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    // The two left together: the loser found it under way.
    expect((a.status === 409 ? a : b).body.error.fields.plan).toBe("This plan is being published; wait until it is done.");
    const afterwards = await post().expect(409);
    expect(afterwards.body.error.fields.plan).toBe("This plan has already been published.");
    const done = (a.status === 200 ? a : b).body as SchedulePlanView;
    const planned = second.assignments.filter((x) => x.kind !== "booked").length;
    // Nothing changed since the plan was made: every planned meeting is booked.
    expect(done.publishResult).toEqual({ booked: planned, conflicts: [] });
    expect(planned).toBeGreaterThan(0);
    expect(done.publishing).toBeUndefined();
    // Interpreters' meetings are booked at the tables the plan gave them (near their other meetings).
    const failed = new Set(done.publishResult!.conflicts.map((c) => c.meeting));
    const interpreted = second.assignments.filter((x) => x.kind === "proposal" && x.interpreter && x.mode === "onsite" && !failed.has(x.meeting));
    expect(interpreted.length).toBeGreaterThan(0);
    for (const x of interpreted)
      expect((await t.db.models.Meeting.findOne({ requesterId: x.a.id, recipientId: x.b.id, source: "scheduler" }).lean())!.table).toBe(x.table);
    // It went in steps the page can show: from none, through some, never more than all (the page
    // polls: what it saw is among them).
    plans.setPublishProgress = write;
    expect(progress[0]).toEqual({ done: 0, total: planned });
    expect(progress.some((p) => p.done > 0 && p.done < planned)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((x, y) => x - y));
    for (const n of seen) expect(progress.map((p) => p.done)).toContain(n);
    const listed = ((await organiser.agent.get("/api/scheduler/plans").expect(200)).body as SchedulePlanSummary[]).find((p) => p.id === second.id)!;
    expect(listed).toMatchObject({
      status: "published",
      publishResult: { booked: done.publishResult!.booked, conflicts: done.publishResult!.conflicts.length },
    });
    expect(listed.publishedAt).toBeDefined();
  }, 180_000);

  test("one run per event at a time, across api processes: a second is told the first is under way, and runs once it is done", async () => {
    const other = buildTestApp(t.db, { now: () => FIXED_NOW }).app;
    const login = await request(t.app).post("/api/auth/login").send({ email: "organiser@ketnoi.demo", password: DEMO_PASSWORD }).expect(200);
    const cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
    const run = (app: typeof other) =>
      request(app)
        .post("/api/scheduler/plans")
        .set({ Cookie: cookie, "X-CSRF-Token": login.body.csrfToken, "Accept-Language": "en" })
        .send({ timeLimitSeconds: 2, proposalsPerCompany: 1 });
    // The second click comes while the first run is under way: once its claim on the event is there.
    const firstRun = run(t.app).then((r) => r);
    await waitFor("the first run's claim on the event", async () => Boolean(await t.db.models.Reservation.exists({ _id: /^solving:/ })), {
      intervalMs: 20,
    });
    const second = await run(other);
    const first = await firstRun;
    expect([first.status, second.status]).toEqual([201, 409]);
    expect(second.body.error.fields).toEqual({ event: "A scheduler run for this event is under way; open its plan when it is done." });
    expect((await run(other)).status).toBe(201);
  }, 60_000);
});
