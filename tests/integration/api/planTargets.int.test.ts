import { PlanTargetsSchema } from "@ketnoi/contracts";
import { DEMO_PASSWORD } from "../../../api/src/seed/seedDemoFair";
import { signIn, useSeededApp } from "../../support/app";

// The dashboard's plan targets (issue #18): "international standards" counted ISO 9001 only, and
// "technology makers from the US, EU, Japan, Korea" counted every firm from there, buyers too.
describe("plan targets on the demo fair", () => {
  const t = useSeededApp("plan-targets");

  test("counts Hanoi firms holding any international standard, and foreign makers that offer technology", async () => {
    const { agent } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const targets = PlanTargetsSchema.parse((await agent.get("/api/fairs/current/targets").expect(200)).body);
    const firms = await t.db.models.Company.find().lean();
    const domestic = firms.filter((c) => c.kind === "domestic");
    expect(targets.domesticFirms).toBe(domestic.length);

    // Demo certificates all run past the fair; which ones count is spelt out here, apart from the code.
    const standards = ["cert.iso9001", "cert.iso14001", "cert.iso45001", "cert.iatf16949", "cert.iso13485", "cert.as9100"];
    expect([...targets.standards].sort()).toEqual([...standards].sort());
    const certified = domestic.filter((c) => c.certifications.some((x) => standards.includes(x.code)));
    const iso9001 = domestic.filter((c) => c.certifications.some((x) => x.code === "cert.iso9001"));
    expect(targets.certifiedFirms).toBe(certified.length);
    expect(targets.certifiedFirms).toBeGreaterThan(iso9001.length); // firms with IATF 16949 or ISO 14001 but no ISO 9001 count

    // The demo's foreign firms from the plan's countries: Japan, Korea and five EU states; some only buy.
    const fromThere = firms.filter((c) => c.kind === "foreign" && ["JP", "KR", "DE", "IT", "FR", "NL", "CZ"].includes(c.country));
    const makers = fromThere.filter((c) => c.offers.length > 0);
    expect(fromThere.length).toBe(50);
    expect(makers.length).toBeLessThan(fromThere.length);
    expect(targets.technologyMakers).toBe(makers.length);
    expect(firms.some((c) => c.country === "TW" && c.offers.length > 0)).toBe(true); // Taiwan's makers are not in the count
  });

  test("a firm awaiting approval is not counted until approved", async () => {
    const { agent } = await signIn(t.app, "organiser@ketnoi.demo", DEMO_PASSWORD);
    const before = PlanTargetsSchema.parse((await agent.get("/api/fairs/current/targets").expect(200)).body);
    const maker = await t.db.models.Company.findOne({ kind: "foreign", country: "JP", "offers.0": { $exists: true } }).lean();
    await t.db.models.Company.updateOne({ _id: maker!._id }, { $set: { status: "pending" } });
    const after = PlanTargetsSchema.parse((await agent.get("/api/fairs/current/targets").expect(200)).body);
    expect(after.technologyMakers).toBe(before.technologyMakers - 1);
  });
});
