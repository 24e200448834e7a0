import { isValidTaxCode, taxCodeCheckDigit } from "./taxCode";

describe("Vietnamese tax codes", () => {
  test("accepts 10 digits with the right check digit, and a 13-digit branch code", () => {
    const nine = "010010137";
    const code = `${nine}${taxCodeCheckDigit(nine)}`;
    expect(isValidTaxCode(code)).toBe(true);
    expect(isValidTaxCode(`${code}001`)).toBe(true);
    expect(isValidTaxCode(`${code}-002`)).toBe(true);
  });
  test("refuses a wrong check digit, wrong lengths, letters and a 000 branch", () => {
    const nine = "010010137";
    const wrong = (Number(taxCodeCheckDigit(nine)) + 1) % 10;
    expect(isValidTaxCode(`${nine}${wrong}`)).toBe(false);
    expect(isValidTaxCode("01001013")).toBe(false);
    expect(isValidTaxCode("01001013A5")).toBe(false);
    expect(isValidTaxCode(`${nine}${taxCodeCheckDigit(nine)}000`)).toBe(false);
  });
});
