import request from "supertest";
import { DateTime } from "luxon";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import type { EventRegistrationRow, EventSummary } from "@ketnoi/contracts";
import { signIn, useSeededApp } from "../../support/app";
import { DEMO_DAYS, fairDayPlus } from "../../support/clock";

/** The programme's events: a firm joins one with one click, organisers approve, and copy a set-up to the next event. */
describe("events of the programme", () => {
  const t = useSeededApp("events");
  const yearBefore = (day: string) => DateTime.fromISO(day).minus({ years: 1 }).toISODate()!;
  let demoSlug: string;
  let firmId: string;

  beforeAll(async () => {
    const demo = (await t.repos.fairs.list())[0]!;
    demoSlug = demo.slug;
    firmId = (await t.repos.users.findByEmail("domestic@ketnoi.demo"))!.companyId!;
    const { id: _id, ...setup } = demo;
    // Last year's edition, which the demo firm took part in, and two events ahead.
    const past = (await t.repos.fairs.create({ ...setup, slug: "last-year", days: DEMO_DAYS.map(yearBefore) } as never))!;
    await t.repos.participations.register({ fairId: past.id, companyId: firmId, status: "approved", participation: "onsite" });
    await t.repos.fairs.create({ ...setup, slug: "delegation-visit", kind: "delegation", days: [fairDayPlus(30)] } as never);
    await t.repos.fairs.create({ ...setup, slug: "online-week", kind: "online", requiresApproval: false, days: [fairDayPlus(60)] } as never);
  });

  test("the list shows events ahead soonest first, then past ones, each with its approved firms and the caller's registration", async () => {
    const firm = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const events = (await firm.agent.get("/api/fairs").expect(200)).body.data as EventSummary[];
    expect(events.map((e) => [e.slug, e.when])).toEqual([
      [demoSlug, "upcoming"],
      ["delegation-visit", "upcoming"],
      ["online-week", "upcoming"],
      ["last-year", "past"],
    ]);
    const demoId = (await t.repos.fairs.findBySlug(demoSlug))!.id;
    const approvedDemo = (await t.repos.participations.listForFair(demoId)).filter((p) => p.status === "approved").length;
    expect(events[0]!.firms).toBe(approvedDemo);
    expect(events[0]!.registration?.status).toBe("approved");
    expect(events[3]).toMatchObject({ firms: 1, registration: { status: "approved", participation: "onsite" } });
    expect(events[1]!.registration).toBeUndefined();
    // A visitor sees the same events, without registrations.
    const anonymous = (await request(t.app).get("/api/fairs").expect(200)).body.data as EventSummary[];
    expect(anonymous.map((e) => e.slug)).toEqual(events.map((e) => e.slug));
    expect(anonymous.some((e) => e.registration)).toBe(false);
  });

  test("a known firm joins with one click; an event that requires it waits for an organiser, who sees the firm's earlier events", async () => {
    const firm = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const joined = (await firm.agent.post("/api/fairs/delegation-visit/registrations").set(firm.csrf).send({}).expect(201)).body;
    expect(joined).toMatchObject({ status: "pending", participation: "onsite" });
    // A second click answers the same registration.
    expect((await firm.agent.post("/api/fairs/delegation-visit/registrations").set(firm.csrf).send({}).expect(200)).body).toEqual(joined);

    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const rows = (await organiser.agent.get("/api/fairs/delegation-visit/registrations").expect(200)).body.data as EventRegistrationRow[];
    expect(rows).toHaveLength(1);
    // Before this visit: the demo fair (its days come first) and last year's edition, newest first.
    expect(rows[0]).toMatchObject({ companyId: firmId, status: "pending" });
    expect(rows[0]!.earlierEvents.map((e) => e.slug)).toEqual([demoSlug, "last-year"]);
    await organiser.agent.post(`/api/fairs/delegation-visit/registrations/${firmId}/approve`).set(organiser.csrf).send({}).expect(204);
    const again = await organiser.agent
      .post(`/api/fairs/delegation-visit/registrations/${firmId}/approve`)
      .set(organiser.csrf)
      .set("Accept-Language", "vi")
      .send({})
      .expect(409);
    expect(again.body.error.fields.registration).toBe("Đăng ký này đã được duyệt.");
    const events = (await firm.agent.get("/api/fairs").expect(200)).body.data as EventSummary[];
    expect(events.find((e) => e.slug === "delegation-visit")?.registration?.status).toBe("approved");
  });

  test("an online event registers remotely and at once when it needs no approval; a past event is closed; a delegation meets onsite", async () => {
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const online = (await vendor.agent.post("/api/fairs/online-week/registrations").set(vendor.csrf).send({ participation: "onsite" }).expect(201))
      .body;
    expect(online).toMatchObject({ status: "approved", participation: "remote" });
    const closed = await vendor.agent.post("/api/fairs/last-year/registrations").set(vendor.csrf).set("Accept-Language", "en").send({}).expect(409);
    expect(closed.body.error.fields.event).toBe("This event is over: registration has closed.");
    const remote = await vendor.agent
      .post("/api/fairs/delegation-visit/registrations")
      .set(vendor.csrf)
      .set("Accept-Language", "en")
      .send({ participation: "remote" })
      .expect(400);
    expect(remote.body.error.fields.participation).toBe("A delegation visit meets onsite only.");
    expect(await t.repos.participations.find((await t.repos.fairs.findBySlug("delegation-visit"))!.id, vendor.session.user.companyId!)).toBeNull();
    await vendor.agent.post("/api/fairs/nowhere/registrations").set(vendor.csrf).send({}).expect(404);
    await vendor.agent.post("/api/fairs/online-week/registrations").set(vendor.csrf).send({ participation: "by post" }).expect(400);
  });

  test("an organiser copies last year's set-up: the same tables, hours and programme at the same local times on the new days", async () => {
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const from = (await t.repos.fairs.findBySlug(demoSlug))!;
    const newDays = [fairDayPlus(364), fairDayPlus(365)];
    const copy = (
      await organiser.agent
        .post(`/api/fairs/${demoSlug}/copy`)
        .set(organiser.csrf)
        .send({ slug: "next-year", name: { vi: "Hội chợ năm sau", en: "Next year's fair" }, days: newDays })
        .expect(201)
    ).body;
    expect(copy).toMatchObject({
      slug: "next-year",
      days: newDays,
      onsiteTables: from.onsiteTables,
      dailyHours: from.dailyHours,
      slotMinutes: from.slotMinutes,
      timeZone: from.timeZone,
      name: { vi: "Hội chợ năm sau", en: "Next year's fair" },
    });
    const next = (await t.repos.fairs.findBySlug("next-year"))!;
    const local = (d: Date, days: string[]) => {
      const l = DateTime.fromJSDate(d, { zone: from.timeZone });
      return `${days.indexOf(l.toISODate()!)}@${l.toFormat("HH:mm")}`;
    };
    const before = (await t.repos.fairSessions.listForFair(from.id)).map((s) => `${s.kind} ${local(s.startsAt, from.days)}`).sort();
    const after = (await t.repos.fairSessions.listForFair(next.id)).map((s) => `${s.kind} ${local(s.startsAt, newDays)}`).sort();
    expect(before.length).toBeGreaterThan(2);
    expect(after).toEqual(before);
    expect(await t.repos.participations.listForFair(next.id)).toEqual([]);

    const taken = await organiser.agent
      .post(`/api/fairs/${demoSlug}/copy`)
      .set(organiser.csrf)
      .send({ slug: "next-year", name: { en: "Again" }, days: newDays })
      .expect(409);
    // In the organiser's own language (Vietnamese).
    expect(taken.body.error.fields.slug).toBe("Đã có sự kiện với tên rút gọn này: hãy chọn tên khác.");
    await organiser.agent.post(`/api/fairs/${demoSlug}/copy`).set(organiser.csrf).send({ slug: "x", name: {}, days: [] }).expect(400);
  });
});
