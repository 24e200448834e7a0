import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { useSeededApp, signIn } from "../../support/app";
import { registerFirm } from "../../support/registration";
import { DEMO_DAYS, fairIso, fairTime } from "../../support/clock";
import { DateTime } from "luxon";

describe("availability and fair-session registration", () => {
  const t = useSeededApp("availability");

  test("a registered seminar and blocked slots make the firm unavailable then; remote vendors keep their own hours", async () => {
    const { agent, session, csrf } = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const seminar = await t.db.models.FairSession.findOne({ kind: "seminar", "room.vi": "Phòng hội thảo 1" }).sort({ startsAt: 1 }).lean(); // 09:30-11:00 day 1
    await agent.post(`/api/fair-sessions/${seminar!._id}/registrations`).set(csrf).send({}).expect(201);
    await agent.post(`/api/fair-sessions/${seminar!._id}/registrations`).set(csrf).send({}).expect(200);
    // A slot is named by its start (its id); its label ("d2s01") is still accepted: both name one block.
    await agent
      .put(`/api/companies/${session.user.companyId}/availability`)
      .set(csrf)
      .send({ blocked: [fairIso(2, "08:30"), "d2s01"] })
      .expect(204);
    const bad = await agent
      .put(`/api/companies/${session.user.companyId}/availability`)
      .set({ ...csrf, "Accept-Language": "en" })
      .send({ blocked: ["d9s99", fairIso(2, "08:40")] })
      .expect(400);
    expect(bad.body.error.fields).toEqual({
      "blocked.0": "This slot is not in the fair's schedule.",
      "blocked.1": "This slot is not in the fair's schedule.",
    });

    const view = (await agent.get(`/api/companies/${session.user.companyId}/availability`).expect(200)).body;
    const off = view.slots.filter((s: { available: boolean }) => !s.available).map((s: { id: string; reason: string }) => `${s.id}:${s.reason}`);
    expect(off).toEqual([
      `${fairIso(1, "09:30")}:session`,
      `${fairIso(1, "10:00")}:session`,
      `${fairIso(1, "10:30")}:session`,
      `${fairIso(2, "08:30")}:blocked`,
    ]);
    expect(view.slots).toHaveLength(28);
    expect(view.slots[0]).toMatchObject({ id: fairIso(1, "08:30"), start: fairIso(1, "08:30"), available: true });

    await agent.delete(`/api/fair-sessions/${seminar!._id}/registrations`).set(csrf).expect(204);
    const after = (await agent.get(`/api/companies/${session.user.companyId}/availability`).expect(200)).body;
    expect(after.slots.filter((s: { available: boolean }) => !s.available)).toHaveLength(1);

    // A remote vendor in Berlin can meet only in the Hanoi afternoon: from 14:00 while Berlin keeps
    // winter time (UTC+1, 08:00 there), from 13:30 in its summer time (UTC+2).
    const vendor = await t.db.models.Company.findOne({ country: "DE" }).lean();
    await t.db.models.Company.updateOne({ _id: vendor!._id }, { $set: { participation: "remote" } });
    const { agent: organiser } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const berlin = (await organiser.get(`/api/companies/${vendor!._id}/availability`).expect(200)).body;
    expect(berlin.timeZone).toBe("Europe/Berlin");
    const dayOne = (s: { id: string }) => s.id < fairIso(2, "00:00");
    expect(berlin.slots.filter((s: { available: boolean; id: string }) => s.available && dayOne(s)).map((s: { id: string }) => s.id)).toEqual([
      ...(DateTime.fromISO(DEMO_DAYS[0], { zone: "Europe/Berlin" }).isInDST ? [fairIso(1, "13:30")] : []),
      ...["14:00", "14:30", "15:00", "15:30", "16:00", "16:30"].map((at) => fairIso(1, at)),
    ]);
  });

  test("a session's capacity holds when many firms register at once", async () => {
    const fair = await t.db.models.Fair.findOne().lean();
    const session = await t.repos.fairSessions.create({
      fairId: fair!._id.toHexString(),
      key: "test:small-workshop",
      kind: "presentation",
      title: { en: "A workshop for two" },
      startsAt: fairTime(2, "15:00"),
      endsAt: fairTime(2, "16:00"),
      room: { vi: "Phòng nhỏ" },
      speakers: [],
      capacity: 2,
    });
    const agents = [];
    for (let i = 0; i < 5; i++) {
      const { agent, csrf } = await registerFirm(t.app, t.repos, {
        email: `seat${i}@example.vn`,
        password: "a long enough password",
        name: `Người ${i}`,
        role: "vendor",
        company: { legalName: `Seat Taker ${i} Co.`, country: "KR" },
        consents: { personalData: true },
      });
      agents.push({ agent, csrf });
    }
    const statuses = await Promise.all(
      agents.map(({ agent, csrf }) =>
        agent
          .post(`/api/fair-sessions/${session.id}/registrations`)
          .set(csrf)
          .send({})
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    expect(await t.db.models.SessionRegistration.countDocuments({ sessionId: session.id })).toBe(2);
    expect((await t.db.models.SessionRegistration.find({ sessionId: session.id }).lean()).map((r) => r.seat).sort()).toEqual([
      `${session.id}#1`,
      `${session.id}#2`,
    ]);
  });
});
