import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { signIn, useSeededApp } from "../../support/app";
import type { RecommendationView, SchedulePlanView } from "@ketnoi/contracts";
import { freshTaxCode } from "../../support/journeys";
import { registerFirm } from "../../support/registration";

describe("recommendations through the api: reasons in the reader's language, feedback, organiser decisions", () => {
  const t = useSeededApp("matching");
  const list = async (a: Awaited<ReturnType<typeof signIn>>, lang = "vi", k = 10) =>
    (await a.agent.get(`/api/recommendations?k=${k}`).set("Accept-Language", lang).expect(200)).body as RecommendationView[];

  test("ranked proposals with scores and reasons; the same proposals read in Japanese", async () => {
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const vi = await list(domestic);
    expect(vi.length).toBeGreaterThan(0);
    expect(vi.length).toBeLessThanOrEqual(10);
    for (const r of vi) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.text.length).toBe(r.reasons.length);
      expect(r.text.length).toBeGreaterThanOrEqual(1);
    }
    expect(vi.map((r) => r.score)).toEqual([...vi.map((r) => r.score)].sort((a, b) => b - a));
    const ja = await list(domestic, "ja");
    expect(ja.map((r) => r.id)).toEqual(vi.map((r) => r.id));
    expect(ja[0]!.text.join(" ")).not.toEqual(vi[0]!.text.join(" "));
    expect(ja[0]!.text.join(" ")).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  test("a profile change re-ranks at once; dismissals and bookmarks are remembered", async () => {
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const own = domestic.session.user.companyId!;
    // Needs that one vendor (and few others) offers: it comes up.
    const vendor = (await t.db.models.Company.findOne({ kind: "foreign", status: { $ne: "pending" }, "offers.0": { $exists: true } }).lean())!;
    const code = vendor.offers[0]!.code;
    await domestic.agent
      .patch(`/api/companies/${own}`)
      .set(domestic.csrf)
      .send({ needs: [{ kind: "technology", codes: [code], priority: 1 }] })
      .expect(200);
    const after = await list(domestic, "en", 50);
    expect(after.map((r) => r.id)).toContain(vendor._id.toHexString());
    // The top proposals now answer the new need, with it named in their reasons.
    expect(JSON.stringify(after.slice(0, 5).map((r) => r.reasons))).toContain(code);

    const first = after[0]!;
    await domestic.agent.put(`/api/recommendations/${first.id}/bookmark`).set(domestic.csrf).send({}).expect(204);
    expect((await list(domestic, "en", 50)).find((r) => r.id === first.id)!.bookmarked).toBe(true);
    await domestic.agent.delete(`/api/recommendations/${first.id}/bookmark`).set(domestic.csrf).expect(204);
    // Proposals are sent as serialized once per ranking: a bookmark's change makes a new ranking.
    expect((await list(domestic, "en", 50)).find((r) => r.id === first.id)!.bookmarked).toBe(false);

    await domestic.agent
      .post(`/api/recommendations/${first.id}/dismiss`)
      .set(domestic.csrf)
      .send({ kind: first.kind, reason: "notRelevant" })
      .expect(204);
    expect((await list(domestic, "en", 50)).map((r) => r.id)).not.toContain(first.id);
    await domestic.agent.post(`/api/recommendations/${first.id}/dismiss`).set(domestic.csrf).send({ kind: first.kind, reason: "$where" }).expect(400);
  });

  test("accepting a proposal makes a meeting request; organisers promote and block pairs", async () => {
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const own = domestic.session.user.companyId!;
    const recs = await list(domestic);
    const target = recs[recs.length - 1]!;
    const meeting = (
      await domestic.agent.post(`/api/recommendations/${target.id}/accept`).set(domestic.csrf).send({ message: "Xin chào" }).expect(201)
    ).body;
    expect(meeting).toMatchObject({ status: "requested", requester: { companyId: own }, recipient: { companyId: target.id } });
    await domestic.agent.post(`/api/recommendations/${target.id}/accept`).set(domestic.csrf).send({}).expect(409);

    // A vendor the matcher ranks low (or not at all) for this firm, promoted by the organiser: first.
    // (Not one the firm dismissed earlier: a dismissal outranks a promotion.)
    const dismissed = new Set(
      (await t.db.models.MatchFeedback.find({ kind: "dismissal", companyId: own }).lean()).map((f) => f.otherId.toHexString()),
    );
    const far = (await t.db.models.Company.find({ kind: "foreign", status: { $ne: "pending" } }).lean())
      .map((c) => c._id.toHexString())
      .find((id) => !recs.some((r) => r.id === id) && !dismissed.has(id))!;
    await organiser.agent.put(`/api/matching/pairs/${own}/${far}`).set(organiser.csrf).send({ decision: "promote" }).expect(204);
    const promoted = await list(domestic);
    expect(promoted[0]).toMatchObject({ id: far, promoted: true });
    const asOrganiser = (await organiser.agent.get(`/api/matching/companies/${own}`).expect(200)).body as RecommendationView[];
    expect(asOrganiser[0]!.id).toBe(far);
    await organiser.agent.put(`/api/matching/pairs/${far}/${own}`).set(organiser.csrf).send({ decision: "block" }).expect(204);
    expect((await list(domestic)).map((r) => r.id)).not.toContain(far);
    await organiser.agent.delete(`/api/matching/pairs/${own}/${far}`).set(organiser.csrf).expect(204);
    await organiser.agent.delete(`/api/matching/pairs/${own}/${far}`).set(organiser.csrf).expect(404);

    const overview = (await organiser.agent.get("/api/matching/overview?k=3&kind=domestic&limit=5").expect(200)).body;
    expect(overview.total).toBeGreaterThan(100);
    expect(overview.items).toHaveLength(5);
  });

  test("a firm approved a moment ago gets its proposals at once, not an empty list until the matcher looks again", async () => {
    // The matcher is warm (another firm just asked), so it answers from memory.
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    expect((await list(domestic)).length).toBeGreaterThan(0);
    const vendor = (await t.db.models.Company.findOne({ kind: "foreign", status: { $ne: "pending" }, "offers.0": { $exists: true } }).lean())!;
    const firm = await registerFirm(t.app, t.repos, {
      email: "approved-now@example.vn",
      password: "a long enough password",
      name: "Trần Vừa Duyệt",
      role: "domestic",
      company: { legalName: "Công ty TNHH Vừa Duyệt", taxCode: freshTaxCode(), country: "VN" },
      consents: { personalData: true },
    });
    const own = firm.session.user.companyId!;
    await firm.agent
      .patch(`/api/companies/${own}`)
      .set(firm.csrf)
      .send({ sectors: vendor.sectors, languages: ["vi", "en"], needs: [{ kind: "technology", codes: [vendor.offers[0]!.code], priority: 1 }] })
      .expect(200);
    // Awaiting approval: nothing proposed.
    expect(await list(firm)).toEqual([]);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    await organiser.agent.post(`/api/companies/${own}/approve`).set(organiser.csrf).send({}).expect(204);
    expect((await list(firm)).length).toBeGreaterThan(0);
  });

  test("the auto-scheduler takes the matcher's proposals", async () => {
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const plan = (
      await organiser.agent.post("/api/scheduler/plans").set(organiser.csrf).send({ timeLimitSeconds: 1, proposalsPerCompany: 1 }).expect(201)
    ).body as SchedulePlanView;
    const proposals = plan.assignments.filter((a) => a.kind === "proposal");
    expect(proposals.length).toBeGreaterThan(50);
    expect(proposals.every((a) => a.value > 0 && a.value <= 0.5)).toBe(true);
    expect(plan.ratio).toBeLessThanOrEqual(1);
  });
});
