import { Types } from "mongoose";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { demoFairSetup } from "../../../api/src/seed/data/programme";
import { migrateSlotIdentity } from "../../../api/src/commands/meetings/migrateSlotIdentity";
import { signIn, useSeededApp } from "../../support/app";
import { buildFirm } from "../../support/factories";
import { DEMO_DAYS, fairIso, fairTime } from "../../support/clock";

/**
 * A database from before slots were named by their start: firms' blocked slots held slot ids
 * ("d1s02"), an online meeting's room number was only in its reservation key. The api's start (and
 * the seed) bring it over once; until then nothing fails on the old form.
 */
describe("bringing stored slot ids and room numbers over to starts", () => {
  const t = useSeededApp("slotmigration");

  test("blocked slot ids become starts, an online meeting gets its room number, and a second run changes nothing", async () => {
    const firm = await buildFirm({ app: t.app, repos: t.repos }, { company: { languages: ["vi", "en"] } });
    const other = await buildFirm({ app: t.app, repos: t.repos }, { company: { languages: ["vi", "en"] } });
    const online = (
      await firm.agent
        .post("/api/meetings")
        .set(firm.csrf)
        .send({ with: other.company.id, slot: fairIso(1, "14:00"), mode: "online" })
        .expect(201)
    ).body;
    // As an older api stored them (written past Mongoose, which would refuse the old form now).
    await t.db.models.Company.collection.updateOne(
      { _id: new Types.ObjectId(firm.company.id) },
      { $set: { blockedSlots: ["d1s02", "d2s14", "d9s99"] } },
    );
    await t.db.models.Meeting.collection.updateOne({ _id: new Types.ObjectId(online.id) }, { $unset: { roomNumber: 1 } });
    const roomKey = (await t.db.models.Meeting.findById(online.id).lean())!.reservationKeys.find((k) => k.startsWith("r:"))!;

    // Before the migration the old form is skipped, not a failure.
    const beforeView = (await firm.agent.get(`/api/companies/${firm.company.id}/availability`).expect(200)).body.slots as {
      id: string;
      reason?: string;
    }[];
    expect(beforeView.filter((s) => s.reason === "blocked")).toEqual([]);

    const first = await migrateSlotIdentity(t.repos);
    expect(first.companies).toBe(1);
    expect(first.meetings).toBe(1);
    // d9s99 is no slot of the fair: dropped, as a block on a slot that went always was.
    expect((await t.repos.companies.findById(firm.company.id))!.blockedSlots).toEqual([fairTime(1, "09:00"), fairTime(2, "16:30")]);
    expect((await t.repos.meetings.findById(online.id))!.roomNumber).toBe(Number(roomKey.slice(roomKey.lastIndexOf(":") + 1)));
    const view = (await firm.agent.get(`/api/companies/${firm.company.id}/availability`).expect(200)).body.slots as { id: string; reason?: string }[];
    expect(view.filter((s) => s.reason === "blocked").map((s) => s.id)).toEqual([fairIso(1, "09:00"), fairIso(2, "16:30")]);

    expect(await migrateSlotIdentity(t.repos)).toEqual({ companies: 0, meetings: 0 });

    // The room number is what tells a fair change whether the meeting still fits: an unchanged set-up moves nothing.
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const { slug: _slug, ...setup } = demoFairSetup(DEMO_DAYS);
    const res = await organiser.agent.put("/api/fairs/cnht-hanoi-2026").set(organiser.csrf).send(setup).expect(200);
    expect(res.body.replanned).toEqual({ moved: 0, cancelled: 0 });
    expect((await t.repos.meetings.findById(online.id))!.startsAt).toEqual(fairTime(1, "14:00"));
  });
});
