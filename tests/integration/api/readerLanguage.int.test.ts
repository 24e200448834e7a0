import request from "supertest";
import { FairSummarySchema, MeetingViewSchema, RecommendationViewSchema, type FairSessionView } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { signIn, useSeededApp } from "../../support/app";
import { fairIso } from "../../support/clock";

// Content left in one language (issue #18): rooms were one Vietnamese string; Vietnamese readers saw
// Hanoi firms by their English names. One fallback order per reader (pickText, companyName).
describe("content in the reader's language", () => {
  const t = useSeededApp("reader-language");
  const programme = async (lang: string) =>
    FairSummarySchema.parse((await request(t.app).get("/api/fairs/current").set("Accept-Language", lang).expect(200)).body).programme;

  describe("programme rooms", () => {
    test("the demo's rooms are named in all five languages", async () => {
      const opening = (await programme("vi")).find((s) => s.title.en === "Opening ceremony")!;
      expect(opening.room).toEqual({ vi: "Hội trường A", en: "Hall A", ja: "ホールA", ko: "A홀", "zh-Hant": "A廳" });
      const sessions = await programme("vi");
      expect(sessions.length).toBeGreaterThan(1);
      expect(sessions.every((s) => ["vi", "en", "ja", "ko", "zh-Hant"].every((l) => s.room[l as keyof typeof s.room]))).toBe(true);
    });

    test("organisers name a room per language, or as one string, kept as the text in their own language", async () => {
      const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
      const body = {
        kind: "seminar",
        title: { en: "Rooms in every language" },
        startsAt: fairIso(2, "14:00"),
        endsAt: fairIso(2, "15:00"),
        capacity: 30,
      };
      const named = await agent
        .post("/api/fair-sessions")
        .set(csrf)
        .send({ ...body, room: { vi: "Phòng B2", ja: "B2室" } })
        .expect(201);
      expect(named.body.room).toEqual({ vi: "Phòng B2", ja: "B2室" });
      const plain = await agent
        .post("/api/fair-sessions")
        .set({ ...csrf, "Accept-Language": "ja" })
        .send({ ...body, room: "第3会議室" })
        .expect(201);
      expect(plain.body.room).toEqual({ ja: "第3会議室" });
      const renamed = await agent
        .patch(`/api/fair-sessions/${plain.body.id}`)
        .set({ ...csrf, "Accept-Language": "en" })
        .send({ room: "Room 3" })
        .expect(200);
      expect(renamed.body.room).toEqual({ en: "Room 3" });
      const patched = await agent
        .patch(`/api/fair-sessions/${plain.body.id}`)
        .set(csrf)
        .send({ room: { vi: "Phòng 3", en: "Room 3" } })
        .expect(200);
      expect(patched.body.room).toEqual({ vi: "Phòng 3", en: "Room 3" });

      const empty = await agent
        .post("/api/fair-sessions")
        .set({ ...csrf, "Accept-Language": "en" })
        .send({ ...body, room: {} })
        .expect(400);
      expect(Object.keys(empty.body.error.fields).some((f) => f.startsWith("room"))).toBe(true);
      await agent
        .post("/api/fair-sessions")
        .set(csrf)
        .send({ ...body, room: { ja: "x".repeat(81) } })
        .expect(400);
      await agent
        .post("/api/fair-sessions")
        .set(csrf)
        .send({ ...body, room: { fr: "Salle 3" } })
        .expect(400);
    });

    test("a room stored as one string before rooms were localisable reads as Vietnamese", async () => {
      const fair = await t.db.models.Fair.findOne().lean();
      await t.db.models.FairSession.collection.insertOne({
        fairId: fair!._id,
        key: "test:legacy-room",
        kind: "seminar",
        title: { vi: "Phiên cũ" },
        startsAt: new Date(fairIso(2, "16:00")),
        endsAt: new Date(fairIso(2, "16:30")),
        room: "Phòng cũ",
        speakers: [],
        capacity: 10,
      });
      const legacy = (await programme("en")).find((s: FairSessionView) => s.title.vi === "Phiên cũ")!;
      expect(legacy.room).toEqual({ vi: "Phòng cũ" });
    });
  });

  describe("firms' names", () => {
    let hanoi: { id: string; legalName: string; englishName: string };
    let tokyo: { id: string; legalName: string; englishName: string };
    let meetingId: string;

    beforeAll(async () => {
      const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
      const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
      const ids = [domestic.session.user.companyId!, vendor.session.user.companyId!];
      await t.db.models.Company.updateMany({ _id: { $in: ids } }, { $set: { listed: true, participation: "onsite" } });
      // The Japanese vendor's legal name in Japanese, as a real one is registered.
      await t.db.models.Company.updateOne({ _id: ids[1] }, { $set: { legalName: "株式会社関西精機", englishName: "Kansai Seiki Co., Ltd." } });
      const [h, k] = await Promise.all(ids.map((id) => t.db.models.Company.findById(id).lean()));
      hanoi = { id: ids[0]!, legalName: h!.legalName, englishName: h!.englishName! };
      tokyo = { id: ids[1]!, legalName: k!.legalName, englishName: k!.englishName! };
      expect(hanoi.legalName).not.toBe(hanoi.englishName);
      // The vendor's user is its Hanoi office's Vietnamese staffer; the Hanoi firm's, a Japanese speaker.
      await t.db.models.User.updateOne({ email: "vendor@ketnoi.demo" }, { $set: { locale: "vi" } });
      await t.db.models.User.updateOne({ email: "domestic@ketnoi.demo" }, { $set: { locale: "ja" } });
      await t.repos.revisions.bump("sessions"); // (written past the repositories: the api keeps users with their sessions, so it is told as they tell it)
      meetingId = (await domestic.agent.post("/api/meetings").set(domestic.csrf).send({ with: tokyo.id, slot: "d1s09" }).expect(201)).body.id;
    });

    test("a Vietnamese organiser sees a Hanoi firm's Vietnamese legal name; a foreign reader its English name", async () => {
      const { agent } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
      const as = async (lang: string) =>
        MeetingViewSchema.parse((await agent.get(`/api/meetings/${meetingId}`).set("Accept-Language", lang).expect(200)).body);
      expect((await as("vi")).requester.name).toBe(hanoi.legalName);
      expect((await as("vi")).recipient.name).toBe(tokyo.englishName);
      expect((await as("en")).requester.name).toBe(hanoi.englishName);
      expect((await as("ja")).requester.name).toBe(hanoi.englishName);
      expect((await as("ja")).recipient.name).toBe(tokyo.legalName);
      const list = MeetingViewSchema.array().parse((await agent.get("/api/meetings").set("Accept-Language", "vi").expect(200)).body);
      expect(list.find((m) => m.id === meetingId)!.requester.name).toBe(hanoi.legalName);
    });

    test("each one told of the meeting reads the other firm's name for their language, in the app, the mail and the calendar", async () => {
      // iCalendar folds long lines and escapes commas.
      const ics = async (who: string) =>
        (await (await signIn(t.app, who, DEMO_PASSWORD)).agent.get("/api/me/agenda.ics").expect(200)).text
          .replace(/\r\n[ \t]/g, "")
          .replace(/\\,/g, ",");
      // The vendor's Vietnamese reader: the Hanoi firm by its Vietnamese legal name.
      const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
      const notes = (await vendor.agent.get("/api/me/notifications").expect(200)).body as { meetingId?: string; data: { counterpart?: string } }[];
      expect(notes.find((n) => n.meetingId === meetingId)!.data.counterpart).toBe(hanoi.legalName);
      const mail = (await t.repos.outbox.listTo("vendor@ketnoi.demo")).find((m) => m.text.includes(`/meetings/${meetingId}`))!;
      expect(mail.subject).toContain(hanoi.legalName);
      expect(await ics("vendor@ketnoi.demo")).toContain(hanoi.legalName);
      // The Hanoi firm's Japanese reader: the Japanese firm by its Japanese legal name.
      const mine = await ics("domestic@ketnoi.demo");
      expect(mine).toContain(tokyo.legalName);
      expect(mine).not.toContain(tokyo.englishName);
    });

    test("proposals name firms for their reader", async () => {
      const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
      const recs = async (lang: string) =>
        RecommendationViewSchema.array().parse((await vendor.agent.get("/api/recommendations?k=20").set("Accept-Language", lang).expect(200)).body);
      const [vi, ja] = [await recs("vi"), await recs("ja")];
      const firm = vi.find((r) => r.company.kind === "domestic")!;
      const stored = (await t.db.models.Company.findById(firm.company.id).lean())!;
      expect(stored.englishName).toBeDefined();
      expect(firm.company.name).toBe(stored.legalName);
      expect(ja.find((r) => r.company.id === firm.company.id)!.company.name).toBe(stored.englishName);
    });
  });
});
