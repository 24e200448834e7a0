import { countPlanTargets, type TargetFirm } from "./planTargets";

const lastDay = new Date("2026-12-11T00:00:00Z");
const domestic = (codes: string[], over: Partial<TargetFirm> = {}, validUntil = new Date("2027-06-01T00:00:00Z")): TargetFirm => ({
  kind: "domestic",
  country: "VN",
  certifications: codes.map((code) => ({ code, validUntil })),
  offers: [],
  ...over,
});
const foreign = (country: string, offers: string[], over: Partial<TargetFirm> = {}): TargetFirm => ({
  kind: "foreign",
  country,
  certifications: [],
  offers: offers.map((code) => ({ code })),
  ...over,
});

describe("countPlanTargets", () => {
  test("a Hanoi firm meets international standards with any one of them valid through the fair, not with ISO 9001 only", () => {
    const firms = [
      domestic(["cert.iso9001"]),
      domestic(["cert.iatf16949"]),
      domestic(["cert.iso14001", "cert.rohs"]),
      domestic(["cert.iso13485"]),
      domestic(["cert.as9100"]),
      domestic(["cert.iso45001"]),
      domestic(["cert.rohs", "cert.reach", "cert.ce", "cert.jis", "cert.ks"]), // regulations and national standards
      domestic(["cert.iso9001"], {}, new Date("2026-12-01T00:00:00Z")), // expired before the fair ends
      domestic([], { certifications: [{ code: "cert.iso9001" }] }), // no end date: valid
      domestic(["cert.iatf16949"], { status: "pending" }), // not approved yet
      domestic([]),
    ];
    expect(countPlanTargets(firms, lastDay)).toMatchObject({ domesticFirms: 10, certifiedFirms: 7 });
  });

  test("technology makers are foreign firms from the US, the EU, Japan or Korea that offer technology; buyers and others are not", () => {
    const firms = [
      foreign("JP", ["tech.cnc"]),
      foreign("KR", ["tech.robot", "tech.smt"]),
      foreign("DE", ["tech.energy"]),
      foreign("US", ["tech.metrology"]),
      foreign("PL", ["tech.automation"]),
      foreign("JP", []), // a buyer sourcing parts
      foreign("KR", []),
      foreign("TW", ["tech.cnc"]), // Taiwan is not in the plan's list
      foreign("CN", ["tech.press"]),
      foreign("FR", ["tech.iot"], { status: "pending" }),
      domestic(["cert.iso9001"], { offers: [{ code: "tech.cnc" }] }),
    ];
    expect(countPlanTargets(firms, lastDay).technologyMakers).toBe(5);
  });
});
