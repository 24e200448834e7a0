import fc from "fast-check";
import { breakPieces, cjkFaceFor, fitText, truncateToWidth } from "./badgeText";

/** A stand-in for a font: every character half the size wide, CJK characters the whole size. */
const width = (text: string, size: number) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? size : size / 2), 0);

describe("badge texts", () => {
  test("a name's Han characters take its firm's country's forms; kana and hangul decide alone", () => {
    expect(cjkFaceFor(["佐藤 健二"], "JP")).toBe("jp");
    expect(cjkFaceFor(["陳美玲"], "TW")).toBe("tc");
    expect(cjkFaceFor(["陈美玲"], "CN")).toBe("sc");
    expect(cjkFaceFor(["김민준"], "VN", "vi")).toBe("kr");
    expect(cjkFaceFor(["さとう けんじ"], "KR")).toBe("jp");
    expect(cjkFaceFor(["佐藤"], undefined, "ja")).toBe("jp");
    expect(cjkFaceFor(["Sato Kenji", "トヨタ自動車株式会社"], "VN")).toBe("jp");
    expect(cjkFaceFor(["Nguyễn Văn A"])).toBe("tc");
  });

  test("a line may break after a space or between Chinese and Japanese characters, never inside a Latin or Korean word", () => {
    expect(breakPieces("Trần Thị Hoa")).toEqual(["Trần ", "Thị ", "Hoa"]);
    expect(breakPieces("株式会社 ABC")).toEqual(["株", "式", "会", "社", " ", "ABC"]);
    expect(breakPieces("대성정밀 주식회사")).toEqual(["대성정밀 ", "주식회사"]);
  });

  test("a name that fits stays whole at the largest size; a longer one wraps evenly, then shrinks", () => {
    expect(fitText("Sato Kenji", width, { maxWidth: 200, maxSize: 20, minSize: 10, maxLines: 2 })).toEqual({ size: 20, lines: ["Sato Kenji"] });
    const box = { maxWidth: 150, maxSize: 12, minSize: 8, maxLines: 2 };
    expect(fitText("Công ty Cổ phần Dây và Cáp điện Đại Việt", width, box)).toEqual({
      size: 12,
      lines: ["Công ty Cổ phần Dây", "và Cáp điện Đại Việt"],
    });
    expect(fitText("陳美玲陳美玲陳美玲", width, { maxWidth: 100, maxSize: 20, minSize: 8, maxLines: 1 }).size).toBe(11);
  });

  test("what cannot fit is cut with an ellipsis", () => {
    const box = { maxWidth: 60, maxSize: 12, minSize: 10, maxLines: 2 };
    const fitted = fitText("Nguyễn Hoàng Phương Thảo Bảo Ngọc Thiên Hương Minh Khuê", width, box);
    expect(fitted.size).toBe(10);
    expect(fitted.lines).toEqual(["Nguyễn Hoàng", "Phương Thảo…"]);
    expect(truncateToWidth("ABCDEFGH", (s) => s.length, 5)).toBe("ABCD…");
  });

  test("whatever the text, no line is wider than the box and there are never more lines than allowed", () => {
    const texts = fc.string({ unit: "grapheme", maxLength: 120 });
    const lineCounts = fc.integer({ min: 1, max: 3 });
    const widths = fc.integer({ min: 40, max: 300 });
    fc.assert(
      fc.property(texts, lineCounts, widths, (text, maxLines, maxWidth) => {
        const fitted = fitText(text, width, { maxWidth, maxSize: 24, minSize: 8, maxLines });
        expect(fitted.lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of fitted.lines) expect(width(line, fitted.size)).toBeLessThanOrEqual(maxWidth);
      }),
    );
  });
});
