import { DEMO_PASSWORD, seedDemoFair } from "../../../api/src/seed/seedDemoFair";
import { seedDemoMeetings } from "../../../api/src/seed/seedDemoMeetings";
import { buildTestApp, FIXED_NOW, signIn } from "../../support/app";
import { freshDatabase } from "../../support/stack";

describe("the demo fair's meetings", () => {
  test("the demo logins find booked meetings and open requests; seeding again adds nothing", async () => {
    const db = await freshDatabase("demomeetings");
    try {
      const { app, repos } = buildTestApp(db, { now: () => FIXED_NOW });
      await seedDemoFair(repos, FIXED_NOW);
      expect(await seedDemoMeetings(repos, () => FIXED_NOW)).toBe(6);
      expect(await seedDemoMeetings(repos, () => FIXED_NOW)).toBe(0);
      const domestic = await signIn(app, "domestic@ketnoi.demo", DEMO_PASSWORD);
      const mine = (await domestic.agent.get("/api/meetings").expect(200)).body as {
        status: string;
        mode?: string;
        table?: number;
        onlineRoom?: string;
      }[];
      expect(
        mine
          .filter((m) => m.status === "booked")
          .map((m) => m.mode)
          .sort(),
      ).toEqual(["online", "onsite", "onsite"]);
      expect(mine.find((m) => m.mode === "onsite")!.table).toBeGreaterThan(0);
      expect(mine.filter((m) => m.status === "requested")).toHaveLength(3);
      // The demo interpreter has an assignment: the Korean-only buyer's meeting.
      const interpreter = await signIn(app, "interpreter@ketnoi.demo", DEMO_PASSWORD);
      const assigned = (await interpreter.agent.get("/api/meetings").expect(200)).body as {
        languages?: string[];
        table?: number;
        requester: { companyId: string };
        recipient: { companyId: string };
      }[];
      expect(assigned).toHaveLength(1);
      // ... as herself: the login is the interpreter the meeting names.
      expect(assigned[0]).toMatchObject({ languages: expect.arrayContaining(["ko"]), interpreter: { name: interpreter.session.user.name } });
      // She sees the cards of both sides she interprets for (the demo firm is unlisted), no other unlisted one.
      const [requester, recipient] = [assigned[0]!.requester.companyId, assigned[0]!.recipient.companyId];
      await interpreter.agent.get(`/api/companies/${requester}`).expect(200);
      await interpreter.agent.get(`/api/companies/${recipient}`).expect(200);
      const unlisted = (await db.models.Company.findOne({ listed: false, _id: { $nin: [requester, recipient] } }).lean())!;
      await interpreter.agent.get(`/api/companies/${unlisted._id}`).expect(404);
      // The vendor's open request comes from the demo firm, which is not in the directory; the
      // vendor can still see who asks and the slots both have free, and so answer it.
      const vendor = await signIn(app, "vendor@ketnoi.demo", DEMO_PASSWORD);
      const asked = (await vendor.agent.get("/api/meetings?status=requested").expect(200)).body as { requester: { companyId: string } }[];
      expect(asked.map((m) => m.requester.companyId)).toEqual([domestic.session.user.companyId]);
      expect((await db.models.Company.findById(domestic.session.user.companyId).lean())!.listed).toBe(false);
      await vendor.agent.get(`/api/companies/${domestic.session.user.companyId}`).expect(200);
      expect((await vendor.agent.get(`/api/meetings/slots?with=${domestic.session.user.companyId}`).expect(200)).body.length).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  });
});
