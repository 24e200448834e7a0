import type { Response } from "supertest";
import { PLAN_DEFAULT_TARGETS, type EventSummary, type Locale, type OrganiserScope } from "@ketnoi/contracts";
import { DELEGATION_DESK_LOGIN, DELEGATION_SLUG, PAST_FAIR_SLUG, seedDemoProgramme } from "../../../api/src/seed/seedDemoProgramme";
import { DEMO_FAIR_SLUG } from "../../../api/src/seed/data/programme";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { t as translate, type MessageKey } from "../../../api/src/i18n";
import { FIXED_NOW, signIn, useSeededApp } from "../../support/app";
import { DEMO_DAYS, fairDayPlus, fairIso } from "../../support/clock";

type Session = Awaited<ReturnType<typeof signIn>>;
type Call = { method: "get" | "post" | "put"; path: string; body?: object };

/**
 * Organisers scoped to some events (#21): the demo's delegation desk (a partner agency's, seeded by
 * seedDemoProgramme) organises the delegation visit only; the Department's organiser runs everything.
 * The current fair at FIXED_NOW is the demo fair, which is not the desk's.
 */
describe("organisers scoped to some events", () => {
  const t = useSeededApp("eventscopes");
  const year = DEMO_DAYS[0].slice(0, 4);
  let desk: Session;
  let organiser: Session;
  let domestic: Session;
  /** A demo fair firm not registered for the delegation visit, and a meeting. */
  let firm = "";
  let meeting = "";

  beforeAll(async () => {
    await seedDemoProgramme(t.repos, (await t.repos.fairs.findBySlug(DEMO_FAIR_SLUG))!);
    [desk, organiser, domestic] = await Promise.all([
      signIn(t.app, DELEGATION_DESK_LOGIN.email, DEMO_PASSWORD),
      signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD),
      signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD),
    ]);
    const delegation = (await t.repos.fairs.findBySlug(DELEGATION_SLUG))!;
    const registered = new Set((await t.repos.participations.listForFair(delegation.id)).map((r) => r.companyId));
    const demo = (await t.repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
    firm = (await t.repos.companies.listAll()).find((c) => c.fairId === demo.id && c.status === "approved" && !registered.has(c.id))!.id;
    // Last year's: the current fair's check-in is refused before any meeting is looked up (no probing).
    meeting = (await t.repos.meetings.listForFair((await t.repos.fairs.findBySlug(PAST_FAIR_SLUG))!.id))[0]!.id;
  });

  /** A call as the session, its page naming an event when given (X-Ketnoi-Event). */
  const send = (s: Session, { method, path, body }: Call, locale = "en", event?: string) => {
    const req = s.agent[method](path).set(s.csrf).set("Accept-Language", locale);
    if (event) req.set("X-Ketnoi-Event", event);
    return body ? req.send(body) : req;
  };
  /** A refusal: 403 `forbidden`, saying why in the reader's language. */
  const refusedAs = (res: Response, message: string, locale = "en") => ({
    status: res.status,
    code: (res.body as { error?: { code: string } }).error?.code,
    event: (res.body as { error?: { fields?: Record<string, string> } }).error?.fields?.event,
    expected: translate(locale as Locale, `fields:${message}` as MessageKey),
  });
  const statusOf = async (s: Session, call: Call, event?: string) => `${call.method} ${call.path} ${(await send(s, call, "en", event)).status}`;

  const perEvent = (slug: string): Call[] => [
    { method: "get", path: `/api/fairs/${slug}/registrations` },
    { method: "get", path: `/api/fairs/${slug}/setup` },
  ];
  const currentFair: Call[] = [
    { method: "get", path: "/api/fairs/current/targets" },
    { method: "get", path: "/api/fairs/current/badges.pdf?layout=a4&role=vendor" },
    { method: "get", path: "/api/scheduler/plans" },
    { method: "post", path: "/api/scheduler/plans", body: { timeLimitSeconds: 0.2 } },
    { method: "get", path: "/api/interpreters" },
    {
      method: "post",
      path: "/api/fair-sessions",
      body: { kind: "seminar", title: { vi: "Hội thảo" }, startsAt: fairIso(2, "14:00"), endsAt: fairIso(2, "15:00"), room: "P2", capacity: 50 },
    },
    { method: "get", path: "/api/companies/export" },
    { method: "get", path: "/api/matching/overview?limit=3" },
  ];
  const programme: Call[] = [
    { method: "get", path: `/api/programme/${year}/targets` },
    { method: "put", path: `/api/programme/${year}/targets`, body: PLAN_DEFAULT_TARGETS },
    { method: "get", path: `/api/programme/${year}/progress` },
    { method: "get", path: `/api/programme/${year}/report.xlsx` },
    { method: "get", path: "/api/users/export" },
    { method: "get", path: "/api/users/consents" },
    { method: "get", path: "/api/users/organisers" },
    { method: "get", path: "/api/audit" },
    { method: "get", path: "/api/mail/stuck" },
  ];

  test("the events list marks, for organisers only, the events the caller organises", async () => {
    const organising = async (s: Session) =>
      ((await s.agent.get("/api/fairs").expect(200)).body.data as EventSummary[]).map((e) => [e.slug, e.organising ?? null]);
    expect(await organising(desk)).toEqual((await organising(organiser)).map(([slug]) => [slug, slug === DELEGATION_SLUG]));
    expect((await organising(organiser)).every(([, o]) => o === true)).toBe(true);
    expect((await organising(domestic)).every(([, o]) => o === null)).toBe(true);
  });

  test("the desk lists, approves, sets up and copies the delegation visit; the copy is the desk's too", async () => {
    const delegation = (await t.repos.fairs.findBySlug(DELEGATION_SLUG))!;
    await t.repos.participations.register({ fairId: delegation.id, companyId: firm, status: "pending", participation: "onsite" });
    const rows = (await desk.agent.get(`/api/fairs/${DELEGATION_SLUG}/registrations`).expect(200)).body.data as { companyId: string }[];
    expect(rows[0]!.companyId).toBe(firm);
    await send(desk, { method: "post", path: `/api/fairs/${DELEGATION_SLUG}/registrations/${firm}/approve`, body: {} }).expect(204);
    const { slug: _slug, ...setup } = (await desk.agent.get(`/api/fairs/${DELEGATION_SLUG}/setup`).expect(200)).body;
    await send(desk, { method: "put", path: `/api/fairs/${DELEGATION_SLUG}`, body: setup }).expect(200);
    const copy = { slug: "delegation-visit-next", name: { en: "Next year's delegation" }, days: [fairDayPlus(60)] };
    await send(desk, { method: "post", path: `/api/fairs/${DELEGATION_SLUG}/copy`, body: copy }).expect(201);
    // The event the desk started is one it organises: it sets it up.
    await desk.agent.get(`/api/fairs/${copy.slug}/setup`).expect(200);
    const desks = (await organiser.agent.get("/api/users/organisers").expect(200)).body.data as OrganiserScope[];
    expect(desks.find((o) => o.email === DELEGATION_DESK_LOGIN.email)!.events).toEqual([DELEGATION_SLUG, copy.slug]);
    // An unknown event is not found, as for anyone.
    await desk.agent.get("/api/fairs/no-such-event/setup").expect(404);
  });

  test("the desk is refused the demo fair's registrations, approval, set-up and copy, in the reader's language", async () => {
    const demo = (await t.repos.fairs.findBySlug(DEMO_FAIR_SLUG))!;
    await t.repos.participations.register({ fairId: demo.id, companyId: firm, status: "pending", participation: "onsite" }).catch(() => false);
    const { slug: _slug, ...setup } = (await organiser.agent.get(`/api/fairs/${DEMO_FAIR_SLUG}/setup`).expect(200)).body;
    const calls: Call[] = [
      ...perEvent(DEMO_FAIR_SLUG),
      { method: "post", path: `/api/fairs/${DEMO_FAIR_SLUG}/registrations/${firm}/approve`, body: {} },
      { method: "put", path: `/api/fairs/${DEMO_FAIR_SLUG}`, body: setup },
      { method: "post", path: `/api/fairs/${DEMO_FAIR_SLUG}/copy`, body: { slug: "desk-copy", name: { en: "A copy" }, days: [fairDayPlus(90)] } },
    ];
    for (const [i, call] of calls.entries()) {
      const locale = ["ko", "vi", "ja", "zh-Hant", "en"][i]!;
      const got = refusedAs(await send(desk, call, locale), "eventNotOrganised", locale);
      expect({ call: call.path, ...got }).toEqual({ call: call.path, status: 403, code: "forbidden", event: got.expected, expected: got.expected });
    }
    expect(await t.repos.fairs.findBySlug("desk-copy")).toBeNull();
  });

  test("the desk's pages act in its own event; naming the demo fair, it is refused what acts on the fair while it is not the desk's, and may once it is", async () => {
    // With no event named, the desk works in the delegation visit (its event running now or next).
    expect((await desk.agent.get("/api/fairs/current").expect(200)).body.slug).toBe(DELEGATION_SLUG);
    for (const call of currentFair.filter((c) => c.method === "get" && !c.path.includes("badges")))
      expect(await statusOf(desk, call)).toBe(`get ${call.path} 200`);
    const refusals = [
      ...currentFair,
      { method: "get" as const, path: `/api/meetings/${meeting}/check-in-link` },
      { method: "post" as const, path: `/api/companies/${firm}/approve`, body: {} },
      {
        method: "post" as const,
        path: "/api/check-ins",
        body: {
          scans: [{ scanId: "3f2b6c1e-8a4d-4c3b-9e2f-1a2b3c4d5e6f", meetingId: meeting, code: "x".repeat(24), scannedAt: FIXED_NOW.toISOString() }],
        },
      },
    ];
    for (const call of refusals) {
      const got = refusedAs(await send(desk, call, "ko", DEMO_FAIR_SLUG), "eventNotOrganised", "ko");
      expect({ call: call.path, ...got }).toEqual({ call: call.path, status: 403, code: "forbidden", event: got.expected, expected: got.expected });
    }
    const deskId = desk.session.user.id;
    const scope = (events: string[]) => send(organiser, { method: "put", path: `/api/users/${deskId}/event-scopes`, body: { events } }).expect(200);
    await scope([DELEGATION_SLUG, DEMO_FAIR_SLUG]);
    for (const call of currentFair.filter((c) => c.method === "get")) expect(await statusOf(desk, call, DEMO_FAIR_SLUG)).toBe(`get ${call.path} 200`);
    await scope([DELEGATION_SLUG]);
    await desk.agent.get("/api/interpreters").set("X-Ketnoi-Event", DEMO_FAIR_SLUG).expect(403);
  });

  test("the programme and what spans every event are for organisers of the whole programme", async () => {
    for (const call of programme) {
      const got = refusedAs(await send(desk, call, "ja"), "programmeNotOrganised", "ja");
      expect({ call: call.path, ...got }).toEqual({ call: call.path, status: 403, code: "forbidden", event: got.expected, expected: got.expected });
    }
  });

  test("an organiser with no events set does all of it, on every event", async () => {
    const calls = [...perEvent(DEMO_FAIR_SLUG), ...perEvent(DELEGATION_SLUG), ...currentFair, ...programme].filter((c) => c.method === "get");
    const got = await Promise.all(calls.map((c) => statusOf(organiser, c)));
    expect(got).toEqual(calls.map((c) => `get ${c.path} 200`));
  });

  test("who sets an organiser's events: organisers of the whole programme, for another organiser, by known events", async () => {
    const deskId = desk.session.user.id;
    const organiserId = organiser.session.user.id;
    const put = (s: Session, id: string, events: unknown, locale = "en") =>
      send(s, { method: "put", path: `/api/users/${id}/event-scopes`, body: { events } }, locale);
    await put(domestic, deskId, "all").expect(403);
    const byDesk = await put(desk, organiserId, [DELEGATION_SLUG], "vi");
    expect(refusedAs(byDesk, "programmeNotOrganised", "vi")).toMatchObject({ status: 403, event: translate("vi", "fields:programmeNotOrganised") });
    const own = await put(organiser, organiserId, [DEMO_FAIR_SLUG], "ko").expect(403);
    expect(own.body.error.fields.user).toBe(translate("ko", "fields:scopesOwnAccount"));
    const notOrganiser = await put(organiser, domestic.session.user.id, [DEMO_FAIR_SLUG]).expect(409);
    expect(notOrganiser.body.error.fields.user).toBe(translate("en", "fields:scopesNotOrganiser"));
    const unknown = await put(organiser, deskId, ["no-such-event"], "zh-Hant").expect(400);
    expect(unknown.body.error.fields.events).toBe(translate("zh-Hant", "fields:unknownEvent"));
    // An empty list would mean every event: "all" is said instead, so it is refused.
    await put(organiser, deskId, []).expect(400);
    await put(organiser, "0123456789abcdef01234567", "all").expect(404);
    // The organiser is still unscoped; the desk still organises only the delegation visit (and its copy).
    expect((await t.repos.users.findById(organiserId))!.eventScopes).toBeUndefined();
    await desk.agent.get(`/api/programme/${year}/progress`).expect(403);

    // Given every event, the desk runs the programme too, at its next request.
    expect((await put(organiser, deskId, "all").expect(200)).body).toMatchObject({ id: deskId, events: "all" });
    await desk.agent.get(`/api/programme/${year}/progress`).expect(200);
    await desk.agent.get(`/api/fairs/${DEMO_FAIR_SLUG}/registrations`).expect(200);
    expect((await put(organiser, deskId, [DELEGATION_SLUG]).expect(200)).body.events).toEqual([DELEGATION_SLUG]);
    await desk.agent.get(`/api/fairs/${DEMO_FAIR_SLUG}/registrations`).expect(403);
  });
});
