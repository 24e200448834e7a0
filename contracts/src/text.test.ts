import { companyName, pickText } from "./text";

describe("pickText: one fallback order for every reader", () => {
  const headline = { vi: "Máy dập servo cho doanh nghiệp Việt Nam", en: "Servo presses for Vietnamese manufacturers" };
  test("the reader's own language first", () => {
    expect(pickText({ ...headline, ja: "サーボプレス" }, "ja")).toBe("サーボプレス");
    expect(pickText(headline, "vi")).toBe(headline.vi);
  });
  test("then English, then Vietnamese, for ja, ko and zh-Hant readers alike (the booth page too)", () => {
    for (const reader of ["ja", "ko", "zh-Hant"]) expect(pickText(headline, reader)).toBe(headline.en);
    expect(pickText({ vi: "Hội trường A", ko: "A홀" }, "ja")).toBe("Hội trường A");
    expect(pickText({ vi: "Hội trường A", ja: "Aホール" }, "en")).toBe("Hội trường A");
  });
  test("else whatever language the text has; nothing for no text", () => {
    expect(pickText({ ko: "A홀" }, "ja")).toBe("A홀");
    expect(pickText(undefined, "vi")).toBe("");
    expect(pickText({}, "vi")).toBe("");
  });
});

describe("companyName", () => {
  const hanoi = { legalName: "Công ty TNHH Cơ khí Chính xác Thăng Long", englishName: "Thang Long Precision Mechanics Co., Ltd.", country: "VN" };
  const osaka = { legalName: "株式会社ナニワ精機", englishName: "Naniwa Seiki Co., Ltd.", country: "JP" };
  test("a reader of the firm's home language sees its legal name; everyone else the English name", () => {
    expect(companyName(hanoi, "vi")).toBe(hanoi.legalName);
    expect(companyName(hanoi, "ja")).toBe(hanoi.englishName);
    expect(companyName(hanoi, "en")).toBe(hanoi.englishName);
    expect(companyName(osaka, "ja")).toBe(osaka.legalName);
    expect(companyName(osaka, "vi")).toBe(osaka.englishName);
  });
  test("the legal name when there is no English name", () => {
    expect(companyName({ legalName: "Lausitz Energietechnik GmbH", country: "DE" }, "vi")).toBe("Lausitz Energietechnik GmbH");
  });
});
