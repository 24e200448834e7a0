import request from "supertest";
import { ErrorBodySchema, FairSummarySchema, HealthSchema } from "@ketnoi/contracts";
import { createProbes } from "../../../api/src/probes";
import { createVideoRooms } from "../../../api/src/services/livekit";
import { seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { freshDatabase, stack } from "../../support/stack";
import { buildTestApp } from "../../support/app";
import { FIXED_NOW, fairIso } from "../../support/clock";

// The api's Express app against the real database and LiveKit server.
describe("api HTTP basics", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let app: ReturnType<typeof buildTestApp>["app"];
  beforeAll(async () => {
    db = await freshDatabase("http");
    const built = buildTestApp(db, { now: () => FIXED_NOW });
    app = built.app;
    await seedDemoFair(built.repos, FIXED_NOW);
  });
  afterAll(() => db.drop());

  test("GET /api/health reports db and livekit up with 200", async () => {
    const res = await request(app).get("/api/health").expect(200);
    const body = HealthSchema.parse(res.body);
    expect(body.status).toBe("ok");
    expect(body.dependencies.db.status).toBe("up");
    expect(body.dependencies.livekit.status).toBe("up");
  });

  test("GET /api/health answers 503 naming the dependency when a required one is down", async () => {
    // A LiveKit URL where nothing listens: a real refused connection, not a stub.
    const deadVideo = createVideoRooms({ ...stack.livekit(), url: "http://127.0.0.1:9" });
    const { app: degraded } = buildTestApp(db, { probes: createProbes(db, deadVideo) });
    const res = await request(degraded).get("/api/health").expect(503);
    const body = HealthSchema.parse(res.body);
    expect(body.dependencies.livekit.status).toBe("down");
    expect(body.dependencies.db.status).toBe("up");
  });

  test("GET /api/fairs/current returns the seeded fair with its figures and programme", async () => {
    const res = await request(app).get("/api/fairs/current").expect(200);
    const fair = FairSummarySchema.parse(res.body);
    expect(fair.slug).toBe("cnht-hanoi-2026");
    expect(fair.counts).toMatchObject({ domestic: 200, foreign: 60, interpreters: 12 });
    expect(fair.startsAt).toBe(fairIso(1, "08:30").replace(".000Z", "Z")); // 08:30 in Hanoi
    expect(fair.programme).toHaveLength(12);
  });

  test("unknown routes are 404 in the error shape", async () => {
    const res = await request(app).get("/api/no-such-thing").expect(404);
    expect(ErrorBodySchema.parse(res.body).error.code).toBe("not_found");
  });

  test("malformed JSON is a 400, not a 500", async () => {
    const res = await request(app).post("/api/health").set("Content-Type", "application/json").send("{not json").expect(400);
    expect(res.body.error.code).toBe("malformed_json");
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });

  test("unknown query fields are refused with a field message in the viewer's language", async () => {
    const ja = await request(app).get("/api/fairs/current?foo=1").set("Accept-Language", "ja-JP,ja;q=0.9").expect(400);
    expect(ja.body.error.code).toBe("validation_failed");
    expect(ja.body.error.message).toBe("一部の項目が正しくありません。");
    expect(ja.body.error.fields.foo).toBeDefined();
    const vi = await request(app).get("/api/fairs/current?foo=1").expect(400);
    expect(vi.body.error.message).toBe("Một số trường chưa hợp lệ.");
  });

  test("invalid path parameters name the field", async () => {
    const res = await request(app).get("/api/fairs/NOT_A_SLUG").set("Accept-Language", "en").expect(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["slug"]);
  });

  test("Mongo operators and dotted keys in input are refused", async () => {
    const query = await request(app).get("/api/taxonomy?kind[$ne]=sector").expect(400);
    expect(query.body.error.code).toBe("bad_request");
    const body = await request(app).post("/api/health").send({ $where: "1" }).expect(400);
    expect(Object.keys(body.body.error.fields)).toEqual(["$where"]);
  });

  test("request ids are echoed (or made) for log correlation", async () => {
    const given = await request(app).get("/api/taxonomy").set("X-Request-Id", "abc-12345678").expect(200);
    expect(given.headers["x-request-id"]).toBe("abc-12345678");
    const made = await request(app).get("/api/taxonomy").expect(200);
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("GET /api/taxonomy lists terms with labels in five languages, filterable by kind", async () => {
    const res = await request(app).get("/api/taxonomy?kind=certification").expect(200);
    expect(res.body.data.length).toBeGreaterThan(5);
    expect(res.body.data.every((t: { kind: string }) => t.kind === "certification")).toBe(true);
    const bad = await request(app).get("/api/taxonomy?kind=planet").expect(400);
    expect(bad.body.error.fields.kind).toBeDefined();
  });

  test("GET /api/openapi.json documents every endpoint, and /api/docs serves its page", async () => {
    const res = await request(app).get("/api/openapi.json").expect(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/api/fairs/current", "/api/fairs/{slug}", "/api/health", "/api/taxonomy", "/api/auth/login"]),
    );
    expect(res.body.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(res.body.paths["/api/fairs/{slug}"].get.parameters[0]).toMatchObject({ name: "slug", in: "path" });
    const docs = await request(app).get("/api/docs").expect(200);
    expect(docs.text).toContain("swagger-ui-bundle.js");
    await request(app).get("/api/docs/assets/swagger-ui-bundle.js").expect(200);
  });
});
