import { Types } from "mongoose";
import { faultStack, type FaultStack } from "../support/processes";
import { expectStatus, type ApiClient, type Reply } from "../support/httpClient";
import { demoClient, distinctSlots, expectUnavailable, freshPartners, healthy, meetingsBetween, withDatabase } from "../support/faultFixtures";

// Fault tests with real processes: FerretDB is killed under a running api and started again on the
// same data directory. Ports 27510 (FerretDB) and 3510 (api) belong to this file.
jest.setTimeout(180_000);

describe("faults: the database goes away and comes back", () => {
  let s: FaultStack;
  let domestic: ApiClient;
  let vendor: ApiClient;

  beforeAll(async () => {
    s = faultStack("db", { ports: { db: 27510, api: 3510 } });
    await s.db.start();
    await s.seed();
    await s.api.start();
    domestic = await demoClient(s, "domestic");
    vendor = await demoClient(s, "vendor", "vi");
  });
  afterAll(() => s?.cleanup());
  // A test that failed half-way may have left the database down.
  beforeEach(async () => {
    if (!s.db.running) await s.db.start();
    await healthy(s, domestic);
  });

  test("a booked meeting survives an outage: calls answer 503 with Retry-After (never 500 or a hang), health names the db, and the api recovers by itself", async () => {
    // An accepted meeting: the demo firm asks the demo vendor (its seeded onsite-only request, which a
    // remote vendor cannot take, is withdrawn first) and the vendor accepts in a common free slot.
    const seeded = (
      expectStatus(await domestic.get("/api/meetings?status=requested"), 200).body as { id: string; recipient: { companyId: string } }[]
    ).find((m) => m.recipient.companyId === vendor.companyId);
    if (seeded) expectStatus(await domestic.post(`/api/meetings/${seeded.id}/cancel`, { note: "" }), 200, "withdraw");
    const request = expectStatus(
      await domestic.post("/api/meetings", { with: vendor.companyId, message: "Xin gặp", mode: "either" }),
      201,
      "request",
    ).body;
    // (The demo firm is not listed in the directory, so the free common slots are asked from its side.)
    const [slot] = expectStatus(await domestic.get(`/api/meetings/slots?with=${vendor.companyId}`), 200).body as { id: string }[];
    const booked = expectStatus(await vendor.post(`/api/meetings/${request.id}/accept`, { slot: slot!.id }), 200, "accept").body;
    expect(booked).toMatchObject({ id: request.id, status: "booked" });
    const [attempt] = await distinctSlots(domestic, await freshPartners(s, domestic.companyId, 1));

    await s.db.kill();

    const during: [string, () => Promise<Reply>][] = [
      ["list my meetings", () => domestic.get("/api/meetings")],
      ["read the booked meeting", () => vendor.get(`/api/meetings/${booked.id}`)],
      ["book a slot", () => domestic.post("/api/meetings", { ...attempt, mode: "either" })],
      ["read my notifications", () => domestic.get("/api/me/notifications")],
      ["sign in", () => demoClient(s, "organiser").then(() => ({ status: 200 }) as Reply)],
    ];
    for (const [what, call] of during.slice(0, 4)) expectUnavailable(await call(), what);
    // Sign-in needs the database too: refused with 503, not taken for a wrong password.
    await expect(during[4]![1]()).rejects.toThrow(/503/);
    // The message is in the caller's language.
    const vi = await vendor.get("/api/meetings");
    expectUnavailable(vi, "list (vi)");
    expect(vi.body.error.message).toMatch(/Dịch vụ tạm thời gián đoạn/);

    const health = await domestic.get("/api/health");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", dependencies: { db: { status: "down", required: true }, livekit: { status: "up" } } });

    await s.db.start(); // the same data directory
    await healthy(s, domestic);

    // Nothing lost: the same session still works, the meeting is booked, once.
    const after = expectStatus(await domestic.get(`/api/meetings/${booked.id}`), 200, "after recovery").body;
    expect(after).toMatchObject({ id: booked.id, status: "booked", slot: { id: slot!.id } });
    const mine = expectStatus(await domestic.get("/api/meetings"), 200).body as { id: string }[];
    expect(mine.filter((m) => m.id === booked.id)).toHaveLength(1);
    await withDatabase(s, async (db) => {
      expect(await db.models.Meeting.countDocuments({ _id: new Types.ObjectId(booked.id) })).toBe(1);
      expect(await meetingsBetween(db, domestic.companyId, vendor.companyId, "booked")).toBe(1);
      // The booking refused during the outage left nothing behind...
      expect(await meetingsBetween(db, domestic.companyId, attempt!.with)).toBe(0);
    });
    // ...so trying again now books it, once.
    const retried = expectStatus(await domestic.post("/api/meetings", { ...attempt, mode: "either" }), 201, "retry after the outage").body;
    expect(retried.status).toBe("booked");
    await withDatabase(s, async (db) => expect(await meetingsBetween(db, domestic.companyId, attempt!.with)).toBe(1));
  });

  test("bookings in flight when the database dies: each answered 201 is stored exactly once, none twice; the next requests succeed", async () => {
    const wanted = await distinctSlots(domestic, await freshPartners(s, domestic.companyId, 10));
    // Bookings go out one after another; once two are answered 201 the database is killed, so the
    // rest are on their way before, during and after the crash.
    let booked = 0;
    let killing: Promise<unknown> | undefined;
    const inFlight: Promise<{ w: (typeof wanted)[number]; reply: Reply }>[] = [];
    for (const w of wanted) {
      inFlight.push(
        domestic.post("/api/meetings", { ...w, mode: "either", message: "in flight" }).then(
          (reply) => {
            if (reply.status === 201 && ++booked === 2) killing = s.db.kill();
            return { w, reply };
          },
          (err: Error) => ({ w, reply: { status: -1, body: err.message } as unknown as Reply }),
        ),
      );
      await new Promise((r) => setTimeout(r, 25));
    }
    const answers = await Promise.all(inFlight);
    await (killing ?? s.db.kill());
    const serverErrors = () =>
      s.api
        .logTail(500)
        .split("\n")
        .filter((line) => line.includes('"statusCode":500'))
        .join("\n");
    for (const { reply } of answers) {
      // Never a 500, never a hang (-1); when it is, the api's log of the 500 goes with the failure.
      if (reply.status !== 503 && reply.status !== 201)
        throw new Error(`booking in flight: ${reply.status} ${JSON.stringify(reply.body)}\n${serverErrors()}`);
      if (reply.status === 503) expectUnavailable(reply, "booking in flight");
    }

    await s.db.start();
    await healthy(s, domestic);
    expectStatus(await domestic.get("/api/meetings"), 200, "next request");

    await withDatabase(s, async (db) => {
      for (const { w, reply } of answers) {
        const stored = await meetingsBetween(db, domestic.companyId, w.with);
        if (reply.status === 201) {
          expect(stored).toBe(1);
          const meeting = await db.models.Meeting.findById(reply.body.id).lean();
          expect(meeting).toMatchObject({ status: "booked" });
        } else {
          expect(stored).toBeLessThanOrEqual(1);
        }
      }
    });
  });
});
