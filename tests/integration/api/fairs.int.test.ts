import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { generateDemoFair } from "../../../api/src/seed/demoFair";
import { useSeededApp, signIn } from "../../support/app";
import { DEMO_DAYS, fairDayPlus, fairIso } from "../../support/clock";

const [day1, day2] = DEMO_DAYS;
/** A wall-clock time in Hanoi on a day, as a client sends it. */
const local = (day: string, time: string) => `${day}T${time}:00+07:00`;

describe("fair set-up", () => {
  const t = useSeededApp("fairs");
  const { slug: _slug, ...setup } = generateDemoFair(DEMO_DAYS).fair;

  test("an organiser changes the slot length and the hours, and the slots follow", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const res = await agent
      .put("/api/fairs/cnht-hanoi-2026")
      .set(csrf)
      .send({ ...setup, slotMinutes: 20, dailyHours: { start: "09:00", end: "16:00" } })
      .expect(200);
    expect(res.body).toMatchObject({
      slotMinutes: 20,
      startsAt: fairIso(1, "09:00").replace(".000Z", "Z"),
      endsAt: fairIso(2, "16:00").replace(".000Z", "Z"),
    });
    const company = (await t.db.models.User.findOne({ email: "domestic@ketnoi.demo" }).lean())!.companyId;
    const slots = (await agent.get(`/api/companies/${company}/availability`).expect(200)).body.slots;
    expect(slots).toHaveLength(2 * (9 + 7)); // 09:00-12:00 and 13:30-16:00 in 20-minute steps (13:30-15:50)
    expect(slots[0].end).toBe(fairIso(1, "09:20"));
  });

  test("inconsistent set-ups are refused field by field, and nothing changes", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const before = await t.db.models.Fair.findOne().lean();
    const res = await agent
      .put("/api/fairs/cnht-hanoi-2026")
      .set({ ...csrf, "Accept-Language": "en" })
      .send({
        ...setup,
        timeZone: "Asia/Hanoi_Typo",
        days: [day2, day1],
        dailyHours: { start: "17:00", end: "08:30" },
        breaks: [{ start: "07:00", end: "07:30" }],
        tableZones: [{ from: 1, to: 500, sector: "sec.mech" }],
      })
      .expect(400);
    expect(res.body.error.fields).toEqual({
      timeZone: "Unknown time zone.",
      "days.1": "Days must be in order, each once.",
      "dailyHours.end": "The end must come after the start.",
      "breaks.0": "A break must fall within the fair's daily hours.",
      "tableZones.0.to": "The zone goes beyond the fair's number of tables.",
    });
    await agent
      .put("/api/fairs/cnht-hanoi-2026")
      .set(csrf)
      .send({ ...setup, slotMinutes: 5 })
      .expect(400);
    await agent
      .put("/api/fairs/cnht-hanoi-2026")
      .set(csrf)
      .send({ ...setup, venueRoom: "A" })
      .expect(400);
    expect(await t.db.models.Fair.findOne().lean()).toEqual(before);
  });

  test("organisers keep the interpreters: languages they bridge and fair days they work", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const created = await agent
      .post("/api/interpreters")
      .set(csrf)
      .send({ name: "Lý Thu Trang", languages: ["vi", "ko"], availableDays: [day1] })
      .expect(201);
    const list = (await agent.get("/api/interpreters").expect(200)).body.data;
    expect(list).toHaveLength(13);
    expect(list.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ languages: ["vi", "ko"], availableDays: [day1] });
    const bad = await agent
      .patch(`/api/interpreters/${created.body.id}`)
      .set({ ...csrf, "Accept-Language": "en" })
      .send({ availableDays: [fairDayPlus(22)], languages: ["vi"] })
      .expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["languages"]);
    const notDay = await agent
      .patch(`/api/interpreters/${created.body.id}`)
      .set({ ...csrf, "Accept-Language": "en" })
      .send({ availableDays: [fairDayPlus(22)] })
      .expect(400);
    expect(notDay.body.error.fields).toEqual({ "availableDays.0": "This is not a day of the fair." });
    await agent
      .patch(`/api/interpreters/${created.body.id}`)
      .set(csrf)
      .send({ availableDays: [day1, day2] })
      .expect(200);
    await agent.delete(`/api/interpreters/${created.body.id}`).set(csrf).expect(204);
    await agent.delete(`/api/interpreters/${created.body.id}`).set(csrf).expect(404);
  });

  test("organisers run the programme: sessions within fair days, capacity never below the registrations", async () => {
    const { agent, csrf } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const en = { ...csrf, "Accept-Language": "en" };
    const body = {
      kind: "presentation",
      title: { ja: "サーボプレスの最新技術", vi: "Công nghệ máy dập servo" },
      startsAt: local(day2, "09:00"),
      endsAt: local(day2, "10:00"),
      room: "Phòng hội thảo 2",
      speakers: ["Owari Servo Press Co., Ltd."],
      capacity: 1,
    };
    const created = await agent.post("/api/fair-sessions").set(csrf).send(body).expect(201);
    expect(created.body).toMatchObject({ startsAt: fairIso(2, "09:00"), capacity: 1 });
    const wrongDay = await agent
      .post("/api/fair-sessions")
      .set(en)
      .send({ ...body, startsAt: local(fairDayPlus(2), "09:00"), endsAt: local(fairDayPlus(2), "10:00") })
      .expect(400);
    expect(wrongDay.body.error.fields).toEqual({ startsAt: "This is not a day of the fair." });
    await agent
      .post("/api/fair-sessions")
      .set(en)
      .send({ ...body, endsAt: local(day2, "08:00") })
      .expect(400);

    const { agent: firm, csrf: firmCsrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    await firm.post(`/api/fair-sessions/${created.body.id}/registrations`).set(firmCsrf).send({}).expect(201);
    const { agent: vendor, csrf: vendorCsrf } = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const full = await vendor
      .post(`/api/fair-sessions/${created.body.id}/registrations`)
      .set({ ...vendorCsrf, "Accept-Language": "en" })
      .send({})
      .expect(409);
    expect(full.body.error.fields).toEqual({ session: "This session is full." });
    await agent.patch(`/api/fair-sessions/${created.body.id}`).set(csrf).send({ capacity: 2 }).expect(200);
    await vendor.post(`/api/fair-sessions/${created.body.id}/registrations`).set(vendorCsrf).send({}).expect(201);
    const shrink = await agent.patch(`/api/fair-sessions/${created.body.id}`).set(en).send({ capacity: 1 }).expect(409);
    expect(shrink.body.error.fields).toEqual({ capacity: "Capacity cannot be lower than the firms already registered." });

    await agent.delete(`/api/fair-sessions/${created.body.id}`).set(csrf).expect(204);
    expect(await t.db.models.SessionRegistration.countDocuments({ sessionId: created.body.id })).toBe(0);
    const programme = (await agent.get("/api/fairs/current").expect(200)).body.programme;
    expect(programme.map((s: { id: string }) => s.id)).not.toContain(created.body.id);
  });
});
