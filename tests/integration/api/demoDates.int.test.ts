import { DateTime } from "luxon";
import { DEMO_PASSWORD, seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { seedDemoMeetings } from "../../../api/src/seed/seedDemoMeetings";
import { demoFairDays } from "../../../api/src/seed/demoDays";
import { DEMO_FAIR_SLUG, demoFairSetup } from "../../../api/src/seed/data/programme";
import { buildTestApp, signIn } from "../../support/app";
import { freshDatabase } from "../../support/stack";
import { TEST_TODAY } from "../../support/clock";
import { buildCompany } from "../../support/factories";

const HANOI = "Asia/Ho_Chi_Minh";
const year = Number(TEST_TODAY.slice(0, 4));
/** The last Sunday of a month (Europe changes its clocks then, in March and October). */
const lastSunday = (y: number, month: number) => {
  const end = DateTime.fromObject({ year: y, month }, { zone: "UTC" }).endOf("month").startOf("day");
  return end.minus({ days: end.weekday % 7 });
};
/** 10:00 in Hanoi on a day. */
const morningOf = (d: DateTime) => new Date(`${d.toISODate()}T03:00:00Z`);
const hanoi = (iso: string) => DateTime.fromISO(iso).setZone(HANOI).toFormat("HH:mm");

/**
 * The demo as seeded on days the suite is not run on: years ahead, and on the Friday before each of
 * Europe's clock changes (so the fair falls after it, and the Berlin vendor's working day moves
 * against Hanoi's by an hour).
 */
describe("the demo fair is upcoming and bookable whenever it is seeded", () => {
  const cases = [
    { name: "ten years ahead", today: morningOf(DateTime.fromISO(TEST_TODAY).plus({ years: 10 })), berlinFirst: undefined },
    // Summer time in Berlin (UTC+2): 08:00 there is 13:00 in Hanoi, so the 13:30 slot is in its working day.
    { name: "two days before Europe's spring clock change", today: morningOf(lastSunday(year + 2, 3).minus({ days: 2 })), berlinFirst: "13:30" },
    // Winter time (UTC+1): 08:00 in Berlin is 14:00 in Hanoi.
    { name: "two days before Europe's autumn clock change", today: morningOf(lastSunday(year + 3, 10).minus({ days: 2 })), berlinFirst: "14:00" },
  ];

  test.each(cases)(
    "seeded $name",
    async ({ today, berlinFirst }) => {
      const db = await freshDatabase("demodates");
      try {
        const { app, repos } = buildTestApp(db, { now: () => today });
        const report = await seedDemoFair(repos, today);
        expect(report.days).toEqual(demoFairDays(today));
        const opens = DateTime.fromISO(report.days[0], { zone: HANOI });
        expect(opens.weekday).toBe(4);
        expect(opens.diff(DateTime.fromJSDate(today).setZone(HANOI).startOf("day"), "days").days).toBeGreaterThanOrEqual(5);
        expect(await seedDemoMeetings(repos, () => today)).toBe(6);

        const domestic = await signIn(app, "domestic@ketnoi.demo", DEMO_PASSWORD);
        const fair = (await domestic.agent.get("/api/fairs/current").expect(200)).body;
        expect(fair).toMatchObject({ slug: DEMO_FAIR_SLUG });
        expect(Date.parse(fair.startsAt)).toBeGreaterThan(today.getTime());
        expect(JSON.stringify(fair.name)).toContain(report.days[0].slice(0, 4));

        // A vendor working from Berlin, remote: the common slots follow Berlin's clock on the fair's days.
        const berlin = (await db.models.Company.findOne({ country: "DE" }).lean())!;
        await db.models.Company.updateOne(
          { _id: berlin._id },
          { $set: { participation: "remote", timeZone: "Europe/Berlin", listed: true, blockedSlots: [] } },
        );
        const slots = (await domestic.agent.get(`/api/meetings/slots?with=${berlin._id}`).expect(200)).body as {
          id: string;
          start: string;
          end: string;
        }[];
        expect(slots.length).toBeGreaterThan(0);
        for (const s of slots) {
          const local = DateTime.fromISO(s.start).setZone("Europe/Berlin");
          expect(local.toFormat("HH:mm") >= "08:00" && DateTime.fromISO(s.end).setZone("Europe/Berlin").toFormat("HH:mm") <= "18:00").toBe(true);
        }
        if (berlinFirst) expect(hanoi(slots[0]!.start)).toBe(berlinFirst);
        const booked = (
          await domestic.agent
            .post("/api/meetings")
            .set(domestic.csrf)
            .send({ with: berlin._id.toHexString(), slot: slots[0]!.id, mode: "online" })
            .expect(201)
        ).body;
        expect(booked).toMatchObject({ status: "booked", slot: { start: slots[0]!.start } });
      } finally {
        await db.drop();
      }
    },
    180_000,
  ); // a whole demo seed each: FerretDB on a busy machine takes its time
});

describe("a demo fair that has passed is re-dated by the next seed; other fairs never are", () => {
  test("the fair, its programme, interpreters and live meetings move to the next demo days, same local times", async () => {
    const db = await freshDatabase("demoredate");
    try {
      const first = morningOf(DateTime.fromISO(TEST_TODAY));
      const { repos } = buildTestApp(db, { now: () => first });
      const before = await seedDemoFair(repos, first);
      await seedDemoMeetings(repos, () => first);
      const fairBefore = (await repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
      // A real fair that is over too: the software never changes its days.
      const pastDays = demoFairDays(DateTime.fromISO(TEST_TODAY).minus({ years: 1 }).toJSDate());
      await repos.fairs.upsertBySlug({ ...demoFairSetup(pastDays), slug: "real-fair-past" });
      const meetingsBefore = await repos.meetings.listForFair(fairBefore.id);
      // A firm that signed up itself blocks 09:00 on day 1: blocks are held by their start, and move with the fair.
      const blocker = await buildCompany(repos, { fairId: fairBefore.id });
      await repos.companies.setBlockedSlots(blocker.id, [DateTime.fromISO(`${before.days[0]}T09:00`, { zone: HANOI }).toJSDate()]);
      const bookedBefore = meetingsBefore.filter((m) => m.status === "booked");
      expect(bookedBefore.length).toBe(3);

      // Seeded again the day after it ended: nothing moves yet on the fair's last day.
      const lastDay = DateTime.fromISO(before.days[1], { zone: HANOI });
      expect((await seedDemoFair(repos, lastDay.set({ hour: 20 }).toJSDate())).redated).toBeUndefined();
      const later = lastDay.plus({ days: 1, hours: 10 }).toJSDate();
      const report = await seedDemoFair(repos, later);
      expect(report.days).toEqual(demoFairDays(later));
      expect(report.redated).toEqual({ from: before.days, meetings: 6 });
      const shift = DateTime.fromISO(report.days[0]).diff(DateTime.fromISO(before.days[0]), "days").days;
      expect(shift % 7).toBe(0);

      const fairAfter = (await repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
      expect(fairAfter.id).toBe(fairBefore.id);
      expect((await repos.fairs.findBySlug("real-fair-past"))!.days).toEqual(pastDays);
      const sessions = await repos.fairSessions.listForFair(fairAfter.id);
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => report.days.includes(DateTime.fromJSDate(s.startsAt).setZone(HANOI).toISODate()!))).toBe(true);
      const interpreters = await repos.interpreters.listForFair(fairAfter.id);
      expect(interpreters.length).toBeGreaterThan(0);
      expect(interpreters.every((i) => i.availableDays.join() === report.days.join())).toBe(true);

      for (const m of bookedBefore) {
        const after = (await repos.meetings.findById(m.id))!;
        expect(after.status).toBe("booked");
        expect(DateTime.fromJSDate(after.startsAt!).setZone(HANOI).toFormat("c HH:mm")).toBe(
          DateTime.fromJSDate(m.startsAt!).setZone(HANOI).toFormat("c HH:mm"),
        );
        expect(after.startsAt!.getTime() - m.startsAt!.getTime()).toBe(shift * 86_400_000);
        expect(after.sequence).toBe(m.sequence + 1); // calendars replace the event
        expect(after.table).toBe(m.table);
        const held = (await db.models.Reservation.find({ meetingId: m.id }).lean()).map((r) => String(r._id)).sort();
        expect(held).toEqual([...after.reservationKeys].sort());
        expect(held.some((k) => k.includes(String(Math.round(m.startsAt!.getTime() / 60_000))))).toBe(false);
      }
      expect((await repos.companies.findById(blocker.id))!.blockedSlots).toEqual([
        DateTime.fromISO(`${report.days[0]}T09:00`, { zone: HANOI }).toJSDate(),
      ]);
      // Open requests wait for an answer until the re-dated fair opens.
      const opens = DateTime.fromISO(report.days[0], { zone: HANOI }).toJSDate();
      const requested = meetingsBefore.filter((x) => x.status === "requested");
      expect(requested.length).toBeGreaterThan(0);
      for (const m of requested) {
        expect((await repos.meetings.findById(m.id))!.expiresAt!.getTime()).toBeGreaterThanOrEqual(Math.min(m.expiresAt!.getTime(), opens.getTime()));
        expect((await repos.meetings.findById(m.id))!.expiresAt!.getTime()).toBeGreaterThan(later.getTime());
      }
      // The firm books on the new days like on any upcoming fair, and seeding again changes nothing.
      const { app } = buildTestApp(db, { now: () => later });
      const domestic = await signIn(app, "domestic@ketnoi.demo", DEMO_PASSWORD);
      const agenda = (await domestic.agent.get("/api/meetings").expect(200)).body as { status: string; slot?: { start: string } }[];
      const bookedAfter = agenda.filter((m) => m.status === "booked");
      expect(bookedAfter.length).toBeGreaterThan(0);
      expect(bookedAfter.every((m) => Date.parse(m.slot!.start) > later.getTime())).toBe(true);
      expect((await seedDemoFair(repos, later)).redated).toBeUndefined();
      expect(await seedDemoMeetings(repos, () => later)).toBe(0);
    } finally {
      await db.drop();
    }
  }, 300_000); // five demo seeds
});
