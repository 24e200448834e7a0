import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { signIn, useSeededApp } from "../../support/app";

describe("proposals show only firms that consent to being shown", () => {
  const t = useSeededApp("proposalvisibility");

  test("a vendor's proposals leave out unlisted firms (its list stays full); the organiser's view of the same list keeps them", async () => {
    const vendor = await signIn(t.app, "vendor@ketnoi.demo", DEMO_PASSWORD);
    const organiser = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const unlisted = new Set((await t.db.models.Company.find({ listed: false }, { _id: 1 }).lean()).map((c) => c._id.toHexString()));
    expect(unlisted.size).toBeGreaterThan(5);
    const all = (await organiser.agent.get(`/api/matching/companies/${vendor.session.user.companyId}?k=50`).expect(200)).body as {
      company: { id: string };
    }[];
    expect(all.filter((r) => unlisted.has(r.company.id)).length).toBeGreaterThan(0); // the engine ranks them...
    const mine = (await vendor.agent.get("/api/recommendations?k=50").expect(200)).body as { company: { id: string } }[];
    expect(mine.filter((r) => unlisted.has(r.company.id))).toEqual([]); // ...the vendor is not shown them
    expect(mine).toHaveLength(50);
  });
});
