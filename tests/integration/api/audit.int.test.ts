import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { seedDemoMeetings } from "../../../api/src/seed/seedDemoMeetings";
import { FIXED_NOW, signIn, useSeededApp } from "../../support/app";

describe("the organisers' audit trail", () => {
  const t = useSeededApp("audit");

  test("changes organisers make are recorded (who, what, on what, answered how); firms' changes and reads are not", async () => {
    await seedDemoMeetings(t.repos, () => FIXED_NOW);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const domestic = await signIn(t.app, "domestic@ketnoi.demo", DEMO_PASSWORD);
    const pending = (await t.db.models.Company.findOneAndUpdate({ kind: "domestic" }, { $set: { status: "pending" } }).lean())!._id.toHexString();
    await organiser.agent.post(`/api/companies/${pending}/approve`).set(organiser.csrf).send({}).expect(204);
    const booked = (await domestic.agent.get("/api/meetings?status=booked").expect(200)).body[0];
    await organiser.agent.post(`/api/meetings/${booked.id}/reschedule`).set(organiser.csrf).send({ slot: "d2s12" }).expect(200);
    const plan = (await organiser.agent.post("/api/scheduler/plans").set(organiser.csrf).send({ timeLimitSeconds: 0.5 }).expect(201)).body;
    await organiser.agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(organiser.csrf).send({}).expect(200);
    await organiser.agent.post(`/api/scheduler/plans/${plan.id}/publish`).set(organiser.csrf).send({}).expect(409); // refused: not recorded
    await domestic.agent
      .post("/api/meetings")
      .set(domestic.csrf)
      .send({ with: (await t.db.models.Company.findOne({ kind: "foreign", country: "KR" }).lean())!._id.toHexString() }); // a firm's change

    const trail = (await organiser.agent.get("/api/audit").expect(200)).body as {
      action: string;
      target: Record<string, string>;
      actor: { email: string };
      fields: string[];
      status: number;
    }[];
    // (Signing in happens before the session exists: not an organiser's change.)
    expect(trail.map((e) => e.action)).toEqual([
      "POST /scheduler/plans/:id/publish",
      "POST /scheduler/plans",
      "POST /meetings/:id/reschedule",
      "POST /companies/:id/approve",
    ]);
    expect(trail[2]).toMatchObject({ target: { id: booked.id }, fields: ["slot"], status: 200, actor: { email: "organiser@ketnoi.demo" } });
    expect(trail[3]).toMatchObject({ target: { id: pending }, status: 204 });
    await domestic.agent.get("/api/audit").expect(403);
  });
});
