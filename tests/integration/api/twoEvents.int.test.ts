import { DateTime } from "luxon";
import type { CompanyCard, DirectoryPage, EventSummary, FairSummary, MeetingView, SlotView } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { reservationKeys } from "../../../api/src/domain/meetings/reservationKeys";
import { buildTestApp, signIn, useSeededApp } from "../../support/app";
import { DEMO_DAYS, FIXED_NOW, fairDayPlus } from "../../support/clock";

const WEEK = "online-week-parallel";
const VISIT = "delegation-parallel";
const HANOI = "Asia/Ho_Chi_Minh";
const overlaps = (a: { start: string | Date; end: string | Date }, b: { start: string | Date; end: string | Date }) =>
  new Date(a.start) < new Date(b.end) && new Date(b.start) < new Date(a.end);

/**
 * A firm in two events at once: the demo fair (30-minute slots from 08:30) and an online matchmaking
 * week on the same days (20-minute slots from 09:00). Each page names its event; a firm's time is
 * one time across both.
 */
describe("two events at once", () => {
  const t = useSeededApp("two-events");
  let fairSlug: string;
  let weekId: string;
  let vendorId: string;
  let domesticId: string;

  beforeAll(async () => {
    const demo = (await t.repos.fairs.list())[0]!;
    fairSlug = demo.slug;
    const { id: _id, ...setup } = demo;
    const week = await t.repos.fairs.create({
      ...setup,
      slug: WEEK,
      kind: "online",
      requiresApproval: false,
      name: { vi: "Tuần kết nối trực tuyến", en: "Online matchmaking week" },
      days: [...DEMO_DAYS],
      slotMinutes: 20,
      dailyHours: { start: "09:00", end: "17:00" },
      breaks: [],
      onsiteTables: 0,
      tableZones: [],
      onlineRoomsPerSlot: 10,
    } as never);
    weekId = week!.id;
    await t.repos.fairs.create({ ...setup, slug: VISIT, kind: "delegation", days: [...DEMO_DAYS] } as never);
    vendorId = (await t.repos.users.findByEmail("vendor@ketnoi.demo"))!.companyId!;
    domesticId = (await t.repos.users.findByEmail("domestic@ketnoi.demo"))!.companyId!;
  });

  test("a firm joins the online week while the fair runs; each page shows the event it names", async () => {
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    for (const firm of [vendor, domestic]) {
      const joined = (await firm.agent.post(`/api/fairs/${WEEK}/registrations`).set(firm.csrf).send({}).expect(201)).body;
      expect(joined).toMatchObject({ status: "approved", participation: "remote" });
    }
    const events = (await vendor.agent.get("/api/fairs").expect(200)).body.data as EventSummary[];
    expect(events.filter((e) => e.registration?.status === "approved" && e.when !== "past").map((e) => e.slug)).toEqual([fairSlug, WEEK]);

    // Naming no event, the firm acts in its own (the fair); naming the week, in the week.
    expect(((await vendor.agent.get("/api/fairs/current").expect(200)).body as FairSummary).slug).toBe(fairSlug);
    const week = (await vendor.agent.get("/api/fairs/current").set("X-Ketnoi-Event", WEEK).expect(200)).body as FairSummary;
    expect(week).toMatchObject({ slug: WEEK, slotMinutes: 20 });
    // Its figures count the firms registered there (each firm also counts in the fair it came from).
    expect(week.counts).toMatchObject({ domestic: 1, foreign: 1, byCountry: { JP: 1, VN: 1 } });
    const fair = (await vendor.agent.get("/api/fairs/current").expect(200)).body as FairSummary;
    expect(fair.counts.domestic + fair.counts.foreign).toBe(
      (await t.repos.participations.listForFair((await t.repos.fairs.findBySlug(fairSlug))!.id)).length,
    );

    // The week's directory lists the firms registered there as they take part there (remotely): the
    // vendor for everyone, the domestic firm (unlisted: it did not consent to being shown) for organisers.
    const inWeek = (await domestic.agent.get("/api/companies?pageSize=100").set("X-Ketnoi-Event", WEEK).expect(200)).body as DirectoryPage;
    expect(inWeek.data.map((c: CompanyCard) => [c.id, c.participation])).toEqual([[vendorId, "remote"]]);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const all = (await organiser.agent.get("/api/companies?pageSize=100").set("X-Ketnoi-Event", WEEK).expect(200)).body as DirectoryPage;
    expect(all.data.map((c: CompanyCard) => c.id).sort()).toEqual([domesticId, vendorId].sort());
    expect(all.data.every((c: CompanyCard) => c.participation === "remote")).toBe(true);
    const inFair = (await domestic.agent.get("/api/companies?pageSize=100").expect(200)).body as DirectoryPage;
    expect(inFair.total).toBeGreaterThan(100);
    // The domestic firm's own page, from each event: onsite at the fair, remote in the week.
    expect((await t.repos.companies.findById(domesticId))!.participation).toBe("onsite");
    expect((await domestic.agent.get(`/api/companies/${domesticId}`).expect(200)).body.participation).toBe("onsite");
    expect((await domestic.agent.get(`/api/companies/${domesticId}`).set("X-Ketnoi-Event", WEEK).expect(200)).body.participation).toBe("remote");

    // An event the firm is not registered for is refused, in the reader's language; a malformed name is a field error.
    const other = await vendor.agent.get("/api/recommendations").set("X-Ketnoi-Event", VISIT).set("Accept-Language", "en").expect(403);
    expect(other.body.error.fields.event).toBe("Your company is not registered for this event.");
    const bad = await vendor.agent.get("/api/fairs/current").set("X-Ketnoi-Event", "Not A Slug!").set("Accept-Language", "en").expect(400);
    expect(bad.body.error.fields.event).toBe("No event has this short name.");
  });

  test("meetings never overlap across the two events: a slot of one that overlaps a meeting of the other is neither offered nor booked", async () => {
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const week = (req: ReturnType<typeof domestic.agent.get>) => req.set("X-Ketnoi-Event", WEEK);
    // In the fair, the domestic firm books the vendor for half an hour (a slot on the hour).
    const fairId = (await t.repos.fairs.findBySlug(fairSlug))!.id;
    const local = (iso: string) => DateTime.fromISO(iso).setZone(HANOI).toFormat("HH:mm");
    const fairOpen = (await domestic.agent.get(`/api/meetings/slots?with=${vendorId}`).expect(200)).body as SlotView[];
    const onTheHour = fairOpen.find((s) => local(s.start).endsWith(":00") && local(s.start) >= "09:00" && local(s.start) <= "16:00")!;
    expect(onTheHour).toBeDefined();
    const inFair = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: vendorId, slot: onTheHour.id }).expect(201))
      .body as MeetingView;
    expect(inFair).toMatchObject({ status: "booked", eventId: fairId });

    // Every slot the week offers the pair is clear of it.
    const offered = (await week(domestic.agent.get(`/api/meetings/slots?with=${vendorId}`)).expect(200)).body as SlotView[];
    expect(offered.length).toBeGreaterThan(10);
    expect(offered.filter((s) => overlaps(s, onTheHour))).toEqual([]);

    // A week slot that starts inside it (twenty minutes in): refused, the firm is busy then.
    const inside = DateTime.fromISO(onTheHour.start).plus({ minutes: 20 }).toUTC().toISO({ suppressMilliseconds: true })!;
    const refused = await domestic.agent
      .post("/api/meetings")
      .set(domestic.csrf)
      .set("X-Ketnoi-Event", WEEK)
      .set("Accept-Language", "en")
      .send({ with: vendorId, slot: inside })
      .expect(409);
    expect(refused.body.error.fields.slot).toBe("The requesting company already has a meeting in this slot.");
    expect(await t.repos.meetings.listForFair(weekId)).toEqual([]);

    // An offered slot books, in the week, online; the vendor's agenda shows it beside its fair meetings, each naming its event.
    const slot = offered[0]!;
    const made = (
      await domestic.agent.post("/api/meetings").set(domestic.csrf).set("X-Ketnoi-Event", WEEK).send({ with: vendorId, slot: slot.id }).expect(201)
    ).body as MeetingView;
    expect(made).toMatchObject({ status: "booked", mode: "online", eventId: weekId, slot: { start: slot.start, end: slot.end } });
    const stored = (await t.repos.meetings.findById(made.id))!;
    expect(stored.fairId).toBe(weekId);
    // Both firms' twenty minutes, in four five-minute blocks each, held by the meeting.
    for (const firm of [domesticId, vendorId]) {
      const time = reservationKeys.participantTime(firm, new Date(slot.start), new Date(slot.end));
      expect(time).toHaveLength(4);
      for (const key of time) expect((await t.db.models.Reservation.findById(key).lean())?.meetingId.toHexString()).toBe(made.id);
    }
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const agenda = (await vendor.agent.get("/api/meetings").expect(200)).body as MeetingView[];
    expect(agenda.find((m) => m.id === made.id)?.eventId).toBe(weekId);
    expect(agenda.find((m) => m.id === inFair.id)?.eventId).toBe(fairId);

    // And the fair no longer offers the pair any of its slots the week's meeting overlaps.
    const fairOffered = (await domestic.agent.get(`/api/meetings/slots?with=${vendorId}`).expect(200)).body as SlotView[];
    expect(fairOffered.length).toBeGreaterThan(5);
    expect(fairOffered.some((s) => overlaps(s, slot))).toBe(false);
    // The firm's availability page shows each event's own slots.
    const own = (req: ReturnType<typeof domestic.agent.get>) => req.expect(200).then((r) => r.body.slots as { start: string; end: string }[]);
    const weekSlots = await own(week(domestic.agent.get(`/api/companies/${domesticId}/availability`)));
    const fairSlots = await own(domestic.agent.get(`/api/companies/${domesticId}/availability`));
    expect(new Set(weekSlots.map((s) => Date.parse(s.end) - Date.parse(s.start)))).toEqual(new Set([20 * 60_000]));
    expect(new Set(fairSlots.map((s) => Date.parse(s.end) - Date.parse(s.start)))).toEqual(new Set([30 * 60_000]));
  });

  test("recommendations and the organiser's scheduler follow the event named", async () => {
    // The vendor's best partners at the fair; three of them join the week too.
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const ids = (recs: { company: { id: string } }[]) => recs.map((r) => r.company.id);
    const atFair = ids((await vendor.agent.get("/api/recommendations?k=10").expect(200)).body);
    expect(atFair).toHaveLength(10);
    for (const companyId of atFair.slice(0, 3))
      await t.repos.participations.register({ fairId: weekId, companyId, status: "approved", participation: "remote" });
    const inWeekRegistered = new Set((await t.repos.participations.listForFair(weekId)).map((p) => p.companyId));
    expect(inWeekRegistered.size).toBe(5);
    // In the week, only firms registered there are proposed.
    const inWeek = ids((await vendor.agent.get("/api/recommendations?k=10").set("X-Ketnoi-Event", WEEK).expect(200)).body);
    expect(inWeek.length).toBeGreaterThan(0);
    expect(inWeek.filter((id) => !inWeekRegistered.has(id))).toEqual([]);
    expect(atFair.filter((id) => !inWeekRegistered.has(id)).length).toBeGreaterThan(0);

    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const before = (await organiser.agent.get("/api/scheduler/plans").set("X-Ketnoi-Event", WEEK).expect(200)).body as unknown[];
    expect(before).toEqual([]);
    const plan = (
      await organiser.agent
        .post("/api/scheduler/plans")
        .set(organiser.csrf)
        .set("X-Ketnoi-Event", WEEK)
        .send({ timeLimitSeconds: 1, proposalsPerCompany: 3 })
        .expect(201)
    ).body as { id: string; assignments: { slot: { start: string; end: string }; a: { id: string }; b: { id: string } }[] };
    expect((await t.repos.schedulePlans.findById(plan.id))!.fairId).toBe(weekId);
    // Planned in the week's own 20-minute slots, clear of the firms' fair meetings.
    const fairId = (await t.repos.fairs.findBySlug(fairSlug))!.id;
    const fairMeetings = (await t.repos.meetings.listForFair(fairId)).filter((m) => m.status === "booked");
    expect(plan.assignments.length).toBeGreaterThan(0);
    const weekFirms = new Set((await t.repos.participations.listForFair(weekId)).map((p) => p.companyId));
    for (const a of plan.assignments) {
      expect([weekFirms.has(a.a.id), weekFirms.has(a.b.id)]).toEqual([true, true]);
      expect(Date.parse(a.slot.end) - Date.parse(a.slot.start)).toBe(20 * 60_000);
      for (const m of fairMeetings.filter((m) => [a.a.id, a.b.id].some((id) => m.parties.includes(id))))
        expect(overlaps(a.slot, { start: m.startsAt!, end: m.endsAt! })).toBe(false);
    }
    const after = (await organiser.agent.get("/api/scheduler/plans").set("X-Ketnoi-Event", WEEK).expect(200)).body as { id: string }[];
    expect(after.map((p) => p.id)).toEqual([plan.id]);
    const fairPlans = (await organiser.agent.get("/api/scheduler/plans").expect(200)).body as { id: string }[];
    expect(fairPlans.map((p) => p.id)).not.toContain(plan.id);
  });

  test("a firm that joins an event on one api process is in that event's directory at the next look on another", async () => {
    const other = buildTestApp(t.db, { now: () => FIXED_NOW });
    const demo = (await t.repos.fairs.findBySlug(fairSlug))!;
    const { id: _id, ...setup } = demo;
    await t.repos.fairs.create({ ...setup, slug: "week-two-processes", kind: "online", requiresApproval: false, days: [fairDayPlus(40)] } as never);
    const organiser = await signIn(other.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const listed = async () =>
      (
        (await organiser.agent.get("/api/companies?pageSize=100").set("X-Ketnoi-Event", "week-two-processes").expect(200)).body as DirectoryPage
      ).data.map((c: CompanyCard) => c.id);
    // The other process has read its directory copy: the week is empty.
    expect(await listed()).toEqual([]);
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    await vendor.agent.post("/api/fairs/week-two-processes/registrations").set(vendor.csrf).send({}).expect(201);
    expect(await listed()).toEqual([vendorId]);
  });
});
