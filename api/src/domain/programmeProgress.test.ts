import { countProgramme, type ProgrammeEvent, type ProgrammeFirm, type ProgrammeRegistration } from "./programmeProgress";
import { eventYear } from "./eventYear";

const event = (id: string, days: string[], kind?: ProgrammeEvent["kind"]): ProgrammeEvent => ({
  id,
  slug: `ev-${id}`,
  name: { vi: `Sự kiện ${id}` },
  ...(kind ? { kind } : {}),
  days,
  timeZone: "Asia/Ho_Chi_Minh",
});
const firm = (id: string, over: Partial<ProgrammeFirm> = {}): ProgrammeFirm => ({
  id,
  legalName: `Công ty ${id}`,
  kind: "domestic",
  country: "VN",
  certifications: [],
  offers: [],
  products: [],
  ...over,
});
const reg = (fairId: string, companyId: string, status: ProgrammeRegistration["status"] = "approved"): ProgrammeRegistration => ({
  fairId,
  companyId,
  status,
});
const until = (day: string) => new Date(`${day}T00:00:00Z`);

const EVENTS = [
  event("fair", ["2026-04-09", "2026-04-10"]),
  event("week", ["2026-10-05", "2026-10-09"], "online"),
  event("mission", ["2026-11-16", "2026-11-18"], "mission"),
  event("old", ["2025-12-04", "2025-12-05"]),
];

describe("countProgramme", () => {
  test("a firm in two events of the year counts once; events of another year and pending registrations not at all", () => {
    const firms = [firm("a"), firm("b"), firm("c"), firm("d")];
    const regs = [reg("fair", "a"), reg("week", "a"), reg("week", "b"), reg("old", "c"), reg("fair", "d", "pending")];
    const { progress, events, firms: rows } = countProgramme(2026, EVENTS, regs, firms, []);
    expect(progress.domesticFirms).toBe(2);
    expect(events.map((e) => [e.slug, e.firms])).toEqual([
      ["ev-fair", 1],
      ["ev-week", 2],
      ["ev-mission", 0],
    ]);
    expect(rows.find((r) => r.id === "a")!.events).toEqual(["ev-fair", "ev-week"]);
  });

  test("a certificate counts when it is valid on the last day of an event the firm took part in, not only at the year's end", () => {
    const firms = [
      firm("valid-at-fair", { certifications: [{ code: "cert.iso9001", validUntil: until("2026-04-10") }] }), // expires at the fair's end
      firm("expired", { certifications: [{ code: "cert.iatf16949", validUntil: until("2026-04-09") }] }), // the day before its end
      firm("national", { certifications: [{ code: "cert.jis" }] }), // a national standard
      firm("later", { certifications: [{ code: "cert.iso14001", validUntil: until("2026-06-01") }] }), // expired before the week
    ];
    const regs = [reg("fair", "valid-at-fair"), reg("fair", "expired"), reg("fair", "national"), reg("week", "later")];
    expect(countProgramme(2026, EVENTS, regs, firms, []).progress).toMatchObject({ domesticFirms: 4, certifiedFirms: 1 });
  });

  test("technology makers are foreign firms from the plan's countries offering technology, met in Vietnam (not on a mission)", () => {
    const firms = [
      firm("jp-maker", { kind: "foreign", country: "JP", offers: [{ code: "tech.cnc" }] }),
      firm("jp-maker-twice", { kind: "foreign", country: "JP", offers: [{ code: "tech.robot" }] }),
      firm("de-buyer", { kind: "foreign", country: "DE", offers: [] }),
      firm("tw-maker", { kind: "foreign", country: "TW", offers: [{ code: "tech.cnc" }] }),
      firm("kr-abroad", { kind: "foreign", country: "KR", offers: [{ code: "tech.smt" }] }),
    ];
    const regs = [
      reg("fair", "jp-maker"),
      reg("fair", "jp-maker-twice"),
      reg("week", "jp-maker-twice"),
      reg("fair", "de-buyer"),
      reg("fair", "tw-maker"),
      reg("mission", "kr-abroad"),
    ];
    expect(countProgramme(2026, EVENTS, regs, firms, []).progress).toMatchObject({ technologyMakers: 2, domesticFirms: 0, missionFirms: 0 });
  });

  test("mission firms are the distinct Hanoi firms approved for outbound missions", () => {
    const firms = [firm("a"), firm("b"), firm("c")];
    const regs = [reg("mission", "a"), reg("fair", "a"), reg("mission", "b", "pending"), reg("fair", "c")];
    expect(countProgramme(2026, EVENTS, regs, firms, []).progress).toMatchObject({ missionFirms: 1, domesticFirms: 2 });
  });

  test("key industrial products count when recognised in the year itself, with the firms that make them", () => {
    const firms = [
      firm("two", { products: [{ keyIndustrialProductYear: 2026 }, { keyIndustrialProductYear: 2026 }, {}] }),
      firm("older", { products: [{ keyIndustrialProductYear: 2024 }] }),
      firm("one", { products: [{ keyIndustrialProductYear: 2026 }, { keyIndustrialProductYear: 2025 }] }),
    ];
    const regs = [reg("fair", "two"), reg("week", "two"), reg("fair", "older"), reg("mission", "one")];
    expect(countProgramme(2026, EVENTS, regs, firms, []).progress).toMatchObject({ keyProductFirms: 2, keyProducts: 3 });
  });

  test("each event's row has its meetings held and the outcomes recorded", () => {
    const meetings = [
      { fairId: "fair", status: "held", outcomes: [{ outcome: "mou_signed" }, { outcome: "follow_up" }] },
      { fairId: "fair", status: "held", outcomes: [{ outcome: "follow_up" }] },
      { fairId: "fair", status: "no_show" },
      { fairId: "week", status: "held", outcomes: [] },
      { fairId: "old", status: "held", outcomes: [{ outcome: "samples" }] },
    ];
    const { events } = countProgramme(2026, EVENTS, [], [], meetings);
    const fair = events.find((e) => e.slug === "ev-fair")!;
    expect(fair).toMatchObject({ meetingsHeld: 2, kind: "hybrid", days: ["2026-04-09", "2026-04-10"] });
    expect(fair.outcomes).toMatchObject({ mou_signed: 1, follow_up: 2, samples: 0 });
    expect(events.find((e) => e.slug === "ev-week")!.meetingsHeld).toBe(1);
  });

  test("an event belongs to the year of its last day", () => {
    expect(eventYear(event("x", ["2026-12-31", "2027-01-02"]))).toBe(2027);
    expect(eventYear(event("y", ["2026-12-30", "2026-12-31"]))).toBe(2026);
  });
});
