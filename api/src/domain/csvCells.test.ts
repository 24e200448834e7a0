import { parse } from "csv-parse/sync";
import { neutraliseFormula, restoreFormulaCell, stringifyForSpreadsheet } from "./csvCells";

describe("CSV cells against spreadsheet formulas", () => {
  test("cells a spreadsheet would evaluate get a quote in front", () => {
    for (const cell of ['=HYPERLINK("http://x")', "+84 24 3826 1234", "-40 °C", "@SUM(A1)", "\tx", "\rx"])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["Công ty TNHH", "'s-Hertogenbosch Metaal", "", "84+1", "a=b"]) expect(neutraliseFormula(cell)).toBe(cell);
  });

  test("the import removes exactly the quote the export added: every text reads back as it was", () => {
    for (const cell of ["=1+1", "+84 24 3826 1234", "-5", "@x", "'s-Hertogenbosch", "'=x", "''+y", "plain", "\tx"]) {
      expect(restoreFormulaCell(neutraliseFormula(cell))).toBe(cell);
    }
    // Written by hand: a quote before a formula character is the same escape; other quotes stay.
    expect(restoreFormulaCell("'+84 912")).toBe("+84 912");
    expect(restoreFormulaCell("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });

  test("numbers stay numbers (a negative one too); text cells are neutralised in the file", () => {
    const text = stringifyForSpreadsheet([{ name: "=cmd|' /C calc'!A0", delta: -5, phone: "+84 912 345 678" }], { header: true });
    const [row] = parse(text, { columns: true }) as Record<string, string>[];
    expect(row).toEqual({ name: "'=cmd|' /C calc'!A0", delta: "-5", phone: "'+84 912 345 678" });
  });
});
