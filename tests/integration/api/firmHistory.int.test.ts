import { randomBytes } from "node:crypto";
import { MEETING_OUTCOMES, OUTCOME_WINDOW_DAYS, type FirmHistory, type HistoryCounts, type MeetingOutcome } from "@ketnoi/contracts";
import { DEMO_PASSWORD, seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { ALUMNI_LOGIN, DELEGATION_DESK_LOGIN, PAST_FAIR_SLUG, seedDemoProgramme } from "../../../api/src/seed/seedDemoProgramme";
import { DEMO_FAIR_SLUG } from "../../../api/src/seed/data/programme";
import type { MeetingRecord } from "../../../api/src/repositories/meetingRepository";
import { buildTestApp, FIXED_NOW, signIn } from "../../support/app";
import { freshDatabase } from "../../support/stack";
import { DEMO_DAYS, fairTime } from "../../support/clock";

type Db = Awaited<ReturnType<typeof freshDatabase>>;
const DAY_MS = 86_400_000;

/** What the history should count for these meetings: held ones, and each outcome once per meeting. */
function expectedCounts(meetings: MeetingRecord[]): HistoryCounts {
  const outcomes = Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, 0])) as Record<MeetingOutcome, number>;
  for (const m of meetings) for (const o of new Set(m.outcomes.map((x) => x.outcome as MeetingOutcome))) outcomes[o]++;
  return { meetingsHeld: meetings.filter((m) => m.status === "held").length, outcomes };
}

/**
 * A firm's history across the programme's events: last year's fair (the demo programme's alumni firm
 * met there) and this year's, its counts, and an outcome recorded weeks after the fair.
 */
describe("a firm's history across events", () => {
  const clock = { now: FIXED_NOW };
  let db: Db;
  let app: ReturnType<typeof buildTestApp>["app"];
  let repos: ReturnType<typeof buildTestApp>["repos"];
  let alumniFirm: string;
  let partner: string;
  /** The alumni firm's meeting at this year's fair, held on its first day. */
  let thisYear: MeetingRecord;
  let pastMeetings: MeetingRecord[];

  beforeAll(async () => {
    db = await freshDatabase("firmhistory");
    ({ app, repos } = buildTestApp(db, { now: () => clock.now }));
    await seedDemoFair(repos, FIXED_NOW);
    const demo = (await repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
    await seedDemoProgramme(repos, demo);
    alumniFirm = (await repos.users.findByEmail(ALUMNI_LOGIN.email))!.companyId!;
    const past = (await repos.fairs.findBySlug(PAST_FAIR_SLUG))!;
    pastMeetings = (await repos.meetings.listForFair(past.id)).filter((m) => m.parties.includes(alumniFirm));
    // The alumni firm came back this year and met a foreign firm there (not the demo vendor's).
    await repos.participations.register({ fairId: demo.id, companyId: alumniFirm, status: "approved", participation: "onsite" });
    const vendorFirm = (await repos.users.findByEmail("vendor@ketnoi.demo"))!.companyId!;
    partner = (await db.models.Company.findOne({ fairId: demo.id, kind: "foreign", _id: { $ne: vendorFirm } }).lean())!._id.toHexString();
    const organiser = (await repos.users.findByEmail("organiser@ketnoi.demo"))!;
    const start = fairTime(1, "10:00");
    const id = repos.meetings.newId();
    thisYear = await repos.meetings.create(
      id,
      {
        fairId: demo.id,
        requesterId: alumniFirm,
        recipientId: partner,
        parties: [alumniFirm, partner],
        requestedBy: organiser.id,
        source: "scheduler",
        message: "",
        preferredMode: "onsite",
        dayPart: "any",
        status: "held",
        startsAt: start,
        endsAt: new Date(start.getTime() + 30 * 60_000),
        mode: "onsite",
        table: 7,
        reservationKeys: [],
        sequence: 0,
        outcomes: [],
        checkInCode: randomBytes(18).toString("base64url"),
        checkedInAt: start,
        absent: [],
      } as never,
      organiser.id,
    );
  });
  afterAll(() => db.drop());
  afterEach(() => (clock.now = FIXED_NOW));

  const history = async (who: string = ALUMNI_LOGIN.email) => {
    const s = await signIn(app, who, DEMO_PASSWORD);
    return (await s.agent.get("/api/me/history").expect(200)).body as FirmHistory;
  };

  test("the firm sees its meetings in both events, newest first, with the right counts, and no other firm's meetings", async () => {
    expect(pastMeetings.length).toBeGreaterThan(0);
    clock.now = fairTime(2, "17:00");
    const h = await history();
    expect(h.company.id).toBe(alumniFirm);
    expect(h.events.map((e) => e.slug)).toEqual([DEMO_FAIR_SLUG, PAST_FAIR_SLUG]);
    const [now, before] = h.events;
    expect(now!.days).toEqual(DEMO_DAYS);
    expect(now!.meetings).toEqual([
      expect.objectContaining({ id: thisYear.id, start: fairTime(1, "10:00").toISOString(), mode: "onsite", status: "held", outcomes: [] }),
    ]);
    expect(now!.meetings[0]!.partner).toEqual({ id: partner, name: expect.any(String), country: expect.any(String) });
    expect(now!.meetings[0]!.partner.name).not.toBe("");
    // Last year's: exactly the firm's meetings there (the fair had many more, between other firms), by start.
    expect(before!.meetings.map((m) => m.id).sort()).toEqual(pastMeetings.map((m) => m.id).sort());
    expect(before!.meetings.every((m) => m.partner.id !== alumniFirm)).toBe(true);
    const starts = before!.meetings.map((m) => m.start);
    expect(starts).toEqual([...starts].sort());
    // Each outcome with its side and when it was recorded (weeks after last year's fair, as the seed has it).
    const recorded = pastMeetings.flatMap((m) => m.outcomes.map((o) => ({ id: m.id, outcome: o.outcome, at: o.at!.toISOString() })));
    expect(before!.meetings.flatMap((m) => m.outcomes.map((o) => ({ id: m.id, outcome: o.outcome, at: o.at })))).toEqual(
      expect.arrayContaining(recorded),
    );
    expect(before!.counts).toEqual(expectedCounts(pastMeetings));
    expect(now!.counts).toEqual(expectedCounts([thisYear]));
    expect(h.totals).toEqual(expectedCounts([...pastMeetings, thisYear]));
    expect(h.totals.meetingsHeld).toBe(pastMeetings.length + 1);
    // Read on the fair's last evening: this year's meeting has started, so the firm may record its outcome.
    expect(now!.meetings[0]!.outcomeOpen).toBe(true);

    // Another firm's history has none of these meetings.
    const other = await history("domestic@ketnoi.demo");
    const ids = new Set(other.events.flatMap((e) => e.meetings.map((m) => m.id)));
    expect([thisYear.id, ...pastMeetings.map((m) => m.id)].some((id) => ids.has(id))).toBe(false);
  });

  test("an outcome recorded six weeks after the fair is accepted, shown with when, counted in the history and in the programme report", async () => {
    const year = Number(DEMO_DAYS[1].slice(0, 4));
    clock.now = new Date(fairTime(2, "17:00").getTime() + 6 * 7 * DAY_MS);
    const firm = await signIn(app, ALUMNI_LOGIN.email, DEMO_PASSWORD);
    const organiser = await signIn(app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const progress = async () =>
      (
        (await organiser.agent.get(`/api/programme/${year}/progress`).expect(200)).body.events as { slug: string; outcomes: Record<string, number> }[]
      ).find((e) => e.slug === DEMO_FAIR_SLUG)!.outcomes;
    const reportBefore = await progress();
    const before = (await firm.agent.get("/api/me/history").expect(200)).body as FirmHistory;

    await firm.agent
      .post(`/api/meetings/${thisYear.id}/outcome`)
      .set(firm.csrf)
      .send({ outcome: "quotation_requested", note: "Drawings sent for the bracket" })
      .expect(200);
    const after = (await firm.agent.get("/api/me/history").expect(200)).body as FirmHistory;
    const meeting = after.events[0]!.meetings.find((m) => m.id === thisYear.id)!;
    expect(meeting.outcomes).toEqual([
      { companyId: alumniFirm, outcome: "quotation_requested", note: "Drawings sent for the bracket", at: clock.now.toISOString() },
    ]);
    expect(after.events[0]!.counts.outcomes.quotation_requested).toBe(before.events[0]!.counts.outcomes.quotation_requested + 1);
    expect(after.totals.outcomes.quotation_requested).toBe(before.totals.outcomes.quotation_requested + 1);
    expect(await progress()).toEqual({ ...reportBefore, quotation_requested: reportBefore.quotation_requested! + 1 });

    // Two weeks on the firm changes it: the meeting keeps the latest, and each record is its own meeting event (audited).
    const recordedFirst = clock.now;
    clock.now = new Date(recordedFirst.getTime() + 14 * DAY_MS);
    const later = await signIn(app, ALUMNI_LOGIN.email, DEMO_PASSWORD);
    await later.agent.post(`/api/meetings/${thisYear.id}/outcome`).set(later.csrf).send({ outcome: "mou_signed" }).expect(200);
    const changed = ((await later.agent.get("/api/me/history").expect(200)).body as FirmHistory).events[0]!;
    expect(changed.meetings.find((m) => m.id === thisYear.id)!.outcomes).toEqual([
      { companyId: alumniFirm, outcome: "mou_signed", at: clock.now.toISOString() },
    ]);
    expect(changed.counts.outcomes.quotation_requested).toBe(before.events[0]!.counts.outcomes.quotation_requested);
    expect(changed.counts.outcomes.mou_signed).toBe(before.events[0]!.counts.outcomes.mou_signed + 1);
    const events = await db.models.MeetingEvent.find({ meetingId: thisYear.id, kind: "outcome" }).sort({ _id: 1 }).lean();
    expect(events.map((e) => (e.set as { outcomes: { outcome: string; at: Date }[] }).outcomes.map((o) => [o.outcome, o.at.toISOString()]))).toEqual([
      [["quotation_requested", recordedFirst.toISOString()]],
      [["mou_signed", clock.now.toISOString()]],
    ]);
  });

  test("past the year after the meeting an outcome is refused, in the caller's language, and no longer offered", async () => {
    clock.now = new Date(thisYear.startsAt!.getTime() + (OUTCOME_WINDOW_DAYS + 1) * DAY_MS);
    const firm = await signIn(app, ALUMNI_LOGIN.email, DEMO_PASSWORD);
    const res = await firm.agent
      .post(`/api/meetings/${thisYear.id}/outcome`)
      .set(firm.csrf)
      .set("Accept-Language", "en")
      .send({ outcome: "samples" })
      .expect(409);
    expect(res.body.error.fields.meeting).toBe("It is too late to record an outcome: outcomes are taken up to a year after the meeting.");
    const h = (await firm.agent.get("/api/me/history").expect(200)).body as FirmHistory;
    expect(h.events.flatMap((e) => e.meetings).some((m) => m.outcomeOpen)).toBe(false);
  });

  test("a firm that is not a party may neither record an outcome nor read the firm's history; an organiser reads it and records none; a scoped organiser is refused", async () => {
    clock.now = new Date(fairTime(2, "17:00").getTime() + 3 * 7 * DAY_MS);
    const stranger = await signIn(app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    await stranger.agent.post(`/api/meetings/${thisYear.id}/outcome`).set(stranger.csrf).send({ outcome: "nda" }).expect(404);
    await stranger.agent.get(`/api/companies/${alumniFirm}/history`).expect(404);
    const organiser = await signIn(app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.agent.post(`/api/meetings/${thisYear.id}/outcome`).set(organiser.csrf).send({ outcome: "nda" }).expect(403);
    const read = (await organiser.agent.get(`/api/companies/${alumniFirm}/history`).expect(200)).body as FirmHistory;
    // An organiser scoped to some events (the demo's delegation desk) does not read a history spanning all of them.
    const desk = await signIn(app, DELEGATION_DESK_LOGIN.email, DEMO_PASSWORD);
    await desk.agent.get(`/api/companies/${alumniFirm}/history`).expect(403);
    expect(read.events.map((e) => e.slug)).toEqual([DEMO_FAIR_SLUG, PAST_FAIR_SLUG]);
    expect(read.events.flatMap((e) => e.meetings).some((m) => m.outcomeOpen)).toBe(false);
    expect((await repos.meetings.findById(thisYear.id))!.outcomes.map((o) => o.outcome)).not.toContain("nda");
  });
});
