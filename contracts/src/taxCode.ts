const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * The check digit of a Vietnamese tax code (mã số thuế): digit 10 is
 * 10 - (weighted sum of digits 1-9 mod 11). A result of 10 has no valid digit: that prefix is unused.
 */
export function taxCodeCheckDigit(firstNine: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/** A 10-digit code, or 13 with a branch suffix "-NNN" or "NNN". */
export function isValidTaxCode(code: string): boolean {
  const match = /^(\d{9})(\d)(?:-?(\d{3}))?$/.exec(code);
  if (!match) return false;
  if (match[3] === "000") return false;
  return taxCodeCheckDigit(match[1]!) === Number(match[2]);
}
