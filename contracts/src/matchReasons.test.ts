import { LOCALES } from "./locales";
import { MatchReasonSchema, renderMatchReason, type MatchReason } from "./matchReasons";

const EXAMPLES: MatchReason[] = [
  { code: "offerMeetsNeed", needer: "you", need: "tech.press.servo", offer: "tech.press.servo" },
  { code: "offerMeetsNeed", needer: "they", need: "tech.cnc", offer: "tech.cnc" },
  { code: "capabilityMeetsRequirement", requirer: "they", required: "proc.diecasting.aluminium", held: "proc.diecasting.aluminium" },
  { code: "capabilityMeetsRequirement", requirer: "you", required: "proc.stamping", held: "proc.stamping.progressive" },
  { code: "certificationHeld", requirer: "they", certification: "cert.iatf16949" },
  { code: "certificationHeld", requirer: "you", certification: "cert.iatf16949" },
  { code: "capacityMeets", requirer: "they", capacity: 50000, minimum: 10000 },
  { code: "sharedSector", sector: "sec.auto" },
  { code: "commonLanguage", language: "en" },
  { code: "interpreterAvailable", languages: ["ja", "vi"] },
  { code: "workingHoursOverlap", hours: 3 },
  { code: "interestShown" },
  { code: "organiserRecommends" },
  { code: "priorityCountry", country: "JP" },
];

describe("match reasons", () => {
  test("the issue's examples read as written, in English", () => {
    const en = (r: MatchReason) => renderMatchReason(r, "en");
    expect(en(EXAMPLES[0]!)).toBe("You need servo presses; they offer servo presses");
    expect(en(EXAMPLES[4]!)).toBe("You hold IATF 16949, which they require");
    expect(en(EXAMPLES[5]!)).toBe("Holds IATF 16949, which you require");
    expect(en(EXAMPLES[8]!)).toBe("Both speak English");
    expect(en(EXAMPLES[10]!)).toBe("3 h of common working hours online");
    expect(en(EXAMPLES[9]!)).toBe("A Japanese–Vietnamese interpreter is available");
  });

  test("labels come from the taxonomy in the viewer's language, lower-cased only where that is right", () => {
    expect(renderMatchReason(EXAMPLES[0]!, "vi")).toBe("Bạn cần máy dập servo; đối tác cung cấp máy dập servo");
    expect(renderMatchReason(EXAMPLES[1]!, "en")).toBe("They need CNC machine tools; you offer CNC machine tools");
    expect(renderMatchReason(EXAMPLES[2]!, "ja")).toBe("先方の調達品目「アルミダイカスト」に貴社の「アルミダイカスト」が対応");
    expect(renderMatchReason(EXAMPLES[8]!, "ko")).toBe("양측 모두 영어 가능");
    expect(renderMatchReason(EXAMPLES[6]!, "vi")).toBe("Công suất 50.000/tháng, đáp ứng mức tối thiểu 10.000 mà đối tác yêu cầu");
    expect(renderMatchReason(EXAMPLES[7]!, "zh-Hant")).toBe("同屬汽機車零組件領域");
  });

  test("every reason renders in every language without codes or placeholders leaking", () => {
    for (const reason of EXAMPLES)
      for (const locale of LOCALES) {
        const text = renderMatchReason(reason, locale);
        expect(text).not.toMatch(/undefined|NaN|\$\{|\b(tech|proc|cert|sec)\.[a-z]/);
        expect(text.length).toBeGreaterThan(3);
      }
  });

  test("an injected label function is used", () => {
    expect(renderMatchReason(EXAMPLES[7]!, "en", (code) => `<${code}>`)).toBe("Both work in <sec.auto>");
  });

  test("the schema accepts the examples and refuses unknown codes or fields", () => {
    for (const r of EXAMPLES) expect(MatchReasonSchema.parse(r)).toEqual(r);
    expect(MatchReasonSchema.safeParse({ code: "vibes" }).success).toBe(false);
    expect(MatchReasonSchema.safeParse({ code: "interestShown", extra: 1 }).success).toBe(false);
  });
});
