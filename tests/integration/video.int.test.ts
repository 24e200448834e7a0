import { createHash } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import request from "supertest";
import { createVideoRooms } from "../../api/src/services/livekit";
import { stack } from "../support/stack";
import { del, post, useLiveApp } from "../support/liveFixtures";

/** The claims of a LiveKit participant token that these tests read. */
interface VideoClaims {
  exp: number;
  nbf: number;
  metadata: string;
  video: Record<string, unknown>;
}

/** Decodes a JWT's claims (the api's own token: we only read it). */
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as VideoClaims;

/** A webhook as the LiveKit server signs it: a JWT by the API key carrying the body's SHA-256. */
async function signedWebhook(body: string, secret = stack.livekit().apiSecret, key = stack.livekit().apiKey) {
  const token = new AccessToken(key, secret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

describe("video: LiveKit tokens after policy checks, webhooks recording attendance", () => {
  const t = useLiveApp("video");
  let meeting: { id: string };
  let room = "";
  let seq = 0;
  /** When LiveKit says the events happen: by default a minute into the meeting, a second apart. */
  let eventsFrom = 0;
  const webhook = (event: string, userId: string, metadata: object, roomName = room, at = eventsFrom + ++seq * 1000) =>
    JSON.stringify({
      event,
      id: `EV_test_${++seq}`,
      createdAt: String(Math.floor(at / 1000)),
      room: { name: roomName },
      participant: { identity: userId, metadata: JSON.stringify(metadata) },
    });
  const send = (body: string, authorization?: string) => {
    const req = request(t.app).post("/api/livekit/webhook").set("Content-Type", "application/webhook+json");
    return (authorization ? req.set("Authorization", authorization) : req).send(body);
  };

  beforeAll(async () => {
    meeting = (await post(t.as.domestic, "/api/meetings", { with: t.vendorCompany, slot: "d1s08", mode: "online" }).expect(201)).body;
    const stored = (await t.db.models.Meeting.findById(meeting.id).lean())!;
    room = stored.onlineRoom!;
    eventsFrom = stored.startsAt!.getTime() + 60_000;
  });

  test("the parties and organisers get a token for exactly that room, short-lived; a third user is refused", async () => {
    expect(room).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    for (const role of ["domestic", "vendor", "organiser"] as const) {
      const view = (await post(t.as[role], `/api/meetings/${meeting.id}/video-token`).expect(200)).body;
      expect(view).toMatchObject({ roomName: room, identity: t.as[role].session.user.id, canPublish: true });
      expect(view.serverUrl).toMatch(/^wss?:\/\//);
      const claims = claimsOf(view.participantToken);
      expect(claims.video).toMatchObject({ room, roomJoin: true });
      expect(claims.exp - claims.nbf).toBeLessThanOrEqual(600);
      expect(JSON.parse(claims.metadata)).toMatchObject({ access: role === "organiser" ? "organiser" : "party", meetingId: meeting.id });
    }
    // The interpreter is not assigned to this meeting: as if it did not exist.
    await post(t.as.interpreter, `/api/meetings/${meeting.id}/video-token`).expect(404);
    await request(t.app).post(`/api/meetings/${meeting.id}/video-token`).send({}).expect(401);
    // The room was created through LiveKit's server API.
    expect(await createVideoRooms(stack.livekit()).listRoomNames()).toContain(room);
  });

  test("an assigned interpreter is admitted and marked as the interpreter", async () => {
    const interpreter = await t.repos.interpreters.findByUserId(t.as.interpreter.session.user.id);
    const current = (await t.repos.meetings.findById(meeting.id))!;
    await t.repos.meetings.change(current, "interpreter_assigned", undefined, { set: { interpreterId: interpreter!.id } });
    const view = (await post(t.as.interpreter, `/api/meetings/${meeting.id}/video-token`).expect(200)).body;
    expect(JSON.parse(claimsOf(view.participantToken).metadata)).toMatchObject({ access: "interpreter" });
  });

  test("an onsite meeting has no video room", async () => {
    const other = (await t.db.models.Company.findOne({
      kind: "foreign",
      listed: true,
      status: { $ne: "pending" },
      _id: { $ne: t.vendorCompany },
    }).lean())!;
    const onsite = (await post(t.as.domestic, "/api/meetings", { with: other._id.toHexString(), slot: "d1s09", mode: "onsite" }).expect(201)).body;
    const res = await post(t.as.domestic, `/api/meetings/${onsite.id}/video-token`).expect(409);
    expect(res.body.error.fields).toEqual({ meeting: expect.any(String) });
  });

  test("unsigned, tampered and wrongly signed webhooks are refused and change nothing", async () => {
    const body = webhook("participant_joined", t.as.domestic.session.user.id, {
      access: "party",
      meetingId: meeting.id,
      companyId: t.domesticCompany,
    });
    await send(body).expect(401);
    const signature = await signedWebhook(body);
    await send(body.replace("participant_joined", "participant_left"), signature).expect(401);
    await send(body, await signedWebhook(body, "x".repeat(40))).expect(401);
    await send(body, "Bearer nonsense").expect(401);
    expect(await t.db.models.VideoAttendance.countDocuments()).toBe(0);
  });

  test("a test call days before the meeting records the joins but leaves the meeting booked", async () => {
    const party = (companyId: string) => ({ access: "party", meetingId: meeting.id, companyId });
    const deliver = async (body: string) => send(body, await signedWebhook(body)).expect(204);
    const start = (await t.repos.meetings.findById(meeting.id))!.startsAt!.getTime();
    const early = start - 4 * 24 * 3600_000;
    const domestic = t.as.domestic.session.user.id;
    const vendor = t.as.vendor.session.user.id;
    await deliver(webhook("participant_joined", domestic, party(t.domesticCompany), room, early));
    await deliver(webhook("participant_joined", vendor, party(t.vendorCompany), room, early + 1000));
    expect((await t.repos.meetings.findById(meeting.id))!.status).toBe("booked");
    expect(t.published.at(-1)).toMatchObject({ event: "meeting:live", payload: { state: "test_call", status: "booked" } });
    // Still together 16 minutes before the start: outside the window (15 minutes), still a test call.
    await deliver(webhook("participant_left", vendor, party(t.vendorCompany), room, start - 16 * 60_000));
    await deliver(webhook("participant_joined", vendor, party(t.vendorCompany), room, start - 16 * 60_000 + 1000));
    expect((await t.repos.meetings.findById(meeting.id))!.status).toBe("booked");
    await deliver(webhook("participant_left", domestic, party(t.domesticCompany), room, start - 16 * 60_000 + 2000));
    await deliver(webhook("participant_left", vendor, party(t.vendorCompany), room, start - 16 * 60_000 + 3000));
    expect((await t.repos.meetings.history(meeting.id)).map((h) => h.kind)).not.toContain("video_held");
    await t.db.models.VideoAttendance.deleteMany({ meetingId: meeting.id });
    t.published.length = 0;
  });

  test("signed webhooks record joins and leaves; both parties in the room together make the meeting held", async () => {
    const domestic = t.as.domestic.session.user.id;
    const vendor = t.as.vendor.session.user.id;
    const party = (companyId: string) => ({ access: "party", meetingId: meeting.id, companyId });
    const deliver = async (body: string) => send(body, await signedWebhook(body)).expect(204);

    await deliver(webhook("participant_joined", domestic, party(t.domesticCompany)));
    await deliver(webhook("participant_left", domestic, party(t.domesticCompany)));
    const joinedAlone = webhook("participant_joined", vendor, party(t.vendorCompany));
    await deliver(joinedAlone);
    expect((await t.repos.meetings.findById(meeting.id))!.status).toBe("booked"); // never together yet
    const interpreterJoined = webhook("participant_joined", t.as.interpreter.session.user.id, { access: "interpreter", meetingId: meeting.id });
    await deliver(interpreterJoined);
    const live = t.published
      .filter((p) => p.room === `meeting:${meeting.id}` && p.event === "meeting:live")
      .map((p) => (p.payload as { state: string }).state);
    expect(live).toEqual(["waiting", "ended", "waiting", "interpreter_joined"]);

    await deliver(webhook("participant_joined", domestic, party(t.domesticCompany)));
    const held = (await t.repos.meetings.findById(meeting.id))!;
    expect(held.status).toBe("held");
    expect((await t.repos.meetings.history(meeting.id)).map((h) => h.kind)).toContain("video_held");
    expect(t.published.at(-1)).toMatchObject({ event: "meeting:live", payload: { state: "started", status: "held" } });
    // Both sides are told (stored, so a reconnecting client reads it), and the room's state can be read back.
    expect((await t.repos.notifications.listForUser(vendor, 10)).map((n) => n.kind)).toContain("meeting_held");
    const now = (await t.as.interpreter.agent.get(`/api/meetings/${meeting.id}/live`).expect(200)).body;
    expect(now).toMatchObject({ meetingId: meeting.id, state: "started", status: "held" });
    expect(now.present).toHaveLength(3);

    // A redelivered webhook is recorded once; attendance has each one's time in the room.
    await deliver(joinedAlone);
    const attendance = (await t.as.organiser.agent.get(`/api/meetings/${meeting.id}/attendance`).expect(200)).body;
    expect(attendance.participants).toHaveLength(3);
    expect(attendance.participants.find((p: { userId: string }) => p.userId === domestic)).toMatchObject({ joins: 2, present: true });
    await t.as.interpreter.agent.get(`/api/meetings/${meeting.id}/attendance`).expect(403);
    // Parties may rejoin a held meeting's room.
    await post(t.as.vendor, `/api/meetings/${meeting.id}/video-token`).expect(200);
  });

  test("webhooks for rooms that are not the meeting's are ignored", async () => {
    const before = await t.db.models.VideoAttendance.countDocuments();
    const body = webhook(
      "participant_joined",
      t.as.vendor.session.user.id,
      { access: "party", meetingId: meeting.id, companyId: t.vendorCompany },
      "some-other-room",
    );
    await send(body, await signedWebhook(body)).expect(204);
    expect(await t.db.models.VideoAttendance.countDocuments()).toBe(before);
    expect(del).toBeDefined();
  });
});

describe("video: online meetings settled by presence inside their window", () => {
  const t = useLiveApp("videonoshow");
  const contextAt = async (at: Date) => {
    const { createMeetingContext } = await import("../../api/src/composition");
    const { silentLogger } = await import("../support/stack");
    return createMeetingContext(t.repos, silentLogger(), "http://localhost:8080", { now: () => at });
  };
  const book = async (slot: string) => {
    const m = (await post(t.as.domestic, "/api/meetings", { with: t.vendorCompany, slot, mode: "online" }).expect(201)).body as { id: string };
    return (await t.repos.meetings.findById(m.id))!;
  };
  const joined = (record: { id: string; onlineRoom?: string | null }, who: "domestic" | "vendor", at: Date, kind: "joined" | "left" = "joined") =>
    t.repos.videoAttendance.record({
      id: `EV_${record.id}_${who}_${kind}_${at.getTime()}`,
      meetingId: record.id,
      room: record.onlineRoom!,
      userId: t.as[who].session.user.id,
      access: "party",
      companyId: who === "domestic" ? t.domesticCompany : t.vendorCompany,
      kind,
      at,
    });
  const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

  test("an online meeting over without both parties in the room is a no-show, naming who never came; a test call days before does not count", async () => {
    const { settleOnlineMeetings } = await import("../../api/src/commands/live/onlineAttendance");
    const record = await book("d1s08");
    // The vendor tried the room two days before and left; only the firm came on the day.
    await joined(record, "vendor", minutes(record.startsAt!, -2 * 24 * 60));
    await joined(record, "vendor", minutes(record.startsAt!, -2 * 24 * 60 + 5), "left");
    await joined(record, "domestic", record.startsAt!);
    expect(await settleOnlineMeetings(await contextAt(record.startsAt!))).toEqual({ held: 0, noShows: 0 });
    expect(await settleOnlineMeetings(await contextAt(minutes(record.endsAt!, 20)))).toEqual({ held: 0, noShows: 1 });
    expect(await t.repos.meetings.findById(record.id)).toMatchObject({ status: "no_show", absent: [t.vendorCompany] });
  });

  test("parties who joined before the window and stayed on into it hold the meeting once the window opens", async () => {
    const { settleOnlineMeetings } = await import("../../api/src/commands/live/onlineAttendance");
    const record = await book("d1s10"); // the pair is free again: a no-show ends its one live meeting
    const at = minutes(record.startsAt!, -20);
    await joined(record, "domestic", at);
    await joined(record, "vendor", minutes(at, 1));
    // Twenty minutes before: a test call, nothing happens.
    expect(await settleOnlineMeetings(await contextAt(minutes(record.startsAt!, -18)))).toEqual({ held: 0, noShows: 0 });
    expect((await t.repos.meetings.findById(record.id))!.status).toBe("booked");
    // The window opens with both still in the room: held.
    expect(await settleOnlineMeetings(await contextAt(minutes(record.startsAt!, -14)))).toEqual({ held: 1, noShows: 0 });
    expect(await t.repos.meetings.findById(record.id)).toMatchObject({ status: "held" });
  });
});
