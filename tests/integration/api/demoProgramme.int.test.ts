import { DateTime } from "luxon";
import { ALUMNI_LOGIN, DELEGATION_SLUG, PAST_FAIR_SLUG, seedDemoProgramme } from "../../../api/src/seed/seedDemoProgramme";
import { DEMO_FAIR_SLUG } from "../../../api/src/seed/data/programme";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { FIXED_NOW, signIn, useSeededApp } from "../../support/app";
import type { EventSummary } from "@ketnoi/contracts";

/** The demo's programme around its fair: last year's edition with its meetings and outcomes, and a delegation visit ahead. */
describe("the demo programme", () => {
  const t = useSeededApp("demoprogramme");

  test("last year's fair 52 weeks before, this year's, and a delegation after it; a second run changes nothing", async () => {
    const demo = (await t.repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
    const first = await seedDemoProgramme(t.repos, demo);
    expect(first.events).toEqual([PAST_FAIR_SLUG, DEMO_FAIR_SLUG, DELEGATION_SLUG]);
    expect(first.meetings).toBeGreaterThan(100);
    const past = (await t.repos.fairs.findBySlug(PAST_FAIR_SLUG))!;
    const delegation = (await t.repos.fairs.findBySlug(DELEGATION_SLUG))!;
    // Same weekdays, the year before (53 weeks back for a fair in the year's last days).
    expect([364, 371]).toContain(DateTime.fromISO(demo.days[0]!).diff(DateTime.fromISO(past.days[0]!), "days").days);
    expect(Number(past.days[0]!.slice(0, 4))).toBe(Number(demo.days[0]!.slice(0, 4)) - 1);
    expect(delegation.kind).toBe("delegation");
    // Last year's programme: as many sessions as this year's, on last year's days.
    const pastSessions = await t.repos.fairSessions.listForFair(past.id);
    expect(pastSessions.length).toBe((await t.repos.fairSessions.listForFair(demo.id)).length);
    expect(pastSessions.every((s) => s.startsAt < FIXED_NOW)).toBe(true);
    expect(delegation.days[0]! > demo.days.at(-1)!).toBe(true);

    // Last year's meetings were held, before now, each with an outcome; the demo logins' firms have none of them.
    const held = await t.repos.meetings.listForFair(past.id);
    expect(held.every((m) => m.status === "held" && m.startsAt! < FIXED_NOW && m.outcomes.length === 1)).toBe(true);
    const demoFirm = (await t.repos.users.findByEmail("domestic@ketnoi.demo"))!.companyId!;
    expect(held.some((m) => m.parties.includes(demoFirm))).toBe(false);

    const counts = async () => ({
      fairs: (await t.repos.fairs.list()).length,
      past: (await t.repos.participations.listForFair(past.id)).length,
      delegation: (await t.repos.participations.listForFair(delegation.id)).length,
      meetings: (await t.repos.meetings.listForFair(past.id)).length,
      sessions: (await t.repos.fairSessions.listForFair(past.id)).length,
    });
    const before = await counts();
    expect(await seedDemoProgramme(t.repos, demo)).toEqual({ events: first.events, meetings: 0 });
    expect(await counts()).toEqual(before);
  });

  test("the alumni firm took part last year only: the events list offers it this year's fair", async () => {
    const alumni = await signIn(t.app, ALUMNI_LOGIN.email, DEMO_PASSWORD);
    const events = (await alumni.agent.get("/api/fairs").expect(200)).body.data as EventSummary[];
    expect(events.map((e) => [e.slug, e.when, e.registration?.status ?? null])).toEqual([
      [DEMO_FAIR_SLUG, "upcoming", null],
      [DELEGATION_SLUG, "upcoming", null],
      [PAST_FAIR_SLUG, "past", "approved"],
    ]);
    const past = events.find((e) => e.slug === PAST_FAIR_SLUG)!;
    expect(past.firms).toBeGreaterThan(100);
    // A past event shows its results: the meetings held and the outcomes recorded (one per meeting in the demo).
    const held = await t.repos.meetings.listForFair((await t.repos.fairs.findBySlug(PAST_FAIR_SLUG))!.id);
    expect(past.results?.meetingsHeld).toBe(held.length);
    expect(Object.values(past.results!.outcomes).reduce((a, b) => a + (b ?? 0), 0)).toBe(held.length);
    expect(events.filter((e) => e.when !== "past").every((e) => e.results === undefined)).toBe(true);
  });

  test("once approved for this year's fair, last year's firm works in it: listed this year, and books a meeting", async () => {
    const alumni = await signIn(t.app, ALUMNI_LOGIN.email, DEMO_PASSWORD);
    const firmId = alumni.session.user.companyId!;
    await alumni.agent.post(`/api/fairs/${DEMO_FAIR_SLUG}/registrations`).set(alumni.csrf).send({}).expect(201);
    // Waiting for approval: still last year's firm.
    expect((await t.repos.companies.findById(firmId))!.fairId).toBe((await t.repos.fairs.findBySlug(PAST_FAIR_SLUG))!.id);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.agent.post(`/api/fairs/${DEMO_FAIR_SLUG}/registrations/${firmId}/approve`).set(organiser.csrf).send({}).expect(204);
    const demo = (await t.repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
    expect((await t.repos.companies.findById(firmId))!.fairId).toBe(demo.id);
    // Its registration for last year stays: it counts in last year's figures.
    expect((await t.repos.participations.listForCompany(firmId)).map((p) => p.fairId).sort()).toEqual(
      [demo.id, (await t.repos.fairs.findBySlug(PAST_FAIR_SLUG))!.id].sort(),
    );
    const vendor = (await t.repos.users.findByEmail("vendor@ketnoi.demo"))!.companyId!;
    const asked = await alumni.agent.post("/api/meetings").set(alumni.csrf).send({ with: vendor, mode: "either", message: "" }).expect(201);
    expect(asked.body.status).toBe("requested");
  });
});
