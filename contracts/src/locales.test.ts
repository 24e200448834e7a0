import { negotiateLocale } from "./locales";
import { normalizeSearchText } from "./text";

describe("negotiateLocale", () => {
  test.each([
    [undefined, "vi"],
    ["", "vi"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["de-DE,de;q=0.9,en;q=0.5", "en"],
    ["zh-TW,zh;q=0.9", "zh-Hant"],
    ["ko;q=0.2,en;q=0.8", "en"],
    ["fr", "vi"],
  ])("%s -> %s", (header, expected) => expect(negotiateLocale(header)).toBe(expected));
});

describe("normalizeSearchText", () => {
  test("drops Vietnamese diacritics and case so 'co khi' finds 'Cơ khí'", () => {
    expect(normalizeSearchText("Công ty Cơ khí Hà Nội")).toBe("cong ty co khi ha noi");
    expect(normalizeSearchText("Đông Anh, ĐỨC GIANG")).toBe("dong anh duc giang");
    expect(normalizeSearchText("Ánh Dương – Ngọc Hồi")).toBe("anh duong ngoc hoi");
  });
  test("keeps CJK text searchable", () => {
    expect(normalizeSearchText("ハノイ裾野産業")).toBe("ハノイ裾野産業");
  });
  test("folds full-width and half-width forms, as Japanese and Korean input methods type them", () => {
    expect(normalizeSearchText("ＣＮＣ　５軸")).toBe(normalizeSearchText("CNC 5軸"));
    expect(normalizeSearchText("ＣＮＣ　５軸")).toBe("cnc 5軸");
    expect(normalizeSearchText("ﾊﾉｲ")).toBe(normalizeSearchText("ハノイ"));
    expect(normalizeSearchText("ﾌﾟﾚｽ")).toBe("プレス");
  });
  test("keeps kana voicing marks (プ is not フ) and Hangul in syllables", () => {
    expect(normalizeSearchText("プレス")).toBe("プレス");
    expect(normalizeSearchText("ダイカスト")).not.toBe(normalizeSearchText("タイカスト"));
    expect(normalizeSearchText("금형 제작")).toBe("금형 제작");
  });
});
