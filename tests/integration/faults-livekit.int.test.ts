import { faultStack, portOpen, type FaultStack } from "../support/processes";
import { expectStatus, type ApiClient } from "../support/httpClient";
import { demoClient, distinctSlots, expectUnavailable, freshPartners } from "../support/faultFixtures";

// Fault tests with real processes: the api runs with LiveKit at a port nothing listens on. Ports 27511
// (FerretDB), 3511 (api) and 3519 (the dead LiveKit) belong to this file.
jest.setTimeout(180_000);
const DEAD_LIVEKIT_PORT = 3519;

describe("faults: LiveKit is down", () => {
  let s: FaultStack;
  let domestic: ApiClient;
  let vendor: ApiClient;

  beforeAll(async () => {
    if (await portOpen(DEAD_LIVEKIT_PORT)) throw new Error(`port ${DEAD_LIVEKIT_PORT} must be free: it plays a LiveKit server that is down`);
    s = faultStack("livekit", {
      ports: { db: 27511, api: 3511 },
      livekit: { url: `http://127.0.0.1:${DEAD_LIVEKIT_PORT}`, apiKey: "fault-key", apiSecret: "fault-livekit-secret-0123456789abcdef" },
    });
    await s.db.start();
    await s.seed();
    await s.api.start();
    domestic = await demoClient(s, "domestic", "ja");
    vendor = await demoClient(s, "vendor");
  });
  afterAll(() => s?.cleanup());

  test("health reports LiveKit down (503) with the database up", async () => {
    const health = await domestic.get("/api/health");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", dependencies: { db: { status: "up" }, livekit: { status: "down", required: true } } });
  });

  test("requesting, booking and accepting meetings keep working; joining the video room is a clear 503, not a 500", async () => {
    // Booking a slot at once, online.
    const [want] = await distinctSlots(domestic, await freshPartners(s, domestic.companyId, 1));
    const online = expectStatus(await domestic.post("/api/meetings", { ...want, mode: "online" }), 201, "book online").body;
    expect(online).toMatchObject({ status: "booked", mode: "online" });

    // A request answered by the other side: the demo firm asks the demo vendor (its seeded onsite-only
    // request, which a remote vendor cannot take, is withdrawn first); the vendor accepts.
    const seeded = (
      expectStatus(await domestic.get("/api/meetings?status=requested"), 200).body as { id: string; recipient: { companyId: string } }[]
    ).find((m) => m.recipient.companyId === vendor.companyId);
    if (seeded) expectStatus(await domestic.post(`/api/meetings/${seeded.id}/cancel`, { note: "" }), 200, "withdraw");
    const request = expectStatus(
      await domestic.post("/api/meetings", { with: vendor.companyId, message: "Xin gặp", mode: "either" }),
      201,
      "request",
    ).body;
    expect(request.status).toBe("requested");
    const [slot] = expectStatus(await domestic.get(`/api/meetings/slots?with=${vendor.companyId}`), 200).body as { id: string }[];
    const accepted = expectStatus(await vendor.post(`/api/meetings/${request.id}/accept`, { slot: slot!.id }), 200, "accept").body;
    expect(accepted).toMatchObject({ status: "booked", mode: "online" });
    expect(expectStatus(await vendor.get("/api/meetings"), 200).body.map((m: { id: string }) => m.id)).toContain(accepted.id);

    // Joining either room: 503 with Retry-After and a message in the caller's language saying video is down.
    const ja = await domestic.post(`/api/meetings/${online.id}/video-token`);
    expectUnavailable(ja, "video token (ja)");
    expect(ja.body.error.message).toBe("サービスが一時的に利用できません。数秒後に再試行してください。");
    expect(ja.body.error.fields.video).toMatch(/ビデオ会議室は現在ご利用いただけません/);
    const en = await vendor.post(`/api/meetings/${accepted.id}/video-token`);
    expectUnavailable(en, "video token (en)");
    expect(en.body.error.fields.video).toMatch(/Video rooms are unavailable right now; scheduling and booking still work/);
    // Nothing about LiveKit leaks to the client.
    expect(JSON.stringify(en.body)).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1/);

    // The meetings stay booked.
    expect(expectStatus(await domestic.get(`/api/meetings/${online.id}`), 200).body.status).toBe("booked");
  });
});
