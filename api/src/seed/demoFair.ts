import { DateTime } from "luxon";
import { companySearchKey, normalizeSearchText, TAXONOMY, type CompanyProfile, type LocalizedText } from "@ketnoi/contracts";
import { createRandom, type Random } from "../domain/random";
import { taxCodeCheckDigit } from "@ketnoi/contracts";
import { BRANDS, BUSINESS_LINES, DISTRICTS, EXPORT_MARKETS, LEGAL_FORMS } from "./data/domestic";
import { BUYER_KEYWORDS, COUNTRIES, OFFER_KEYWORDS } from "./data/foreign";
import { demoFairSetup, INTERPRETERS, SESSIONS } from "./data/programme";
import type { FairInput } from "../repositories/fairRepository";
import type { CompanyInput } from "../repositories/companyRepository";

/** The demo fair as plain data, generated deterministically; seedDemoFair writes it. */
export interface DemoFair {
  fair: FairInput;
  companies: Omit<CompanyInput, "fairId">[];
  interpreters: { key: string; name: string; languages: string[]; availableDays: string[] }[];
  sessions: {
    key: string;
    kind: (typeof SESSIONS)[number]["kind"];
    title: LocalizedText;
    startsAt: Date;
    endsAt: Date;
    room: LocalizedText;
    speakers: string[];
    capacity: number;
  }[];
}

const LABELS = new Map(TAXONOMY.terms.map((t) => [t.code, t.labels]));
const ascii = (s: string) => normalizeSearchText(s).replace(/(^|\s)\p{L}/gu, (m) => m.toUpperCase());

function taxCode(random: Random, used: Set<string>): string {
  for (;;) {
    const nine = `01${String(random.int(0, 9_999_999)).padStart(7, "0")}`;
    const check = taxCodeCheckDigit(nine);
    const code = `${nine}${check}`;
    if (check !== null && !used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function certifications(random: Random, sector: string, fairDay: string) {
  const codes = new Set<string>();
  if (random.chance(0.7)) codes.add("cert.iso9001");
  if (random.chance(0.35)) codes.add("cert.iso14001");
  if (random.chance(0.15)) codes.add("cert.iso45001");
  if (sector === "sec.auto" && random.chance(0.45)) codes.add("cert.iatf16949");
  if (sector === "sec.elec" && random.chance(0.5)) codes.add("cert.rohs");
  if (sector === "sec.textile" && random.chance(0.3)) codes.add("cert.reach");
  if (sector === "sec.hitech" && random.chance(0.25)) codes.add("cert.iso13485");
  const base = DateTime.fromISO(fairDay, { zone: "UTC" });
  return [...codes].map((code) => ({ code, validUntil: base.plus({ months: random.int(4, 36) }).toJSDate() }));
}

function domesticCompanies(random: Random, count: number, fairDay: string): DemoFair["companies"] {
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  const companies: DemoFair["companies"] = [];
  while (companies.length < count) {
    const line = random.pick(BUSINESS_LINES);
    const brand = random.pick(BRANDS);
    const form = random.pick(LEGAL_FORMS);
    const district = random.pick(DISTRICTS);
    // Names repeat across Hanoi; a firm whose name is taken carries its district, as real ones do.
    let legalName = `${form.vi} ${line.vi} ${brand}`;
    let englishName = `${ascii(brand)} ${line.en} ${form.en}`;
    if (usedNames.has(legalName)) {
      legalName = `${form.vi} ${line.vi} ${brand} ${district}`;
      englishName = `${ascii(brand)} ${ascii(district)} ${line.en} ${form.en}`;
      if (usedNames.has(legalName)) continue;
    }
    usedNames.add(legalName);
    const code = taxCode(random, usedCodes);
    const processes = random.sample(line.processes, random.int(2, line.processes.length)).map((p) => ({
      code: p,
      materials: random.sample(line.materials, random.int(1, line.materials.length)),
      ...(p.startsWith("proc.cnc") ? { toleranceMm: random.pick([0.005, 0.01, 0.02, 0.05]) } : {}),
      maxPartSizeMm: random.pick([150, 300, 500, 800, 1200]),
      monthlyCapacity: random.pick([5_000, 20_000, 50_000, 100_000, 300_000]),
    }));
    const product = random.pick(line.products);
    // Recognised by the city in the fair's year or the two before (so the year's report has some to count).
    const fairYear = Number(fairDay.slice(0, 4));
    const keyProduct = random.chance(0.15) ? { keyIndustrialProductYear: random.pick([fairYear - 2, fairYear - 1, fairYear]) } : {};
    const languages = ["vi", ...(random.chance(0.7) ? ["en"] : []), ...(random.chance(0.15) ? ["ja"] : []), ...(random.chance(0.1) ? ["ko"] : [])];
    const employees = random.pick([25, 60, 120, 250, 480, 900, 1500]);
    const profile: Omit<CompanyProfile, "searchKey"> = {
      kind: "domestic",
      registrationKey: `VN:${code}`,
      legalName,
      englishName,
      taxCode: code,
      country: "VN",
      city: "Hà Nội",
      district,
      timeZone: "Asia/Ho_Chi_Minh",
      participation: "onsite",
      sectors: random.chance(0.2) && line.sector !== "sec.auto" ? [line.sector, "sec.auto"] : [line.sector],
      processes,
      certifications: certifications(random, line.sector, fairDay),
      products: [{ name: { vi: product.vi, en: product.en }, ...keyProduct }],
      needs: [
        {
          kind: "technology",
          codes: random.sample(line.needs, random.int(1, 2)),
          priority: random.int(1, 3),
          text: {
            vi: `Cần đầu tư thiết bị mới để nâng cao năng lực ${line.vi.toLowerCase()}.`,
            en: `Investing in new equipment to grow ${line.en.toLowerCase()} capacity.`,
          },
        },
        ...(random.chance(0.6)
          ? [
              {
                kind: "buyer" as const,
                codes: [line.sector],
                priority: random.int(1, 3),
                text: { vi: "Tìm khách hàng FDI cho sản phẩm chính.", en: "Looking for FDI buyers of our main products." },
              },
            ]
          : []),
        ...(random.chance(0.2)
          ? [
              {
                kind: "transfer" as const,
                codes: random.sample(line.needs, 1),
                priority: 3,
                text: { vi: "Tìm đối tác chuyển giao công nghệ.", en: "Seeking a technology-transfer partner." },
              },
            ]
          : []),
      ],
      offers: [],
      requirements: [],
      languages,
      employees,
      exportMarkets: random.sample(EXPORT_MARKETS, random.int(0, 3)),
      description: {
        vi: `${legalName} (${district}, Hà Nội) chuyên ${product.vi.toLowerCase()}, ${employees} lao động.`,
        en: `${englishName} (${district} district, Hanoi) makes ${product.en.toLowerCase()}; ${employees} staff.`,
      },
      listed: random.chance(0.9),
    };
    companies.push({ ...profile, searchKey: companySearchKey(profile) });
  }
  return companies;
}

function foreignCompanies(random: Random): DemoFair["companies"] {
  const companies: DemoFair["companies"] = [];
  for (const profile of COUNTRIES) {
    for (const name of profile.names.slice(0, profile.count)) {
      const buyer = BUYER_KEYWORDS.find(([re]) => re.test(name))?.[1];
      const offer = OFFER_KEYWORDS.find(([re]) => re.test(name));
      const offers = buyer
        ? []
        : (offer?.[1] ?? ["tech.automation"]).map((code) => ({
            code,
            text: { en: `${name}: ${code.replace("tech.", "")} for Vietnamese manufacturers.` },
          }));
      const remote = random.chance(0.4);
      const headline = buyer
        ? {
            en: `Sourcing parts in Hanoi: ${buyer.processes.map((c) => LABELS.get(c)?.en).join(", ")}`,
            vi: `Tìm nhà cung cấp tại Hà Nội: ${buyer.processes.map((c) => LABELS.get(c)?.vi).join(", ")}`,
          }
        : {
            en: `${offers.map((o) => LABELS.get(o.code)?.en).join(" and ")} for Vietnamese manufacturers`,
            vi: `${offers.map((o) => LABELS.get(o.code)?.vi).join(" và ")} cho doanh nghiệp Việt Nam`,
          };
      const company: Omit<CompanyProfile, "searchKey"> = {
        booth: { headline, highlights: [], staffLanguages: [...profile.languages, "en"] },
        kind: "foreign",
        registrationKey: `${profile.country}:${normalizeSearchText(name).replace(/ /g, "-")}`,
        legalName: name,
        englishName: name,
        country: profile.country,
        timeZone: profile.timeZone,
        participation: remote ? "remote" : "onsite",
        sectors: [buyer?.sector ?? offer?.[2] ?? "sec.mech"],
        processes: [],
        certifications: [],
        products: [],
        needs: [],
        offers,
        requirements: buyer
          ? [
              {
                processes: buyer.processes,
                materials: buyer.materials,
                certifications: buyer.certifications,
                minMonthlyCapacity: random.pick([10_000, 50_000]),
                mandatory: true,
                text: { en: "Local suppliers for our Vietnamese plants." },
              },
            ]
          : [],
        languages: [...profile.languages, ...(random.chance(0.75) ? ["en"] : [])],
        employees: random.pick([40, 150, 600, 2_400, 12_000]),
        exportMarkets: ["VN"],
        description: {
          en: buyer
            ? `${name} sources parts from Vietnamese suppliers.`
            : `${name} brings ${offers.map((o) => o.code.replace("tech.", "")).join(", ")} to Hanoi.`,
        },
        listed: true,
      };
      companies.push({ ...company, searchKey: companySearchKey(company) });
    }
  }
  return companies;
}

/** A directory of `count` companies (the 60 foreign ones plus Hanoi firms) for a fair on `days`, for benchmarks. */
export function generateDirectory(count: number, days: readonly [string, string], seed = 2026): DemoFair["companies"] {
  const random = createRandom(seed);
  return [...domesticCompanies(random, count - 60, days[0]), ...foreignCompanies(random)];
}

/** The demo fair on `days` (see demoFairDays): the same firms, people and programme whatever the days. */
export function generateDemoFair(days: readonly [string, string], seed = 2026): DemoFair {
  const random = createRandom(seed);
  const fair = demoFairSetup(days);
  const at = (d: string, time: string) => DateTime.fromISO(`${d}T${time}`, { zone: fair.timeZone }).toUTC().toJSDate();
  return {
    fair,
    companies: [...domesticCompanies(random, 200, days[0]), ...foreignCompanies(random)],
    interpreters: INTERPRETERS.map((i, n) => ({ key: `${fair.slug}:interpreter:${n + 1}`, ...i, availableDays: [...days] })),
    sessions: SESSIONS.map((s, n) => ({
      key: `${fair.slug}:session:${n + 1}`,
      kind: s.kind,
      title: s.title,
      startsAt: at(days[s.day], s.start),
      endsAt: at(days[s.day], s.end),
      room: s.room,
      speakers: s.speakers,
      capacity: s.capacity,
    })),
  };
}
