import { readFileSync } from "node:fs";
import path from "node:path";
import { MatchOutputSchema } from "./format";
import { MatchInputError, runMatch } from "./runMatch";

const example = JSON.parse(readFileSync(path.resolve(__dirname, "../../../../docs/matching-example.json"), "utf8"));

describe("the match command's core", () => {
  const { output } = runMatch(example, { k: 10, locale: "en" });

  test("writes a valid output with a list for every participant", () => {
    expect(MatchOutputSchema.parse(output)).toEqual(output);
    expect(Object.keys(output.recommendations).sort()).toEqual(example.participants.map((p: { id: string }) => p.id).sort());
  });

  test("the documented example reads as the format document says", () => {
    const stamping = output.recommendations["vn-dap-thang-long"]!;
    expect(stamping.map((r) => r.id)).toEqual(["jp-owari-servo-press", "de-neckar-pressen"]);
    expect(stamping[0]!.text[0]).toBe("You need servo presses; they offer servo presses");
    // The Korean buyer requires a valid IATF 16949: the caster whose certificate expired in May 2026 is not proposed.
    expect(output.recommendations["kr-hyunsung-auto-parts"]!.map((r) => r.id)).toEqual(["vn-duc-nhom-dong-anh"]);
    expect(output.recommendations["kr-hyunsung-auto-parts"]![0]!.text).toContain("Holds IATF 16949, which you require");
    expect(output.recommendations["vn-duc-soc-son"]).toEqual([]);
  });

  test("renders the reasons in the asked language", () => {
    const vi = runMatch(example, { k: 3, locale: "vi" }).output;
    expect(vi.recommendations["vn-dap-thang-long"]![0]!.text[0]).toBe("Bạn cần máy dập servo; đối tác cung cấp máy dập servo");
    expect(vi.recommendations["vn-dap-thang-long"]!.length).toBeLessThanOrEqual(3);
  });

  test("refuses an invalid document, naming the field", () => {
    const broken = { ...example, participants: [...example.participants, example.participants[0]] };
    expect(() => runMatch(broken, { k: 10, locale: "en" })).toThrow(MatchInputError);
    expect(() => runMatch(broken, { k: 10, locale: "en" })).toThrow(/participants\.7\.id: duplicate id/);
    expect(() => runMatch({ ...example, version: 2 }, { k: 10, locale: "en" })).toThrow(/version/);
  });
});
