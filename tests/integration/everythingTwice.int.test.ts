import { RoomServiceClient } from "livekit-server-sdk";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";
import {
  closeAllSockets,
  connectedWithin,
  demoClient,
  distinctSlots,
  freshPartners,
  liveSocket,
  meetingsBetween,
  nextLiveEvent,
  pairClaimWithoutMeeting,
  socketToken,
  withDatabase,
} from "../support/faultFixtures";
import { expectStatus, type ApiClient } from "../support/httpClient";
import { faultStack, STACK_LIVEKIT, waitFor, type FaultStack } from "../support/processes";
import { tcpBalancer } from "../support/tcpBalancer";
import { joinVideo, type VideoParticipant } from "../support/videoParticipant";

// Two of every process on one Redis: two api processes, two realtime nodes, two LiveKit servers in
// multi-node mode. Ports 27516 (FerretDB), 6516 (Redis), 3523-3524 (api), 3525-3526 (realtime),
// 7560-7562 and 7570-7572 (LiveKit: signalling, then media over UDP at +2) belong to this file.
jest.setTimeout(300_000);

const API = [3523, 3524];
const REALTIME = [3525, 3526];
const LIVEKIT = [7560, 7570];

type Balancer = Awaited<ReturnType<typeof tcpBalancer>>;

describe("two of every process: api, realtime and LiveKit", () => {
  let s: FaultStack;
  let browser: Browser;
  /** What a deployment puts in front of the replicas: browsers reach LiveKit, the api and the realtime service through these. */
  let front: { livekit: Balancer[]; api: Balancer; realtime: Balancer };
  let domestic: ApiClient;
  let vendor: ApiClient;
  const participants: VideoParticipant[] = [];
  const on = (client: ApiClient, i: number) => client.via(i === 0 ? s.apiUrl : s.api2Url!);

  beforeAll(async () => {
    // Each party's browser is sent to "its" LiveKit node first (the other when that one is down).
    front = {
      livekit: [await tcpBalancer(LIVEKIT), await tcpBalancer([...LIVEKIT].reverse())],
      api: await tcpBalancer(API),
      realtime: await tcpBalancer(REALTIME),
    };
    s = faultStack("twice", {
      ports: { db: 27516, redis: 6516, api: API[0]!, api2: API[1]!, realtime: REALTIME, livekit: LIVEKIT },
      livekitPublicUrls: front.livekit.map((b) => `ws://127.0.0.1:${b.port}`),
    });
    await Promise.all([s.db.start(), s.redis!.start()]);
    await Promise.all([s.seed(), ...s.livekit.map((node) => node.start())]);
    await Promise.all([s.api.start(), s.api2!.start(), ...s.realtime.map((node) => node.start())]);
    domestic = await demoClient(s, "domestic");
    vendor = await demoClient(s, "vendor");
    browser = await launchBrowser();
    // The demo seeds an open request between the two demo firms; withdrawn, so they can book a meeting.
    const seeded = (
      expectStatus(await domestic.get("/api/meetings?status=requested"), 200).body as { id: string; recipient: { companyId: string } }[]
    ).find((m) => m.recipient.companyId === vendor.companyId);
    if (seeded) expectStatus(await domestic.post(`/api/meetings/${seeded.id}/cancel`, { note: "" }), 200, "withdraw the seeded request");
  });
  afterAll(async () => {
    closeAllSockets();
    await browser?.close();
    await Promise.all([front?.api.close(), front?.realtime.close(), ...(front?.livekit ?? []).map((b) => b.close())]);
    await s?.cleanup();
  });

  const socketOn = async (url: string, client: ApiClient) => {
    const socket = liveSocket(url, await socketToken(client), { reconnection: true });
    await connectedWithin(socket);
    return socket;
  };

  /** The online meeting of the demo firms, booked in the first test, met by video in the third. */
  let online: { id: string };
  /** Its video room and the two parties' identities in it (the firm's first). */
  let room = "";
  let parties: string[] = [];
  test("a booking on one api process is the other's at once, its notice reaches the other party on the other realtime node, and one slot has one winner", async () => {
    const vendorOnNode2 = await socketOn(s.realtimeUrls[1]!, on(vendor, 1));
    const [slot] = await distinctSlots(domestic, [vendor.companyId]);
    const notified = nextLiveEvent(vendorOnNode2, "notification", (n) => n.kind === "meeting_booked");
    online = expectStatus(await on(domestic, 0).post("/api/meetings", { ...slot, mode: "online" }), 201, "booking on api 1").body;
    expect(await notified).toMatchObject({ meetingId: online.id });
    const vendorAgenda = expectStatus(await on(vendor, 1).get("/api/meetings"), 200, "vendor's agenda on api 2").body as {
      id: string;
      status: string;
    }[];
    expect(vendorAgenda.filter((m) => m.id === online.id)).toEqual([expect.objectContaining({ status: "booked" })]);
    vendorOnNode2.disconnect();

    // Two other vendors, one free slot of the firm's, asked for through both processes at once: one wins.
    const rivals = await freshPartners(s, domestic.companyId, 2);
    const [common] = await distinctSlots(domestic, [rivals[0]!]);
    const answers = await Promise.all(
      rivals.map((other, i) => on(domestic, i).post("/api/meetings", { with: other, slot: common!.slot, mode: "either" })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    await withDatabase(s, async (db) => {
      const stored = await Promise.all(rivals.map((other) => meetingsBetween(db, domestic.companyId, other)));
      expect(stored.sort()).toEqual([0, 1]);
    });
  });

  test("booth presence: a visitor on one node is who the booth's staff on the other node see", async () => {
    const [node1, node2] = s.realtimeUrls as [string, string];
    const booth = `booth:${vendor.companyId}`;
    const ticket = async (client: ApiClient) =>
      (expectStatus(await client.post("/api/realtime/tickets", { room: booth }), 200, "room ticket").body as { ticket: string }).ticket;
    const staff = await socketOn(node1, on(vendor, 0));
    expect(await staff.timeout(5000).emitWithAck("room:join", { ticket: await ticket(on(vendor, 0)) })).toMatchObject({ ok: true, access: "staff" });
    const withVisitor = nextLiveEvent(staff, "booth:presence", (p) => p.visitors === 1);
    const visitor = await socketOn(node2, on(domestic, 1));
    expect(await visitor.timeout(5000).emitWithAck("room:join", { ticket: await ticket(on(domestic, 1)) })).toMatchObject({
      ok: true,
      access: "visitor",
    });
    expect(await withVisitor).toMatchObject({ companyId: vendor.companyId, staff: 1, visitors: 1 });
    const gone = nextLiveEvent(staff, "booth:presence", (p) => p.visitors === 0);
    visitor.disconnect();
    expect((await gone).people.map((p) => p.access)).toEqual(["staff"]);
    staff.disconnect();
  });

  test("a video meeting whose two parties connect through different LiveKit nodes: each sees the other", async () => {
    const tokenOf = async (client: ApiClient) =>
      expectStatus(await client.post(`/api/meetings/${online.id}/video-token`), 200, "video token").body as {
        serverUrl: string;
        participantToken: string;
        roomName: string;
        identity: string;
      };
    const [mine, theirs] = [await tokenOf(on(domestic, 0)), await tokenOf(on(vendor, 1))];
    // Each api process gives its own LiveKit address: the parties' signalling goes to different nodes.
    expect([mine.serverUrl, theirs.serverUrl]).toEqual(front.livekit.map((b) => `ws://127.0.0.1:${b.port}`));
    participants.push(
      await joinVideo(browser, mine.serverUrl, mine.participantToken),
      await joinVideo(browser, theirs.serverUrl, theirs.participantToken),
    );
    room = mine.roomName;
    parties = [mine.identity, theirs.identity];
    await bothSeeEachOther(parties);
    // Both nodes are members of one cluster in Redis, and either node's server API lists the two parties in the one room.
    for (const port of LIVEKIT) {
      const rooms = new RoomServiceClient(`http://127.0.0.1:${port}`, STACK_LIVEKIT.apiKey, STACK_LIVEKIT.apiSecret);
      expect((await rooms.listParticipants(mine.roomName)).map((p) => p.identity).sort()).toEqual([mine.identity, theirs.identity].sort());
    }
  });

  /** Each participant sees the other and keeps decoding new frames of the other's video. */
  async function bothSeeEachOther(identities: string[]) {
    const [a, b] = participants as [VideoParticipant, VideoParticipant];
    await waitFor(
      "each party to see the other",
      async () => (await a.others()).includes(identities[1]!) && (await b.others()).includes(identities[0]!),
      {
        timeoutMs: 60_000,
      },
    );
    for (const p of [a, b]) {
      const before = await p.framesDecoded();
      await waitFor("new video frames from the other party", async () => (await p.framesDecoded()) >= before + 10, {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
    }
  }

  test("killing one api, one realtime node and one LiveKit node mid-traffic loses no booking, and every client carries on", async () => {
    expect(participants).toHaveLength(2);
    // The firm's live notices reach it through the realtime front (on node 1, the first it tries).
    const firmLive = await socketOn(`http://127.0.0.1:${front.realtime.port}`, domestic);
    const through = domestic.via(`http://127.0.0.1:${front.api.port}`);
    const partners = await freshPartners(s, domestic.companyId, 8);
    const wanted = await distinctSlots(through, partners);

    // Bookings one after another through the api front; the three kills come after the second answer.
    type Outcome = { with: string; status?: number; id?: string; broken?: string; storedBefore?: number; orphaned?: boolean };
    const outcomes: Outcome[] = [];
    let killed: Promise<unknown> | undefined;
    for (const w of wanted) {
      const outcome: Outcome = { with: w.with };
      try {
        const reply = await through.post("/api/meetings", { ...w, mode: "either" });
        Object.assign(outcome, { status: reply.status, id: reply.body?.id });
      } catch (err) {
        outcome.broken = (err as Error).message; // the connection died with api 1: the client retries below
      }
      outcomes.push(outcome);
      if (outcomes.length === 2) killed = Promise.all([s.api.kill(), s.realtime[0]!.kill(), s.livekit[0]!.kill()]);
    }
    await killed;

    // Every booking answered 201 is stored once; none answered 5xx.
    expect(outcomes.filter((o) => (o.status ?? 0) >= 500)).toEqual([]);
    const confirmed = outcomes.filter((o) => o.status === 201);
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    // Every answer but 201 is a broken connection (the api killed mid-request), retried through the front,
    // now on api 2. What the retry must answer is decided by what the database holds: 409 when the
    // broken booking was stored before the kill, or left its pair claim behind (freed by the sweep
    // later); 201 when nothing of it was written.
    const broken = outcomes.filter((o) => o.status !== 201);
    expect(broken.every((o) => o.broken)).toBe(true);
    for (const o of broken) {
      const [storedBefore, orphaned] = await withDatabase(
        s,
        async (db) => [await meetingsBetween(db, domestic.companyId, o.with), await pairClaimWithoutMeeting(db, domestic.companyId, o.with)] as const,
      );
      const retry = await through.post("/api/meetings", { with: o.with, slot: wanted.find((w) => w.with === o.with)!.slot, mode: "either" });
      expectStatus(retry, storedBefore === 1 || orphaned ? 409 : 201, `retry of the booking with ${o.with}`);
      if (retry.status === 201) Object.assign(o, { status: 201, id: retry.body.id });
      else Object.assign(o, { storedBefore, orphaned });
    }
    await withDatabase(s, async (db) => {
      for (const o of outcomes) expect(await meetingsBetween(db, domestic.companyId, o.with)).toBe(o.status === 201 || o.storedBefore === 1 ? 1 : 0);
    });
    const agenda = expectStatus(await through.get("/api/meetings"), 200, "agenda through the front").body as { id: string }[];
    for (const o of outcomes.filter((x) => x.status === 201)) expect(agenda.filter((m) => m.id === o.id)).toHaveLength(1);

    // The video call carries on. The firm's signalling went through the node that died: its page
    // reconnects through its front to the node left (the whole session, when the room lived on the dead
    // node, and then the vendor's too); both end connected, see each other and get new frames, and the
    // node left lists both in the room.
    await waitFor(
      "both pages connected again",
      async () => (await Promise.all(participants.map((p) => p.states()))).every((st) => st.at(-1) === "connected"),
      {
        timeoutMs: 60_000,
      },
    );
    expect((await participants[0]!.states()).slice(2).some((state) => /reconnecting/i.test(state))).toBe(true);
    await bothSeeEachOther(parties);
    const survivor = new RoomServiceClient(`http://127.0.0.1:${LIVEKIT[1]}`, STACK_LIVEKIT.apiKey, STACK_LIVEKIT.apiSecret);
    expect((await survivor.listParticipants(room)).map((p) => p.identity).sort()).toEqual([...parties].sort());

    // The firm's socket came back through the front (now to node 2) and hears the vendor call the meeting off on api 2.
    await waitFor("the firm's socket to reconnect", async () => firmLive.connected, { timeoutMs: 30_000 });
    const notified = nextLiveEvent(firmLive, "notification", (n) => n.kind === "meeting_cancelled", 20_000);
    expectStatus(
      await vendor.via(`http://127.0.0.1:${front.api.port}`).post(`/api/meetings/${online.id}/cancel`, { note: "" }),
      200,
      "cancel on api 2",
    );
    expect(await notified).toMatchObject({ meetingId: online.id });
  });
});
