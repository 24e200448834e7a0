import { faultStack, waitFor, type FaultStack } from "../support/processes";
import { ApiClient, expectStatus } from "../support/httpClient";
import {
  closeAllSockets,
  connectedWithin,
  demoClient,
  liveSocket,
  nextLiveEvent,
  nodeHealth,
  socketToken,
  type LiveSocket,
} from "../support/faultFixtures";

// Fault tests with real processes: two realtime nodes share one Redis, which is killed and started
// again. Ports 27512 (FerretDB), 6512 (Redis), 3512 (api), 3513 and 3514 (realtime) belong to this file.
jest.setTimeout(180_000);

describe("faults: Redis goes away under two realtime nodes", () => {
  let s: FaultStack;
  let domestic: ApiClient;
  let vendor: ApiClient;
  let guest: ApiClient;
  const sockets: LiveSocket[] = [];
  const open = async (url: string, token: string) => {
    const socket = liveSocket(url, token, { reconnection: true });
    sockets.push(socket);
    await connectedWithin(socket);
    return socket;
  };
  const close = (socket: LiveSocket) => {
    socket.disconnect();
    sockets.splice(sockets.indexOf(socket), 1);
  };

  beforeAll(async () => {
    s = faultStack("redis", { ports: { db: 27512, redis: 6512, api: 3512, realtime: [3513, 3514] } });
    await Promise.all([s.db.start(), s.redis!.start()]);
    await s.seed();
    await Promise.all([s.api.start(), ...s.realtime.map((r) => r.start())]);
    domestic = await demoClient(s, "domestic");
    vendor = await demoClient(s, "vendor");
    guest = new ApiClient(s.apiUrl, s.publicOrigin);
  });
  afterAll(async () => {
    closeAllSockets();
    await s?.cleanup();
  });

  test("each node keeps serving its own clients and reports the degradation; after Redis returns they reconnect and events cross nodes again", async () => {
    const [node1, node2] = s.realtimeUrls as [string, string];
    const guestToken = await socketToken(guest);

    // Healthy: the hall count spans both nodes, and the api's events reach a socket on either node.
    expect(await nodeHealth(node1)).toEqual({ status: "ok", redis: "up" });
    const onNode1 = await open(node1, await socketToken(domestic));
    const vendorOnNode2 = await open(node2, await socketToken(vendor));
    const both = nextLiveEvent(onNode1, "hall:visitors", (v) => v.count === 3);
    const third = await open(node2, guestToken);
    await both;
    close(third);

    await s.redis!.kill();

    // Each node says it is degraded, and the api (for which Redis is optional) stays healthy.
    for (const node of [node1, node2]) await waitFor(`${node} to report Redis down`, async () => (await nodeHealth(node)).redis === "down");
    expect(await nodeHealth(node1)).toEqual({ status: "degraded", redis: "down" });
    await waitFor("the api to report Redis down", async () => (await domestic.get("/api/health")).body.dependencies?.redis?.status === "down");
    expect((await domestic.get("/api/health")).status).toBe(200);

    // The connected sockets stay, and a client that arrives now is served by its node: it connects and
    // hears that node's own hall count.
    expect(onNode1.connected && vendorOnNode2.connected).toBe(true);
    for (const [node, own] of [
      [node1, 1],
      [node2, 1],
    ] as const) {
      const late = liveSocket(node, guestToken);
      sockets.push(late);
      const count = nextLiveEvent(late, "hall:visitors");
      await connectedWithin(late);
      expect((await count).count).toBe(own + 1);
      close(late);
    }
    // Booking keeps working while realtime delivery is degraded.
    const seeded = (
      expectStatus(await domestic.get("/api/meetings?status=requested"), 200).body as { id: string; recipient: { companyId: string } }[]
    ).find((m) => m.recipient.companyId === vendor.companyId);
    if (seeded) expectStatus(await domestic.post(`/api/meetings/${seeded.id}/cancel`, { note: "" }), 200, "withdraw during the outage");

    await s.redis!.start(); // empty: Redis holds nothing the app needs

    for (const node of [node1, node2]) await waitFor(`${node} to reconnect to Redis`, async () => (await nodeHealth(node)).status === "ok");
    expect(await nodeHealth(node2)).toEqual({ status: "ok", redis: "up" });
    await waitFor("the api to reconnect to Redis", async () => (await domestic.get("/api/health")).body.dependencies?.redis?.status === "up");

    // Cross-node again: a visitor on node 2 is counted on node 1 (retried while the subscriptions come back).
    await waitFor("a hall count spanning both nodes", async () => {
      const heard = nextLiveEvent(onNode1, "hall:visitors", (v) => v.count === 3, 3000).then(
        () => true,
        () => false,
      );
      const visitor = await open(node2, guestToken);
      const ok = await heard;
      close(visitor);
      await nextLiveEvent(onNode1, "hall:visitors", (v) => v.count === 2, 3000).catch(() => undefined);
      return ok;
    });
    // And the api's notification reaches the vendor's socket on node 2.
    const notified = nextLiveEvent(vendorOnNode2, "notification", (n) => n.kind === "meeting_requested");
    const request = expectStatus(
      await domestic.post("/api/meetings", { with: vendor.companyId, message: "Xin gặp", mode: "either" }),
      201,
      "request",
    ).body;
    expect(await notified).toMatchObject({ kind: "meeting_requested", meetingId: request.id });
    expect(onNode1.connected && vendorOnNode2.connected).toBe(true);
  });
});
