import request from "supertest";
import { endedSessionKey, signRealtimeToken, type BoothCounts, type HallVisitors } from "@ketnoi/contracts";
import { buildTestApp, signIn, FIXED_NOW, TEST_REALTIME_SECRET } from "../support/app";
import { freshDatabase, silentLogger, stack } from "../support/stack";
import { connected, emitAck, nextEvent, socketClient, startRealtimeNode, type TestSocket } from "../support/realtime";
import { seedDemoFair, DEMO_PASSWORD } from "../../api/src/seed/seedDemoFair";
import { connectRedis } from "../../api/src/services/redis";
import { redisEventPublisher } from "../../api/src/services/events";
import { buildFirm, buildMeeting } from "../support/factories";

/**
 * The realtime service against the api: handshake tokens and room tickets minted by the api, two
 * nodes sharing Redis, and events the api publishes (it never holds sockets) reaching a client on
 * whichever node it is connected to.
 */
/**
 * This file's nodes and publisher talk on a channel of their own: the Redis they share may serve a
 * running stack too (CI's), whose nodes would otherwise send their requests to these and hear their events.
 */
const CHANNEL = `realtime-test-${process.pid}`;

describe("realtime service", () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  const t = {} as {
    db: Awaited<ReturnType<typeof freshDatabase>>;
    app: ReturnType<typeof buildTestApp>["app"];
    repos: ReturnType<typeof buildTestApp>["repos"];
    redis: Awaited<ReturnType<typeof connectRedis>>;
  };
  let nodeA: Awaited<ReturnType<typeof startRealtimeNode>>;
  let nodeB: Awaited<ReturnType<typeof startRealtimeNode>>;
  const signedIn: Record<string, Awaited<ReturnType<typeof signIn>>> = {};

  beforeAll(async () => {
    t.db = await freshDatabase("realtime");
    t.redis = await connectRedis(stack.redisUrl(), silentLogger());
    await new Promise<void>((resolve) => (t.redis.isReady ? resolve() : t.redis.once("ready", () => resolve())));
    const built = buildTestApp(t.db, { now: () => FIXED_NOW, events: redisEventPublisher(t.redis, CHANNEL) });
    t.app = built.app;
    t.repos = built.repos;
    await seedDemoFair(built.repos, FIXED_NOW);
    const domesticUser = await t.db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean();
    await t.db.models.Company.updateOne({ _id: domesticUser!.companyId }, { $set: { listed: true } });
    for (const role of ["organiser", "domestic", "vendor", "interpreter"]) signedIn[role] = await signIn(t.app, `${role}@ketnoi.demo`, DEMO_PASSWORD);
    nodeA = await startRealtimeNode(stack.redisUrl(), CHANNEL);
    nodeB = await startRealtimeNode(stack.redisUrl(), CHANNEL);
  });
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });
  afterAll(async () => {
    await Promise.all([nodeA.server.close(), nodeB.server.close()]);
    await t.redis.quit();
    await t.db.drop();
  });

  const tokenFor = async (role: string) => {
    const s = signedIn[role]!;
    return (await s.agent.post("/api/realtime/token").set(s.csrf).send({}).expect(200)).body.token as string;
  };
  const open = async (url: string, role: string): Promise<TestSocket> => {
    const socket = socketClient(url, await tokenFor(role));
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    return socket;
  };
  const ticket = async (role: string, room: string, status = 200) => {
    const s = signedIn[role]!;
    return (await s.agent.post("/api/realtime/tickets").set(s.csrf).send({ room }).expect(status)).body.ticket as string;
  };
  const companyOf = (role: string) => signedIn[role]!.session.user.companyId!;

  test("sockets without a valid token are refused at the handshake", async () => {
    const inTwoMinutes = Math.floor(Date.now() / 1000) + 120;
    const vendorClaims = { sub: signedIn.vendor!.session.user.id, name: "x", role: "vendor" } as const;
    const otherSecret = await signRealtimeToken("another-secret-another-secret-1234", "socket", vendorClaims, inTwoMinutes);
    for (const token of [undefined, "garbage", otherSecret]) {
      const socket = socketClient(nodeA.url, token);
      cleanup.push(() => socket.disconnect());
      await expect(connected(socket)).rejects.toThrow("unauthenticated");
    }
    // A real token that has expired, and a room ticket used as a socket token.
    const expired = await signRealtimeToken(TEST_REALTIME_SECRET, "socket", vendorClaims, Math.floor(Date.now() / 1000) - 1);
    await expect(connected(socketClient(nodeA.url, expired))).rejects.toThrow("unauthenticated");
    const booth = await ticket("vendor", `booth:${companyOf("domestic")}`);
    await expect(connected(socketClient(nodeA.url, booth))).rejects.toThrow("unauthenticated");
  });

  test("an api-published notification reaches the user's socket on another node through Redis", async () => {
    const onB = await open(nodeB.url, "domestic");
    const other = await open(nodeA.url, "interpreter");
    let leaked = false;
    other.on("notification", () => (leaked = true));
    const heard = nextEvent(onB, "notification", (n) => n.kind === "meeting_requested");
    const vendor = signedIn.vendor!;
    const meeting = (
      await vendor.agent
        .post("/api/meetings")
        .set(vendor.csrf)
        .send({ with: companyOf("domestic"), message: "Xin chào" })
        .expect(201)
    ).body;
    const n = await heard;
    expect(n).toMatchObject({ kind: "meeting_requested", meetingId: meeting.id });
    // The same row a reconnecting client reads back.
    const stored = (await signedIn.domestic!.agent.get("/api/me/notifications").expect(200)).body as { id: string }[];
    expect(stored.map((s) => s.id)).toContain(n.id);
    expect(leaked).toBe(false);
  });

  test("a visitor who is not signed in gets a guest token: into the public hall, and no further", async () => {
    const guest = (await request(t.app).post("/api/realtime/token").send({}).expect(200)).body.token as string;
    const socket = socketClient(nodeA.url, guest);
    cleanup.push(() => socket.disconnect());
    const counted = nextEvent(socket, "hall:visitors", (v: HallVisitors) => v.count >= 1);
    await connected(socket);
    expect((await counted).count).toBeGreaterThanOrEqual(1);
    // Rooms need tickets, and tickets need a user; a user's ticket is no use on a guest's socket.
    await request(t.app)
      .post("/api/realtime/tickets")
      .send({ room: `booth:${companyOf("vendor")}` })
      .expect(401);
    const reply = await emitAck(socket, "room:join", { ticket: await ticket("domestic", `booth:${companyOf("vendor")}`) });
    expect(reply).toMatchObject({ ok: false });
  });

  test("two nodes sharing Redis count the hall's visitors together", async () => {
    // Sockets of earlier tests are gone from the hall first (their disconnects are asynchronous).
    for (let i = 0; i < 100 && (await nodeA.server.io.in("hall").fetchSockets()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    const onA = await open(nodeA.url, "vendor");
    const seen = nextEvent(onA, "hall:visitors", (v: HallVisitors) => v.count === 2);
    await open(nodeB.url, "domestic");
    expect((await seen).count).toBe(2);
  });

  test("a meeting room needs the api's ticket: someone else's meeting is refused, forged tickets too", async () => {
    // A meeting of this test's own (the vendor asks a new firm): the interpreter has nothing to do with it.
    signedIn.firm = await buildFirm(t);
    const meeting = await buildMeeting(signedIn.vendor!, { with: companyOf("firm") });
    const room = `meeting:${meeting.id}`;
    // The interpreter is not assigned to it: the api refuses a ticket (as if the meeting did not exist).
    await ticket("interpreter", room, 404);
    const interpreterSocket = await open(nodeA.url, "interpreter");
    // Someone else's ticket, and a tampered one, are refused; nothing joins.
    const vendorTicket = await ticket("vendor", room);
    expect(await emitAck(interpreterSocket, "room:join", { ticket: vendorTicket })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const [header, body, mac] = vendorTicket.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, "base64url").toString()), sub: signedIn.interpreter!.session.user.id }),
    ).toString("base64url");
    const refused = { ok: false, error: { code: "forbidden" } };
    expect(await emitAck(interpreterSocket, "room:join", { ticket: `${header}.${forged}.${mac}` })).toMatchObject(refused);
    // A socket token is no room ticket: neither the api's own, nor one carrying a room's claims.
    const roomClaims = { sub: signedIn.interpreter!.session.user.id, room, access: "party" } as never;
    const socketTokenWithRoomClaims = await signRealtimeToken(TEST_REALTIME_SECRET, "socket", roomClaims, Math.floor(Date.now() / 1000) + 120);
    for (const token of [await tokenFor("interpreter"), socketTokenWithRoomClaims]) {
      expect(await emitAck(interpreterSocket, "room:join", { ticket: token })).toMatchObject(refused);
    }

    // The parties join; the api's events for the room reach both, on either node.
    const vendorSocket = await open(nodeA.url, "vendor");
    const domesticSocket = await open(nodeB.url, "firm");
    expect(await emitAck(vendorSocket, "room:join", { ticket: vendorTicket })).toMatchObject({ ok: true, room, access: "party" });
    expect(await emitAck(domesticSocket, "room:join", { ticket: await ticket("firm", room) })).toMatchObject({ ok: true, room });
    expect(await emitAck(await open(nodeB.url, "organiser"), "room:join", { ticket: await ticket("organiser", room) })).toMatchObject({
      ok: true,
      access: "organiser",
    });
    let interpreterHeard = false;
    interpreterSocket.on("meeting:live", () => (interpreterHeard = true));
    const both = [nextEvent(vendorSocket, "meeting:live"), nextEvent(domesticSocket, "meeting:live")];
    redisEventPublisher(t.redis, CHANNEL).publish(room, "meeting:live", {
      meetingId: meeting.id,
      state: "waiting",
      present: [],
      status: "booked",
      at: new Date().toISOString(),
    });
    await Promise.all(both);
    expect(interpreterHeard).toBe(false);
  });

  test("bad events get an error acknowledgement and change nothing", async () => {
    const socket = await open(nodeA.url, "vendor");
    expect(await emitAck(socket, "room:join", {})).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await emitAck(socket, "room:join", "meeting:0123456789abcdef01234567")).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await emitAck(socket, "room:join", { ticket: "x", extra: 1 })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await emitAck(socket, "room:leave", { room: "user:0123456789abcdef01234567" })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
    expect(await emitAck(socket, "room:leave", { room: `booth:${companyOf("domestic")}` })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
    expect(await emitAck(socket, "chat:shout", { text: "hi" })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    // Still connected and still able to do the right thing.
    expect(await emitAck(socket, "room:join", { ticket: await ticket("vendor", `booth:${companyOf("domestic")}`) })).toMatchObject({
      ok: true,
      access: "visitor",
    });
  });

  test("booth presence: who is in the booth now, staff counted apart, across nodes", async () => {
    const boothRoom = `booth:${companyOf("domestic")}`;
    const staff = await open(nodeA.url, "domestic");
    expect(await emitAck(staff, "room:join", { ticket: await ticket("domestic", boothRoom) })).toMatchObject({ ok: true, access: "staff" });
    const withVisitor = nextEvent(staff, "booth:presence", (p) => p.visitors === 1);
    const visitor = await open(nodeB.url, "vendor");
    await emitAck(visitor, "room:join", { ticket: await ticket("vendor", boothRoom) });
    expect(await withVisitor).toMatchObject({ companyId: companyOf("domestic"), staff: 1, visitors: 1 });
    const gone = nextEvent(staff, "booth:presence", (p) => p.visitors === 0);
    visitor.disconnect();
    expect((await gone).people.map((p) => p.access)).toEqual(["staff"]);
  });

  test("the hall hears each booth's visitor count (staff not counted), across nodes; a newcomer gets the whole map", async () => {
    const booth = companyOf("domestic");
    const boothRoom = `booth:${booth}`;
    const watcher = await open(nodeA.url, "interpreter");
    const staff = await open(nodeB.url, "domestic");
    expect(await emitAck(staff, "room:join", { ticket: await ticket("domestic", boothRoom) })).toMatchObject({ ok: true, access: "staff" });
    const oneVisitor = nextEvent(watcher, "booths:counts", (c: BoothCounts) => c[booth] === 1);
    const visitor = await open(nodeB.url, "vendor");
    await emitAck(visitor, "room:join", { ticket: await ticket("vendor", boothRoom) });
    expect(await oneVisitor).toEqual({ [booth]: 1 });
    // Someone arriving in the hall now, on the other node, is told every booth's count at once.
    const newcomer = socketClient(nodeA.url, await tokenFor("organiser"));
    cleanup.push(() => newcomer.disconnect());
    const whole = nextEvent(newcomer, "booths:counts");
    await connected(newcomer);
    expect(await whole).toEqual({ [booth]: 1 });
    const none = nextEvent(watcher, "booths:counts", (c: BoothCounts) => c[booth] === 0);
    visitor.disconnect();
    expect(await none).toEqual({ [booth]: 0 });
  });

  test("signing out closes that session's sockets on every node; the same user's other session keeps its own", async () => {
    const here = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const there = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const tokenOf = async (s: typeof here) => (await s.agent.post("/api/realtime/token").set(s.csrf).send({}).expect(200)).body.token as string;
    // Both tokens first: a socket must be watched for "connect" from the moment it is created.
    const [hereToken, thereToken] = [await tokenOf(here), await tokenOf(there)];
    const leaving = socketClient(nodeB.url, hereToken);
    const staying = socketClient(nodeA.url, thereToken);
    cleanup.push(
      () => leaving.disconnect(),
      () => staying.disconnect(),
    );
    await Promise.all([connected(leaving), connected(staying)]);
    const closed = new Promise<string>((resolve) => leaving.once("disconnect", (reason) => resolve(reason)));
    await here.agent.post("/api/auth/logout").set(here.csrf).send({}).expect(204);
    // Closed by the server (through Redis, from the api), not by the client or the network.
    expect(await closed).toBe("io server disconnect");
    // The other session's socket still hears the user's notifications.
    const heard = nextEvent(staying, "notification", (n) => n.id === "after-sign-out");
    redisEventPublisher(t.redis, CHANNEL).notify([there.session.user.id], {
      id: "after-sign-out",
      kind: "meeting_booked",
      data: {},
      createdAt: new Date().toISOString(),
    });
    await expect(heard).resolves.toMatchObject({ id: "after-sign-out" });
    expect(staying.connected).toBe(true);
  });

  test("a socket token minted before sign-out is refused at once on every node, not when it expires", async () => {
    const s = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const token = (await s.agent.post("/api/realtime/token").set(s.csrf).send({}).expect(200)).body.token as string;
    await s.agent.post("/api/auth/logout").set(s.csrf).send({}).expect(204);
    for (const node of [nodeA, nodeB]) {
      const socket = socketClient(node.url, token);
      cleanup.push(() => socket.disconnect());
      await expect(connected(socket)).rejects.toThrow("unauthenticated");
    }
    // The same user's other session is not affected.
    const socket = await open(nodeA.url, "vendor");
    expect(socket.connected).toBe(true);
  });

  test("a socket whose session ended may join no room, even where the disconnect did not arrive", async () => {
    const s = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const token = (await s.agent.post("/api/realtime/token").set(s.csrf).send({}).expect(200)).body.token as string;
    const socket = socketClient(nodeB.url, token);
    cleanup.push(() => socket.disconnect());
    await connected(socket);
    const booth = await s.agent
      .post("/api/realtime/tickets")
      .set(s.csrf)
      .send({ room: `booth:${companyOf("domestic")}` })
      .expect(200);
    // The session is marked ended in Redis, as sign-out does, but this node's socket was not told to close.
    const { sid } = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sid: string };
    await t.redis.set(endedSessionKey(sid), "1", { expiration: { type: "EX", value: 60 } });
    expect(await emitAck(socket, "room:join", { ticket: booth.body.ticket })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect((await nodeB.server.io.in(`booth:${companyOf("domestic")}`).fetchSockets()).map((x) => x.data.user.sid)).not.toContain(sid);
  });

  test("deleting an account closes every socket of it, on every node (last: the interpreter is gone after)", async () => {
    const sessions = [await signIn(t.app, "interpreter@ketnoi.demo", DEMO_PASSWORD), await signIn(t.app, "interpreter@ketnoi.demo", DEMO_PASSWORD)];
    const sockets = await Promise.all(
      sessions.map(async (s, i) => {
        const token = (await s.agent.post("/api/realtime/token").set(s.csrf).send({}).expect(200)).body.token as string;
        const socket = socketClient(i ? nodeA.url : nodeB.url, token);
        cleanup.push(() => socket.disconnect());
        await connected(socket);
        return socket;
      }),
    );
    const closed = sockets.map((socket) => new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason))));
    await sessions[0]!.agent.post("/api/me/delete").set(sessions[0]!.csrf).send({ password: DEMO_PASSWORD }).expect(204);
    expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);
  });

  test("without Redis a single node serves on its own", async () => {
    const solo = await startRealtimeNode(undefined);
    cleanup.push(() => solo.server.close());
    const socket = socketClient(solo.url, await tokenFor("vendor"));
    cleanup.push(() => socket.disconnect());
    const visitors = nextEvent(socket, "hall:visitors");
    await connected(socket);
    expect((await visitors).count).toBe(1);
    expect((await fetch(`${solo.url}/healthz`)).status).toBe(200);
  });
});
