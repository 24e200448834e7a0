import { renderMatchReason } from "@ketnoi/contracts";
import { MatchingEngine, type EngineOptions, type Recommendation } from "./engine";
import type { MatchParticipant } from "./participant";
import { domestic, foreign, TEST_FAIR } from "./testing";

const engineWith = (participants: MatchParticipant[], options: Partial<EngineOptions> = {}) => {
  const engine = new MatchingEngine({ fair: TEST_FAIR, ...options });
  for (const p of participants) engine.upsertParticipant(p);
  return engine;
};
const ids = (recs: Recommendation[]) => recs.map((r) => r.id);
const english = (r: Recommendation) => r.reasons.map((x) => renderMatchReason(x, "en"));

// The two stories: a Hanoi stamping shop needing servo presses, a Korean buyer needing IATF 16949 die casting.
const stampingShop = domestic("stamping", {
  sectors: ["sec.mech"],
  processes: [{ code: "proc.stamping", materials: ["mat.steel"], monthlyCapacity: 50_000 }],
  needs: [{ kind: "technology", codes: ["tech.press.servo"], priority: 1 }],
});
const servoPressMaker = foreign("owari", { sectors: ["sec.mech"], offers: [{ code: "tech.press.servo" }] });
const pressMaker = foreign("neckar", {
  country: "DE",
  timeZone: "Europe/Berlin",
  participation: "remote",
  languages: ["de", "en"],
  sectors: ["sec.mech"],
  offers: [{ code: "tech.press" }],
});
const robotMaker = foreign("robots", { sectors: ["sec.auto"], offers: [{ code: "tech.robot" }] });
const iatfBuyer = (mandatory: boolean) =>
  foreign(mandatory ? "hyunsung" : "hyunsung-flexible", {
    country: "KR",
    timeZone: "Asia/Seoul",
    languages: ["ko", "en"],
    sectors: ["sec.auto"],
    requirements: [
      {
        processes: ["proc.diecasting.aluminium"],
        materials: ["mat.aluminium"],
        certifications: ["cert.iatf16949"],
        minMonthlyCapacity: 10_000,
        mandatory,
      },
    ],
  });
const dieCaster = (id: string, extra: Partial<MatchParticipant> = {}) =>
  domestic(id, {
    sectors: ["sec.auto"],
    processes: [{ code: "proc.diecasting.aluminium", materials: ["mat.aluminium"], monthlyCapacity: 50_000 }],
    certifications: [{ code: "cert.iatf16949", validUntil: new Date("2027-06-30") }],
    needs: [{ kind: "buyer", codes: ["sec.auto"], priority: 1 }],
    ...extra,
  });
const casters = [
  dieCaster("caster"),
  dieCaster("caster-uncertified", { certifications: [] }),
  dieCaster("caster-expired", { certifications: [{ code: "cert.iatf16949", validUntil: new Date("2026-06-30") }] }),
  dieCaster("caster-small", { processes: [{ code: "proc.diecasting.aluminium", materials: ["mat.aluminium"], monthlyCapacity: 5_000 }] }),
];

describe("needs against offers", () => {
  const engine = engineWith([stampingShop, servoPressMaker, pressMaker, robotMaker]);
  const recs = engine.recommend("stamping", 10);

  test("the servo-press maker comes first, for the reason the firm would give", () => {
    expect(recs[0]).toMatchObject({ id: "owari", kind: "offer:tech.press.servo", mode: "onsite" });
    expect(english(recs[0]!)[0]).toBe("You need servo presses; they offer servo presses");
  });

  test("a maker of presses in general earns partial credit through the hierarchy, below the exact offer", () => {
    expect(ids(recs)).toEqual(["owari", "neckar"]);
    expect(recs[1]!.score).toBeLessThan(recs[0]!.score);
  });

  test("a remote vendor meets online, and the reason counts the working hours both share (Berlin: 3 h of a Hanoi day)", () => {
    expect(recs[1]).toMatchObject({ mode: "online" });
    expect(english(recs[1]!)).toContain("3 h of common working hours online");
  });

  test("the vendor sees the firm the other way round", () => {
    expect(english(engine.recommend("owari", 5)[0]!)[0]).toBe("They need servo presses; you offer servo presses");
  });

  test("scores lie in [0, 1], best first, with one to three reasons", () => {
    for (const p of [stampingShop, servoPressMaker, pressMaker, robotMaker])
      engine.recommend(p.id, 10).forEach((r, i, all) => {
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.reasons.length).toBeGreaterThanOrEqual(1);
        expect(r.reasons.length).toBeLessThanOrEqual(3);
        if (i > 0) expect(r.score).toBeLessThanOrEqual(all[i - 1]!.score);
      });
  });
});

describe("requirements against capabilities", () => {
  test("a mandatory certification excludes firms without it (or with it expired) both ways; so does capacity below the minimum", () => {
    const engine = engineWith([iatfBuyer(true), ...casters]);
    const recs = engine.recommend("hyunsung", 10);
    expect(ids(recs)).toEqual(["caster"]);
    expect(english(recs[0]!)).toEqual([
      "You source aluminium die casting; they do aluminium die casting",
      "Holds IATF 16949, which you require",
      "Both speak English",
    ]);
    expect(english(engine.recommend("caster", 5)[0]!)).toContain("You hold IATF 16949, which they require");
    for (const id of ["caster-uncertified", "caster-expired", "caster-small"]) expect(engine.recommend(id, 5)).toEqual([]);
  });

  test("when the requirement is not mandatory the same firms are proposed, below the one that meets it", () => {
    const recs = engineWith([iatfBuyer(false), ...casters]).recommend("hyunsung-flexible", 10);
    expect(recs[0]!.id).toBe("caster");
    expect(ids(recs).sort()).toEqual(casters.map((c) => c.id).sort());
    for (const r of recs.slice(1)) expect(r.score).toBeLessThan(recs[0]!.score);
  });

  test("a buyer is not proposed to firms that cannot supply it, even in its sector", () => {
    const stamper = domestic("stamper-auto", { sectors: ["sec.auto"], processes: [{ code: "proc.stamping", materials: ["mat.steel"] }] });
    expect(engineWith([iatfBuyer(true), stamper]).recommend("stamper-auto", 5)).toEqual([]);
  });
});

describe("being able to meet", () => {
  const koreanVendor = foreign("ko-only", { country: "KR", timeZone: "Asia/Seoul", languages: ["ko"], offers: [{ code: "tech.press.servo" }] });
  const firm = domestic("vi-only", { languages: ["vi"], needs: [{ kind: "technology", codes: ["tech.press.servo"], priority: 1 }] });

  test("without a common language an interpreter bridges the pair, and that scores above no bridge at all", () => {
    const bridged = engineWith([koreanVendor, firm], { interpreters: [{ languages: ["vi", "ko"] }] }).recommend("vi-only", 1)[0]!;
    const unbridged = engineWith([koreanVendor, firm]).recommend("vi-only", 1)[0]!;
    expect(english(bridged)).toContain("A Korean–Vietnamese interpreter is available");
    expect(unbridged.score).toBeLessThan(bridged.score);
  });

  test("a remote party whose working day never meets the fair's hours is not proposed", () => {
    // 08:30-17:00 in Hanoi is 20:30-05:00 in New York.
    const lateVendor = foreign("new-york", {
      country: "US",
      timeZone: "America/New_York",
      participation: "remote",
      languages: ["en"],
      offers: [{ code: "tech.press.servo" }],
    });
    expect(engineWith([lateVendor, stampingShop]).recommend("stamping", 5)).toEqual([]);
  });

  test("the organiser's country priorities order otherwise equal vendors", () => {
    const japanese = { ...servoPressMaker, sectors: [] };
    const czech = { ...japanese, id: "czech", country: "CZ", timeZone: "Europe/Prague" };
    const recs = engineWith([stampingShop, czech, japanese]).recommend("stamping", 2);
    expect(ids(recs)).toEqual(["owari", "czech"]);
    expect(recs[0]!.reasons).toContainEqual({ code: "priorityCountry", country: "JP" });
  });
});
