import { createHash } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import request from "supertest";
import { createVideoRooms } from "../../api/src/services/livekit";
import { stack } from "../support/stack";
import { del, post, useLiveApp } from "../support/liveFixtures";

/** Decodes a JWT's claims (the api's own token: we only read it). */
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, any>;

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
  const webhook = (event: string, userId: string, metadata: object, roomName = room) =>
    JSON.stringify({
      event,
      id: `EV_test_${++seq}`,
      createdAt: String(Math.floor(Date.now() / 1000) + seq),
      room: { name: roomName },
      participant: { identity: userId, metadata: JSON.stringify(metadata) },
    });
  const send = (body: string, authorization?: string) => {
    const req = request(t.app).post("/api/livekit/webhook").set("Content-Type", "application/webhook+json");
    return (authorization ? req.set("Authorization", authorization) : req).send(body);
  };

  beforeAll(async () => {
    meeting = (await post(t.as.domestic, "/api/meetings", { with: t.vendorCompany, slot: "d1s08", mode: "online" }).expect(201)).body;
    room = (await t.db.models.Meeting.findById(meeting.id).lean())!.onlineRoom!;
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
    const other = (await t.db.models.Company.findOne({ kind: "foreign", listed: true, status: { $ne: "pending" }, _id: { $ne: t.vendorCompany } }).lean())!;
    const onsite = (await post(t.as.domestic, "/api/meetings", { with: other._id.toHexString(), slot: "d1s09", mode: "onsite" }).expect(201)).body;
    const res = await post(t.as.domestic, `/api/meetings/${onsite.id}/video-token`).expect(409);
    expect(res.body.error.fields).toEqual({ meeting: expect.any(String) });
  });

  test("unsigned, tampered and wrongly signed webhooks are refused and change nothing", async () => {
    const body = webhook("participant_joined", t.as.domestic.session.user.id, { access: "party", meetingId: meeting.id, companyId: t.domesticCompany });
    await send(body).expect(401);
    const signature = await signedWebhook(body);
    await send(body.replace("participant_joined", "participant_left"), signature).expect(401);
    await send(body, await signedWebhook(body, "x".repeat(40))).expect(401);
    await send(body, "Bearer nonsense").expect(401);
    expect(await t.db.models.VideoAttendance.countDocuments()).toBe(0);
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
    const live = t.published.filter((p) => p.room === `meeting:${meeting.id}` && p.event === "meeting:live").map((p) => (p.payload as { state: string }).state);
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
    const body = webhook("participant_joined", t.as.vendor.session.user.id, { access: "party", meetingId: meeting.id, companyId: t.vendorCompany }, "some-other-room");
    await send(body, await signedWebhook(body)).expect(204);
    expect(await t.db.models.VideoAttendance.countDocuments()).toBe(before);
    expect(del).toBeDefined();
  });
});

describe("video: online no-shows", () => {
  const t = useLiveApp("videonoshow");
  test("an online meeting over without both parties in the room is a no-show, naming who never came", async () => {
    const { createMeetingContext } = await import("../../api/src/http/app");
    const { closeUnattendedOnlineMeetings } = await import("../../api/src/commands/live/videoNoShow");
    const { silentLogger } = await import("../support/stack");
    const m = (await post(t.as.domestic, "/api/meetings", { with: t.vendorCompany, slot: "d1s08", mode: "online" }).expect(201)).body as { id: string; end: string };
    const record = (await t.repos.meetings.findById(m.id))!;
    await t.repos.videoAttendance.record({ id: "EV_ns_1", meetingId: m.id, room: record.onlineRoom!, userId: t.as.domestic.session.user.id, access: "party", companyId: t.domesticCompany, kind: "joined", at: record.startsAt! });
    const during = createMeetingContext(t.repos, silentLogger(), "http://localhost:8080", { now: () => record.startsAt! });
    expect(await closeUnattendedOnlineMeetings(during)).toBe(0);
    const after = createMeetingContext(t.repos, silentLogger(), "http://localhost:8080", { now: () => new Date(record.endsAt!.getTime() + 20 * 60_000) });
    expect(await closeUnattendedOnlineMeetings(after)).toBe(1);
    expect(await t.repos.meetings.findById(m.id)).toMatchObject({ status: "no_show", absent: [t.vendorCompany] });
  });
});
