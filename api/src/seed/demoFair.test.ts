import { CompanyProfileSchema, FairSetupSchema, TAXONOMY } from "@ketnoi/contracts";
import { generateDemoFair } from "./demoFair";
import { demoFairDays } from "./demoDays";
import { isValidTaxCode } from "@ketnoi/contracts";

const codes = new Set(TAXONOMY.terms.map((t) => t.code));

describe("the demo fair generator", () => {
  const days = demoFairDays(new Date());
  const demo = generateDemoFair(days);

  test("is deterministic", () => {
    expect(JSON.stringify(generateDemoFair(days))).toBe(JSON.stringify(demo));
  });

  test("is the same fair on other days: only the dates move, and the name's year follows them", () => {
    const laterDays = demoFairDays(new Date(Date.now() + 5 * 365 * 86_400_000));
    const later = generateDemoFair(laterDays);
    expect(later.companies.map((c) => c.legalName)).toEqual(demo.companies.map((c) => c.legalName));
    expect(later.fair.days).toEqual(laterDays);
    expect(later.fair.name.en).toBe(`Hanoi Supporting Industries Fair ${laterDays[0].slice(0, 4)}`);
    expect(later.sessions[0]!.startsAt.toISOString()).toBe(`${laterDays[0]}T01:30:00.000Z`); // 08:30 in Hanoi
    expect(later.interpreters.every((i) => i.availableDays.join() === laterDays.join())).toBe(true);
  });

  test("has about 200 Hanoi manufacturers and 60 foreign vendors from Japan, Korea, Taiwan and the EU", () => {
    const domestic = demo.companies.filter((c) => c.kind === "domestic");
    const foreign = demo.companies.filter((c) => c.kind === "foreign");
    expect(domestic).toHaveLength(200);
    expect(foreign).toHaveLength(60);
    expect(new Set(foreign.map((c) => c.country))).toEqual(new Set(["JP", "KR", "TW", "DE", "IT", "FR", "NL", "CZ"]));
    expect(foreign.filter((c) => c.participation === "remote").length).toBeGreaterThan(10);
    expect(new Set(domestic.map((c) => c.district)).size).toBeGreaterThan(15);
  });

  test("every record passes the shared schemas, refers to taxonomy codes and has unique keys", () => {
    expect(FairSetupSchema.safeParse(demo.fair).success).toBe(true);
    for (const company of demo.companies) {
      const parsed = CompanyProfileSchema.safeParse(company);
      if (!parsed.success) throw new Error(`${company.legalName}: ${parsed.error.message}`);
      const used = [
        ...company.sectors,
        ...company.processes.flatMap((p) => [p.code, ...p.materials]),
        ...company.certifications.map((c) => c.code),
        ...company.needs.flatMap((n) => n.codes),
        ...company.offers.map((o) => o.code),
        ...company.requirements.flatMap((r) => [...r.processes, ...r.materials, ...r.certifications]),
      ];
      for (const code of used) expect(codes.has(code) ? code : `${company.legalName}: unknown ${code}`).toBe(code);
      if (company.kind === "domestic") expect(isValidTaxCode(company.taxCode!)).toBe(true);
    }
    expect(new Set(demo.companies.map((c) => c.registrationKey)).size).toBe(demo.companies.length);
    expect(new Set(demo.companies.map((c) => c.legalName)).size).toBe(demo.companies.length);
  });

  test("fair sessions fall inside the fair's days and hours (Asia/Ho_Chi_Minh)", () => {
    for (const s of demo.sessions) {
      const local = new Date(s.startsAt.getTime() + 7 * 3600_000).toISOString();
      expect(demo.fair.days).toContain(local.slice(0, 10));
      expect(local.slice(11, 16) >= demo.fair.dailyHours.start).toBe(true);
      expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
    }
  });
});
