import { randomUUID } from "node:crypto";
import request from "supertest";
import type { CheckInAnswer, MeetingView } from "@ketnoi/contracts";
import { seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { buildTestApp, FIXED_NOW } from "../../support/app";
import { fairIso, fairTime } from "../../support/clock";
import { freshDatabase } from "../../support/stack";
import { buildFirm, buildMeeting, buildUser, signInAs } from "../../support/factories";
import type { UserRecord } from "../../../api/src/repositories/userRepository";
import { mismatches, type OpenApiDocument } from "../../support/openapiCheck";

type Db = Awaited<ReturnType<typeof freshDatabase>>;
type Session = Awaited<ReturnType<typeof signInAs>>;

// The check-in desk's queue (issue #23): scans made while the hall's Wi-Fi was down reach the api
// later, each with the time it was made. The api's clock is fixed (a day of the demo fair); the demo
// fair's first day has 30-minute slots from 08:30 ("d1s01" 08:30-09:00, "d1s02" 09:00-09:30, ...),
// and a meeting's window opens 15 minutes before its slot.
describe("the check-in desk's queued scans (POST /api/check-ins)", () => {
  const clock = { now: FIXED_NOW };
  let db: Db;
  let t: ReturnType<typeof buildTestApp>;
  let organisers: { a: UserRecord; b: UserRecord };
  let deskA: Session;
  let deskB: Session;
  const names = { a: "Trần Thị Bàn Một", b: "Lê Văn Bàn Hai" };

  beforeAll(async () => {
    db = await freshDatabase("checkinqueue");
    t = buildTestApp(db, { now: () => clock.now });
    await seedDemoFair(t.repos, FIXED_NOW);
    // Two organisers, each at a desk of their own.
    organisers = {
      a: await buildUser(t.repos, { role: "organiser", name: names.a, locale: "en" }),
      b: await buildUser(t.repos, { role: "organiser", name: names.b, locale: "en" }),
    };
  });
  afterAll(() => db.drop());
  afterEach(() => (clock.now = FIXED_NOW));

  /** A meeting booked (days ahead, by the api's clock) between two new firms that share English, and the code of its QR code. */
  async function booked(slot: string, mode: "onsite" | "online" = "onsite") {
    clock.now = FIXED_NOW;
    const domestic = await buildFirm(t);
    const vendor = await buildFirm(t, { company: { kind: "foreign" } });
    const meeting = await buildMeeting(domestic, { with: vendor.company.id, slot, mode });
    const code = (await db.models.Meeting.findById(meeting.id).lean())!.checkInCode;
    return { meeting, code, domestic };
  }
  /** The api's clock moves to the fair (days on): the desks sign in there, as their sessions would have been made. */
  async function atFair(day: 1 | 2, time: string) {
    clock.now = fairTime(day, time);
    [deskA, deskB] = await Promise.all([signInAs(t, organisers.a), signInAs(t, organisers.b)]);
  }
  const scan = (meetingId: string, code: string, scannedAt: string) => ({ scanId: randomUUID(), meetingId, code, scannedAt });
  const send = async (desk: Session, scans: ReturnType<typeof scan>[], lang = "en") => {
    const res = await desk.agent.post("/api/check-ins").set(desk.csrf).set("Accept-Language", lang).send({ scans });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body.answers as CheckInAnswer[];
  };
  const meetingNow = async (id: string) => (await deskA.agent.get(`/api/meetings/${id}`).expect(200)).body as MeetingView;
  const checkIns = async (id: string) => (await t.repos.meetings.history(id)).filter((e) => e.kind === "checked_in");

  test("a late scan inside the window is recorded as of its scan time, not when it arrived", async () => {
    const { meeting, code } = await booked("d1s03"); // 09:30-10:00, window from 09:15
    await atFair(1, "11:40");
    const s = scan(meeting.id, code, fairIso(1, "09:20"));
    const [answer] = await send(deskA, [s]);
    expect(answer).toMatchObject({ scanId: s.scanId, result: "recorded", checkedInAt: fairIso(1, "09:20") });
    expect(answer!.meeting).toMatchObject({ id: meeting.id, status: "held", checkedInAt: fairIso(1, "09:20") });
    expect(await meetingNow(meeting.id)).toMatchObject({ status: "held", checkedInAt: fairIso(1, "09:20") });
    // Its answer lost on the way, the desk sends the same scan again: the same answer, nothing recorded twice.
    expect((await send(deskA, [s]))[0]).toMatchObject({ result: "recorded", checkedInAt: fairIso(1, "09:20") });
    expect(await checkIns(meeting.id)).toHaveLength(1);
  });

  test("a scan made before the window opened is refused with when it opens (or opened), in the reader's zone and the fair's", async () => {
    const { meeting, code } = await booked("d1s04"); // 10:00-10:30, window from 09:45
    const early = scan(meeting.id, code, fairIso(1, "09:40"));
    // Sent while the window is still ahead: when to come back.
    await atFair(1, "09:42");
    expect((await send(deskA, [early]))[0]).toMatchObject({
      scanId: early.scanId,
      result: "refused",
      reason: "beforeWindow",
      message: expect.stringMatching(/^Check-in opens at 9:45\sAM, 15 minutes before the meeting\.$/),
      meeting: { id: meeting.id, status: "booked" },
    });
    // Sent after it opened: the scan was too early and is to be made again.
    await atFair(1, "11:00");
    const [late] = await send(deskA, [early]);
    expect(late).toMatchObject({ result: "refused", reason: "beforeWindow" });
    expect(late!.message).toMatch(/^Scanned at 9:40\sAM, before check-in opened at 9:45\sAM \(15 minutes before the meeting\): scan it again\.$/);
    const [inVietnamese] = await send(deskA, [early], "vi");
    expect(inVietnamese!.message).toBe("Quét lúc 9:40, trước khi mở nhận bàn lúc 9:45 (15 phút trước giờ gặp): hãy quét lại.");
    expect(await meetingNow(meeting.id)).toMatchObject({ status: "booked" });
    expect(await checkIns(meeting.id)).toHaveLength(0);
  });

  test("a scan made after the window closed, or ahead of the api's clock, is refused; a clock slightly ahead counts as now", async () => {
    const { meeting, code } = await booked("d1s01"); // 08:30-09:00, window from 08:15
    await atFair(1, "11:00");
    const [after] = await send(deskA, [scan(meeting.id, code, fairIso(1, "09:01"))]);
    expect(after).toMatchObject({ result: "refused", reason: "afterWindow" });
    expect(after!.message).toMatch(/^Scanned at 9:01\sAM, after the meeting ended at 9:00\sAM\.$/);

    await atFair(1, "08:40");
    const ahead = new Date(clock.now.getTime() + 3 * 60_000).toISOString();
    const [future] = await send(deskA, [scan(meeting.id, code, ahead)]);
    expect(future).toMatchObject({ result: "refused", reason: "inFuture" });
    expect(future!.message).toBe("This scan's time is ahead of the server's clock: check the device's date and time, then scan again.");
    expect(await meetingNow(meeting.id)).toMatchObject({ status: "booked" });

    const slightlyAhead = new Date(clock.now.getTime() + 60_000).toISOString();
    expect((await send(deskA, [scan(meeting.id, code, slightlyAhead)]))[0]).toMatchObject({ result: "recorded", checkedInAt: fairIso(1, "08:40") });
  });

  test("two desks' batches sent at once for one meeting record one check-in, as of the earlier scan; the other desk learns by whom", async () => {
    const { meeting, code } = await booked("d1s05"); // 10:30-11:00, window from 10:15
    await atFair(1, "12:00");
    const fromA = scan(meeting.id, code, fairIso(1, "10:20"));
    const fromB = scan(meeting.id, code, fairIso(1, "10:21"));
    const [[a], [b]] = await Promise.all([send(deskA, [fromA]), send(deskB, [fromB])]);
    const answers = [a!, b!];
    expect(answers.map((x) => x.result).sort()).toEqual(["alreadyRecorded", "recorded"]);
    // Whichever desk's batch won, the other is told who recorded it, and the meeting is held as of the first scan.
    const winner = a!.result === "recorded" ? names.a : names.b;
    expect(answers.find((x) => x.result === "alreadyRecorded")).toMatchObject({ checkedInBy: winner, checkedInAt: fairIso(1, "10:20") });
    expect(await meetingNow(meeting.id)).toMatchObject({ status: "held", checkedInAt: fairIso(1, "10:20") });
    expect(await checkIns(meeting.id)).toHaveLength(1);
  });

  test("however many batches arrive at once for a meeting, it is checked in once", async () => {
    const { meeting, code } = await booked("d2s03");
    await atFair(2, "09:40");
    const desks = [deskA, deskB, deskA, deskB, deskA, deskB];
    const sent = await Promise.all(desks.map((desk, i) => send(desk, [scan(meeting.id, code, fairIso(2, `09:3${i}`))])));
    const results = sent.map(([a]) => a!.result);
    expect(results.filter((r) => r === "recorded")).toHaveLength(1);
    expect(results.filter((r) => r === "alreadyRecorded")).toHaveLength(5);
    expect(await meetingNow(meeting.id)).toMatchObject({ status: "held", checkedInAt: fairIso(2, "09:30") });
    expect(await checkIns(meeting.id)).toHaveLength(1);
  });

  test("an earlier scan that arrives later moves the time the meeting is held as of, without a second check-in", async () => {
    const { meeting, code } = await booked("d1s06"); // 11:00-11:30, window from 10:45
    await atFair(1, "12:00");
    expect((await send(deskB, [scan(meeting.id, code, fairIso(1, "10:58"))]))[0]).toMatchObject({ result: "recorded" });
    const [later] = await send(deskA, [scan(meeting.id, code, fairIso(1, "10:50"))]);
    expect(later).toMatchObject({ result: "alreadyRecorded", checkedInBy: names.b, checkedInAt: fairIso(1, "10:50") });
    expect(await meetingNow(meeting.id)).toMatchObject({ status: "held", checkedInAt: fairIso(1, "10:50") });
    expect(await checkIns(meeting.id)).toHaveLength(1);
  });

  test("a batch mixing good and bad scans answers each, in order, with 200", async () => {
    const good = await booked("d1s08"); // 13:30-14:00 (after the lunch break), window from 13:15
    const cancelled = await booked("d1s09");
    await cancelled.domestic.agent.post(`/api/meetings/${cancelled.meeting.id}/cancel`).set(cancelled.domestic.csrf).send({}).expect(200);
    const online = await booked("d1s10", "online");
    await atFair(1, "13:40");
    const scans = [
      scan(good.meeting.id, good.code, fairIso(1, "13:20")),
      scan(good.meeting.id, "x".repeat(good.code.length), fairIso(1, "13:21")),
      scan("0123456789abcdef01234567", good.code, fairIso(1, "13:22")),
      scan(cancelled.meeting.id, cancelled.code, fairIso(1, "13:23")),
      scan(online.meeting.id, online.code, fairIso(1, "13:24")),
      scan(good.meeting.id, good.code, fairIso(1, "13:25")),
    ];
    const answers = await send(deskA, scans);
    expect(answers.map((a) => [a.scanId, a.result, a.reason ?? null, a.message ?? null])).toEqual([
      [scans[0]!.scanId, "recorded", null, null],
      [scans[1]!.scanId, "refused", "wrongCode", "This QR code is not this meeting's."],
      [scans[2]!.scanId, "refused", "notFound", "This QR code is for no meeting you can check in."],
      [scans[3]!.scanId, "refused", "cancelled", "This meeting was cancelled."],
      [scans[4]!.scanId, "refused", "notOnsite", "This meeting is held online."],
      [scans[5]!.scanId, "alreadyRecorded", null, null],
    ]);
    // The meeting named for the desk, except where the caller may not see one.
    expect(answers.map((a) => a.meeting?.id ?? null)).toEqual([
      good.meeting.id,
      good.meeting.id,
      null,
      cancelled.meeting.id,
      online.meeting.id,
      good.meeting.id,
    ]);
    expect(answers[5]).toMatchObject({ checkedInAt: fairIso(1, "13:20"), checkedInBy: names.a });
    // Exactly what the OpenAPI document declares for the answer.
    const doc = (await request(t.app).get("/api/openapi.json").expect(200)).body as OpenApiDocument;
    const schema = doc.paths["/api/check-ins"]!.post!.responses["200"]!.content!["application/json"]!.schema;
    expect(mismatches(doc, schema, { answers })).toEqual([]);
  });

  test("a scan sent at once follows the same rule: after the window it is refused, saying so", async () => {
    const { meeting, code } = await booked("d1s02"); // 09:00-09:30
    await atFair(1, "09:31");
    const res = await deskA.agent.post(`/api/meetings/${meeting.id}/check-in`).set(deskA.csrf).set("Accept-Language", "en").send({ code });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.meeting).toMatch(/^Scanned at 9:31\sAM, after the meeting ended at 9:30\sAM\.$/);
  });

  test("a batch of more than 200 scans, or a malformed one, is a 400 in the caller's language", async () => {
    const { meeting, code } = await booked("d1s11");
    await atFair(1, "13:00");
    const many = Array.from({ length: 201 }, () => scan(meeting.id, code, fairIso(1, "13:20")));
    const tooMany = await deskA.agent.post("/api/check-ins").set(deskA.csrf).set("Accept-Language", "ja").send({ scans: many }).expect(400);
    expect(tooMany.body.error).toMatchObject({ code: "validation_failed", message: "一部の項目が正しくありません。" });
    expect(tooMany.body.error.fields.scans).toMatch(/200/);
    expect(tooMany.body.error.fields.scans).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // written in Japanese
    const malformed = await deskA.agent
      .post("/api/check-ins")
      .set(deskA.csrf)
      .set("Accept-Language", "en")
      .send({ scans: [{ ...scan(meeting.id, code, "yesterday"), scanId: "not-a-uuid" }] })
      .expect(400);
    expect(Object.keys(malformed.body.error.fields).sort()).toEqual(["scans.0.scanId", "scans.0.scannedAt"]);
    expect(await checkIns(meeting.id)).toHaveLength(0);
  });
});
