import { faultStack, portOpen, waitFor, type FaultStack } from "../support/processes";
import { expectStatus, type ApiClient, type Reply } from "../support/httpClient";
import { closeAllSockets, connectedWithin, demoClient, liveSocket, socketToken } from "../support/faultFixtures";

// Fault tests with real processes: graceful shutdown on SIGTERM. Ports 27514 (FerretDB), 6514
// (Redis), 3517 (api), 3518 and 3520 (realtime) belong to this file.
jest.setTimeout(180_000);

describe("faults: graceful shutdown on SIGTERM", () => {
  let s: FaultStack;

  beforeAll(async () => {
    s = faultStack("shutdown", { ports: { db: 27514, redis: 6514, api: 3517, realtime: [3518, 3520] } });
    await Promise.all([s.db.start(), s.redis!.start()]);
    await s.seed();
  });
  afterAll(async () => {
    closeAllSockets();
    await s?.cleanup();
  });

  test("api: a request in flight finishes with its normal answer, then the process exits with code 0", async () => {
    await s.api.start();
    const organiser: ApiClient = await demoClient(s, "organiser");
    // The auto-scheduler searches for 3 s in a worker thread: long enough to be in flight at SIGTERM.
    const slow = organiser.post("/api/scheduler/plans", { timeLimitSeconds: 3 }, { timeoutMs: 60_000 });
    let answered = false;
    void slow.then(
      () => (answered = true),
      () => (answered = true),
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(answered).toBe(false);

    s.api.signal("SIGTERM");
    // It stops taking new connections at once...
    await waitFor("the api to stop listening", async () => !(await portOpen(s.api.port)), { timeoutMs: 10_000 });
    // ...but the plan being computed comes back as usual.
    const plan: Reply = await slow;
    expectStatus(plan, 201, "the in-flight request");
    expect(plan.body).toMatchObject({ id: expect.any(String), status: "draft" });
    expect(await s.api.exited()).toEqual({ code: 0, signal: null });
    expect(s.api.logTail()).toMatch(/"msg":"stopped"/);
  });

  test("realtime: its connected sockets are told (a server-initiated disconnect) before the process exits with code 0; the other node's stay", async () => {
    if (!s.api.running) await s.api.start();
    await Promise.all(s.realtime.map((r) => r.start()));
    const vendor = await demoClient(s, "vendor");
    const [node1, node2] = s.realtimeUrls as [string, string];
    const open = async (node: string) => {
      const socket = liveSocket(node, await socketToken(vendor), { reconnection: true });
      await connectedWithin(socket);
      return socket;
    };
    const leaving = await Promise.all([open(node1), open(node1)]);
    const staying = await open(node2);
    let stayingDropped = "";
    staying.on("disconnect", (reason) => (stayingDropped = reason));
    const told = leaving.map(
      (socket) =>
        new Promise<{ reason: string; at: number }>((resolve) => socket.once("disconnect", (reason) => resolve({ reason, at: Date.now() }))),
    );

    s.realtime[0]!.signal("SIGTERM");
    const exit = await s.realtime[0]!.exited();
    const exitedAt = Date.now();
    for (const t of await Promise.all(told)) {
      // "io server disconnect": the server said goodbye (a crash reads "transport close"), and the
      // client does not hammer a node that is going away.
      expect(t.reason).toBe("io server disconnect");
      expect(t.at).toBeLessThanOrEqual(exitedAt);
    }
    expect(exit).toEqual({ code: 0, signal: null });
    for (const socket of leaving) {
      expect(socket.connected).toBe(false);
      socket.disconnect();
    }
    // Another node's clients are not its to send away.
    await new Promise((r) => setTimeout(r, 500));
    expect(stayingDropped).toBe("");
    expect(staying.connected).toBe(true);
    staying.disconnect();
  });
});
