import { eventYear } from "../eventYear";
import { publicFirms, type FirmSource, type ParticipationSource } from "./publicFirms";
import { sizeBand } from "./sizeBands";
import { countStatistics } from "./statistics";

const firm = (id: string, over: Partial<FirmSource> = {}): FirmSource => ({
  id,
  kind: "domestic",
  legalName: `Công ty ${id}`,
  country: "VN",
  district: "Đông Anh",
  sectors: ["sec.mech"],
  processes: [{ code: "proc.cnc" }],
  certifications: [],
  employees: 50,
  listed: true,
  status: "approved",
  ...over,
});
const approved = (fairId: string, companyId: string): ParticipationSource => ({ fairId, companyId, status: "approved" });

// 2025: a fair and an online week; an event that opens on 31 December 2025 and runs into 2026 (a 2026
// event: its last day's year); 2026: one fair.
const EVENTS = [
  { id: "f25", days: ["2025-10-09", "2025-10-10"] },
  { id: "w25", days: ["2025-11-17", "2025-11-18", "2025-11-19"] },
  { id: "eve", days: ["2026-01-01", "2025-12-31"] },
  { id: "f26", days: ["2026-10-08", "2026-10-09"] },
];
const STANDARDS = ["cert.iso9001", "cert.iatf16949"];

describe("who the public data shows", () => {
  test("only listed, approved firms with an approved registration; years from the events they took part in", () => {
    const firms = [firm("a"), firm("b", { listed: false }), firm("c", { status: "pending" }), firm("d"), firm("e")];
    const regs: ParticipationSource[] = [
      approved("f25", "a"),
      approved("w25", "a"),
      approved("f26", "a"),
      approved("f25", "b"),
      approved("f25", "c"),
      { fairId: "f26", companyId: "d", status: "pending" },
      approved("gone", "e"),
    ];
    const shown = publicFirms(firms, EVENTS, regs);
    expect(shown.map((f) => [f.id, f.years])).toEqual([["a", [2025, 2026]]]);
  });

  test("an event's year is its last day's (as in the report), whatever order its days are stored in", () => {
    expect(eventYear(EVENTS[2]!)).toBe(2026);
    expect(eventYear({ days: [] })).toBeNull();
  });

  test("a public firm carries its business profile only, certifications with their last valid day", () => {
    const [shown] = publicFirms(
      [
        firm("a", {
          englishName: "A Co",
          certifications: [{ code: "cert.iso9001", validUntil: new Date("2027-03-31T00:00:00Z") }, { code: "cert.ce" }],
        }),
      ],
      EVENTS,
      [approved("f26", "a")],
    );
    expect(shown).toEqual({
      id: "a",
      kind: "domestic",
      legalName: "Công ty a",
      englishName: "A Co",
      country: "VN",
      district: "Đông Anh",
      sectors: ["sec.mech"],
      processes: ["proc.cnc"],
      certifications: [{ code: "cert.iso9001", validUntil: "2027-03-31" }, { code: "cert.ce" }],
      sizeBand: "small",
      years: [2026],
    });
  });
});

describe("size bands (Decree 80/2021/ND-CP, industry and construction)", () => {
  test.each([
    [1, "micro"],
    [10, "micro"],
    [11, "small"],
    [100, "small"],
    [101, "medium"],
    [200, "medium"],
    [201, "large"],
    [undefined, "unknown"],
    [0, "unknown"],
  ] as const)("%s employees: %s", (n, band) => expect(sizeBand(n)).toBe(band));
});

describe("the public statistics", () => {
  const firms = [
    // In both years: counted in each, new only in 2025; its ISO 9001 lapses between the years.
    firm("both", { sectors: ["sec.mech", "sec.auto"], certifications: [{ code: "cert.iso9001", validUntil: new Date("2026-01-31") }], employees: 8 }),
    // New in 2026, certified through 2026's fair; RoHS is not an international standard of a production system.
    firm("new26", {
      district: "Hoàng Mai",
      processes: [{ code: "proc.stamp" }, { code: "proc.cnc" }],
      certifications: [{ code: "cert.iatf16949" }, { code: "cert.rohs", validUntil: new Date("2020-01-01") }],
      employees: 150,
    }),
    firm("only25", { employees: undefined, district: undefined }),
    firm("jp", { kind: "foreign", country: "JP", district: undefined }),
    firm("kr", { kind: "foreign", country: "KR", district: undefined }),
    firm("hidden", { listed: false }),
  ];
  const regs = [
    approved("f25", "both"),
    approved("w25", "both"),
    approved("f26", "both"),
    approved("f26", "new26"),
    approved("eve", "only25"),
    approved("f25", "jp"),
    approved("f26", "jp"),
    approved("f26", "kr"),
    approved("f26", "hidden"),
  ];
  const held = [
    { fairId: "f25", parties: ["both", "jp"] },
    { fairId: "f26", parties: ["new26", "kr"] },
    { fairId: "f26", parties: ["both", "jp"] },
    // With a firm that did not consent: not counted.
    { fairId: "f26", parties: ["hidden", "kr"] },
  ];
  const stats = countStatistics(publicFirms(firms, EVENTS, regs), EVENTS, held, "2026-06-01", STANDARDS);

  test("per year: firms, new firms, certified firms, foreign partners and meetings held", () => {
    expect(stats.years).toEqual([
      // The New Year's Eve event counts in 2026 (its last day's year): its firm "only25" is new in 2026.
      { year: 2025, events: 2, firms: 1, newFirms: 1, certifiedFirms: 1, foreignPartners: 1, meetingsHeld: 1 },
      { year: 2026, events: 2, firms: 3, newFirms: 2, certifiedFirms: 1, foreignPartners: 2, meetingsHeld: 2 },
    ]);
  });

  test("Hanoi firms by sector, process, district, valid certification and size; partners by country", () => {
    expect(stats.firms).toBe(3);
    expect(stats.foreignPartners).toBe(2);
    expect(stats.bySector).toEqual({ "sec.mech": 3, "sec.auto": 1 });
    expect(stats.byProcess).toEqual({ "proc.cnc": 3, "proc.stamp": 1 });
    expect(stats.byDistrict).toEqual({ "Đông Anh": 1, "Hoàng Mai": 1 });
    // ISO 9001 lapsed in January, RoHS long ago: only IATF 16949 is valid today.
    expect(stats.byCertification).toEqual({ "cert.iatf16949": 1 });
    expect(stats.bySizeBand).toEqual({ micro: 1, small: 0, medium: 1, large: 0, unknown: 1 });
    expect(stats.foreignPartnersByCountry).toEqual({ JP: 1, KR: 1 });
  });

  test("largest first, then by key", () => {
    expect(Object.keys(stats.bySector)).toEqual(["sec.mech", "sec.auto"]);
  });
});
