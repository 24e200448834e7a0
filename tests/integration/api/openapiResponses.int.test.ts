import request from "supertest";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { createMeetingContext } from "../../../api/src/composition";
import { runScheduler } from "../../../api/src/commands/scheduler/runScheduler";
import { inProcessSolver } from "../../../api/src/services/solverRunner";
import { useSeededApp, signIn, FIXED_NOW, TEST_ORIGIN } from "../../support/app";
import { silentLogger } from "../../support/stack";
import { looseArraySchemas, mismatches, type OpenApiDocument } from "../../support/openapiCheck";

type Role = "anonymous" | "organiser" | "domestic" | "vendor" | "interpreter";
type Ids = { slug: string; domestic: string; vendor: string; listed: string; meeting: string; plan: string };

/**
 * Every GET of the document that answers JSON, called as the roles that see the most of it. What
 * comes back must be what the document declares, and nothing more.
 */
const CALLS: Record<string, { as: Role[]; path: (ids: Ids) => string }> = {
  "/api/health": { as: ["anonymous"], path: () => "/api/health" },
  "/api/auth/session": { as: ["domestic"], path: () => "/api/auth/session" },
  "/api/fairs/current": { as: ["anonymous"], path: () => "/api/fairs/current" },
  "/api/fairs/current/targets": { as: ["organiser"], path: () => "/api/fairs/current/targets" },
  "/api/programme/{year}/targets": { as: ["organiser"], path: () => `/api/programme/${FIXED_NOW.getUTCFullYear()}/targets` },
  "/api/programme/{year}/progress": { as: ["organiser"], path: () => `/api/programme/${FIXED_NOW.getUTCFullYear()}/progress` },
  "/api/fairs/{slug}/setup": { as: ["organiser"], path: (i) => `/api/fairs/${i.slug}/setup` },
  "/api/fairs/{slug}": { as: ["anonymous"], path: (i) => `/api/fairs/${i.slug}` },
  "/api/fairs": { as: ["anonymous", "domestic", "organiser"], path: () => "/api/fairs" },
  "/api/fairs/{slug}/registrations": { as: ["organiser"], path: (i) => `/api/fairs/${i.slug}/registrations` },
  "/api/taxonomy": { as: ["anonymous"], path: () => "/api/taxonomy" },
  "/api/open-data/statistics": { as: ["anonymous"], path: () => "/api/open-data/statistics" },
  "/api/open-data/dictionary.json": { as: ["anonymous"], path: () => "/api/open-data/dictionary.json" },
  "/api/companies": { as: ["anonymous", "organiser"], path: () => "/api/companies?pageSize=100" },
  "/api/companies/{id}": { as: ["anonymous", "domestic", "organiser"], path: (i) => `/api/companies/${i.domestic}` },
  "/api/companies/{id}/members": { as: ["domestic"], path: (i) => `/api/companies/${i.domestic}/members` },
  "/api/companies/{id}/availability": { as: ["domestic"], path: (i) => `/api/companies/${i.domestic}/availability` },
  "/api/me/data": { as: ["domestic"], path: () => "/api/me/data" },
  "/api/me/badge": { as: ["vendor", "organiser"], path: () => "/api/me/badge" },
  "/api/users/consents": { as: ["organiser"], path: () => "/api/users/consents" },
  "/api/users/organisers": { as: ["organiser"], path: () => "/api/users/organisers" },
  "/api/interpreters": { as: ["organiser"], path: () => "/api/interpreters" },
  "/api/companies/{id}/attachments": { as: ["anonymous"], path: (i) => `/api/companies/${i.listed}/attachments` },
  "/api/meetings": { as: ["domestic", "vendor", "interpreter"], path: () => "/api/meetings" },
  "/api/meetings/slots": { as: ["domestic"], path: (i) => `/api/meetings/slots?with=${i.vendor}` },
  "/api/meetings/{id}": { as: ["domestic", "organiser"], path: (i) => `/api/meetings/${i.meeting}` },
  "/api/meetings/{id}/check-in-link": { as: ["domestic", "organiser"], path: (i) => `/api/meetings/${i.meeting}/check-in-link` },
  "/api/me/notifications": { as: ["domestic", "vendor"], path: () => "/api/me/notifications" },
  "/api/scheduler/plans": { as: ["organiser"], path: () => "/api/scheduler/plans" },
  "/api/scheduler/plans/{id}": { as: ["organiser"], path: (i) => `/api/scheduler/plans/${i.plan}` },
  "/api/scheduler/plans/{id}/meetings/{meeting}/slots": {
    as: ["organiser"],
    path: (i) => `/api/scheduler/plans/${i.plan}/meetings/${i.meeting}/slots`,
  },
  "/api/recommendations": { as: ["domestic", "vendor"], path: () => "/api/recommendations?k=20" },
  "/api/matching/companies/{companyId}": { as: ["organiser"], path: (i) => `/api/matching/companies/${i.domestic}?k=20` },
  "/api/matching/overview": { as: ["organiser"], path: () => "/api/matching/overview" },
  "/api/meetings/{id}/live": { as: ["domestic"], path: (i) => `/api/meetings/${i.meeting}/live` },
  "/api/meetings/{id}/attendance": { as: ["organiser"], path: (i) => `/api/meetings/${i.meeting}/attendance` },
  "/api/booths/{companyId}/chat": { as: ["vendor"], path: (i) => `/api/booths/${i.listed}/chat` },
  "/api/booths/{companyId}/queue": { as: ["vendor", "organiser"], path: (i) => `/api/booths/${i.listed}/queue` },
  "/api/audit": { as: ["organiser"], path: () => "/api/audit" },
  "/api/mail/stuck": { as: ["organiser"], path: () => "/api/mail/stuck" },
  "/api/leads": { as: ["vendor"], path: () => "/api/leads" },
  "/api/me/badge-scans": { as: ["domestic"], path: () => "/api/me/badge-scans" },
  "/api/me/history": { as: ["domestic", "vendor"], path: () => "/api/me/history" },
  "/api/companies/{id}/history": { as: ["organiser"], path: (i) => `/api/companies/${i.domestic}/history` },
};

describe("the api answers what its OpenAPI document declares", () => {
  const t = useSeededApp("openapiresponses");
  let doc: OpenApiDocument;
  const ids = {} as Ids;
  const sessions = new Map<Role, Awaited<ReturnType<typeof signIn>>>();

  beforeAll(async () => {
    doc = (await request(t.app).get("/api/openapi.json").expect(200)).body as OpenApiDocument;
    for (const role of ["organiser", "domestic", "vendor", "interpreter"] as const)
      sessions.set(role, await signIn(t.app, `${role}@ketnoi.demo`, DEMO_PASSWORD));
    const domestic = sessions.get("domestic")!;
    ids.slug = (await request(t.app).get("/api/fairs/current").expect(200)).body.slug;
    ids.domestic = domestic.session.user.companyId!;
    ids.vendor = sessions.get("vendor")!.session.user.companyId!;
    ids.listed = (await t.db.models.Company.findOne({ listed: true, kind: "foreign", status: "approved" }).lean())!._id.toHexString();
    // A meeting booked with an interpreter (so its languages are in the answers), a chat message, a plan.
    await t.db.models.Company.updateOne(
      { _id: ids.domestic },
      { $set: { participation: "onsite", listed: true, languages: ["vi"], blockedSlots: [] } },
    );
    await t.db.models.Company.updateOne(
      { _id: ids.vendor },
      { $set: { participation: "onsite", listed: true, languages: ["ja"], blockedSlots: [] } },
    );
    const booked = await domestic.agent
      .post("/api/meetings")
      .set(domestic.csrf)
      .send({ with: ids.vendor, mode: "onsite", slot: "d1s08" })
      .expect(201);
    expect(booked.body.languages).toEqual(["vi", "ja"]);
    ids.meeting = booked.body.id;
    await sessions
      .get("vendor")!
      .agent.post(`/api/booths/${ids.listed}/chat`)
      .set(sessions.get("vendor")!.csrf)
      .send({ text: "Xin chào" })
      .expect(201);
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const organiser = (await t.repos.users.findByEmail("organiser@ketnoi.demo"))!;
    ids.plan = (await runScheduler({ ...ctx, solver: inProcessSolver }, organiser, undefined, { timeLimitMs: 200, proposals: async () => [] })).id;
    // The vendor scans the domestic user's badge at its booth (with a note, a rating and tags): a lead for both lists.
    const vendor = sessions.get("vendor")!;
    const badge = await t.repos.badges.codeFor(domestic.session.user.id);
    const scan = { scanId: "s1", badge, scannedAt: FIXED_NOW.toISOString(), note: "Dies", rating: 4, tags: ["send_quotation"] };
    await vendor.agent
      .post("/api/leads/sync")
      .set(vendor.csrf)
      .send({ scans: [scan] })
      .expect(200);
    // A product as firms enter it, so the profile's products are in the answers too.
    await domestic.agent
      .patch(`/api/companies/${ids.domestic}`)
      .set(domestic.csrf)
      .send({ products: [{ name: { vi: "Khuôn dập", en: "Stamping dies" } }] })
      .expect(200);
  });

  test("every GET that answers JSON is called here", () => {
    const json = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get?.responses["200"]?.content?.["application/json"] ? [path] : []));
    expect(json.filter((p) => !(p in CALLS))).toEqual([]);
  });

  test("no schema of the document leaves an array's items or a tuple's length unsaid", () => {
    expect(looseArraySchemas(doc.paths, "#/paths")).toEqual([]);
  });

  test.each(Object.keys(CALLS))("GET %s", async (path) => {
    const { as, path: url } = CALLS[path]!;
    expect({ path, inDocument: Boolean(doc.paths[path]?.get) }).toEqual({ path, inDocument: true });
    const schema = doc.paths[path]!.get!.responses["200"]!.content!["application/json"]!.schema;
    for (const role of as) {
      const client = role === "anonymous" ? request(t.app) : sessions.get(role)!.agent;
      const res = await client.get(url(ids)).set("Accept-Language", "en");
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
      expect({ role, mismatches: mismatches(doc, schema, res.body).slice(0, 10) }).toEqual({ role, mismatches: [] });
    }
  });

  test("a product needs a name; one stored without, earlier, neither breaks search and edits nor the profile's answer", async () => {
    const domestic = sessions.get("domestic")!;
    const refused = await domestic.agent
      .patch(`/api/companies/${ids.domestic}`)
      .set({ ...domestic.csrf, "Accept-Language": "en" })
      .send({ products: [{ name: {} }] })
      .expect(400);
    expect(refused.body.error.fields).toEqual({ "products.0.name": "Give the name in at least one language." });
    // As the field test left it: the database minimises the empty name away.
    await t.db.models.Company.updateOne({ _id: ids.domestic }, { $set: { products: [{ name: {} }, { name: { en: "Stamping dies" } }] } });
    expect((await t.db.models.Company.findById(ids.domestic).lean())!.products[0]).toEqual({});
    await domestic.agent.patch(`/api/companies/${ids.domestic}`).set(domestic.csrf).send({ employees: 120 }).expect(200);
    await request(t.app).get("/api/companies?q=stamping").expect(200);
    const profile = await domestic.agent.get(`/api/companies/${ids.domestic}`).expect(200);
    expect(profile.body.products).toEqual([{ name: {} }, { name: { en: "Stamping dies" } }]);
    expect(mismatches(doc, doc.paths["/api/companies/{id}"]!.get!.responses["200"]!.content!["application/json"]!.schema, profile.body)).toEqual([]);
  });
});
