import { stringify, type Options } from "csv-stringify/sync";

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with =, +, -, @, a tab
 * or a carriage return is read as a formula when an organiser opens an export in a spreadsheet.
 * Such a text cell is written with a single quote in front, which the spreadsheet shows as text.
 * A cell already starting with quotes before one of those characters gets one more quote, so the
 * import can remove exactly one and every text value reads back as it was ("+84 24 3826 1234",
 * "-40 °C", "'s-Hertogenbosch" and "'=x" alike). Numbers are written as numbers: a number cannot
 * carry a formula, and a negative one stays a number in the spreadsheet.
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const QUOTED = /^'+[=+\-@\t\r]/;

/** A text cell as it goes into an export. */
export function neutraliseFormula(cell: string): string {
  return NEEDS_QUOTE.test(cell) ? `'${cell}` : cell;
}

/**
 * A cell as an import reads it: the quote an export put in front is removed. Other cells are taken
 * as written (a value such as "=1+1" typed into a list is harmless inside Ketnoi, which never
 * evaluates it, and is quoted again in the next export).
 */
export function restoreFormulaCell(cell: string): string {
  return QUOTED.test(cell) ? cell.slice(1) : cell;
}

/** CSV for spreadsheets: every text cell neutralised (headers are ours and safe). */
export function stringifyForSpreadsheet(rows: Record<string, string | number>[], options: Options): string {
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? neutraliseFormula(v) : v])));
  return stringify(safe, options);
}
