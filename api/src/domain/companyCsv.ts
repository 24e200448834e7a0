import { parse } from "csv-parse/sync";
import type { z } from "zod";
import {
  CompanyProfileSchema,
  companySearchKey,
  isValidTaxCode,
  normalizeSearchText,
  type CompanyProfile,
  type TaxonomyTerm,
} from "@ketnoi/contracts";
import { findBadTaxonomyCodes } from "./taxonomyCodes";
import { restoreFormulaCell, stringifyForSpreadsheet } from "./csvCells";

/** The columns of the organisers' company lists (UTF-8; lists inside a cell are separated by ";"). */
export const COMPANY_CSV_COLUMNS = [
  "kind",
  "legal_name",
  "english_name",
  "tax_code",
  "country",
  "district",
  "time_zone",
  "participation",
  "sectors",
  "processes",
  "certifications",
  "offers",
  "languages",
  "employees",
  "export_markets",
  "description_vi",
  "description_en",
  "listed",
] as const;

export interface CsvRowError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  field: string;
  /** A message key of the api's field messages, or zod's own message. */
  message: string;
}

export interface ParsedCompanyCsv {
  rows: { line: number; profile: CompanyProfile }[];
  errors: CsvRowError[];
}

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads a company list. Each row is checked on its own (schema, tax code, taxonomy codes, duplicate
 * within the file); a row with any problem is reported and left out whole, the others are kept.
 * A cell an export quoted against spreadsheet formulas reads back as it was (./csvCells).
 */
export function parseCompanyCsv(text: string, terms: TaxonomyTerm[], errorMap?: z.core.$ZodErrorMap): ParsedCompanyCsv {
  const records = parse(text.replace(/^\uFEFF/, ""), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    cast: (cell) => restoreFormulaCell(cell),
  }) as Record<string, string>[];
  const out: ParsedCompanyCsv = { rows: [], errors: [] };
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 2;
    const errors: CsvRowError[] = [];
    const kind = r.kind === "foreign" ? "foreign" : "domestic";
    const taxCode = r.tax_code?.replace(/\s/g, "") || undefined;
    const country = (r.country || (kind === "domestic" ? "VN" : "")).toUpperCase();
    if (kind === "domestic" && (!taxCode || !isValidTaxCode(taxCode))) errors.push({ line, field: "tax_code", message: "invalidTaxCode" });
    const registrationKey =
      kind === "domestic" ? `VN:${(taxCode ?? "").slice(0, 10)}` : `${country}:${normalizeSearchText(r.legal_name ?? "").replace(/ /g, "-")}`;
    if (seen.has(registrationKey)) errors.push({ line, field: kind === "domestic" ? "tax_code" : "legal_name", message: "duplicateInFile" });
    seen.add(registrationKey);
    const candidate = {
      kind,
      registrationKey,
      legalName: r.legal_name ?? "",
      ...(r.english_name ? { englishName: r.english_name } : {}),
      ...(taxCode ? { taxCode } : {}),
      country,
      ...(r.district ? { district: r.district } : {}),
      timeZone: r.time_zone || (kind === "domestic" ? "Asia/Ho_Chi_Minh" : ""),
      participation: r.participation || (kind === "domestic" ? "onsite" : "remote"),
      sectors: list(r.sectors),
      processes: list(r.processes).map((code) => ({ code, materials: [] })),
      certifications: list(r.certifications).map((code) => ({ code })),
      products: [],
      needs: [],
      offers: list(r.offers).map((code) => ({ code })),
      requirements: [],
      languages: list(r.languages),
      ...(r.employees ? { employees: Number(r.employees) } : {}),
      exportMarkets: list(r.export_markets).map((c) => c.toUpperCase()),
      ...(r.description_vi || r.description_en
        ? { description: { ...(r.description_vi ? { vi: r.description_vi } : {}), ...(r.description_en ? { en: r.description_en } : {}) } }
        : {}),
      listed: !["0", "false", "no", "không"].includes((r.listed ?? "").toLowerCase()),
      searchKey: "",
    };
    const parsed = CompanyProfileSchema.safeParse(candidate, errorMap ? { error: errorMap } : undefined);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, field: issue.path.join("."), message: issue.message });
    } else {
      for (const [field, message] of Object.entries(findBadTaxonomyCodes(parsed.data, terms))) errors.push({ line, field, message });
    }
    if (errors.length || !parsed.success) out.errors.push(...errors);
    else out.rows.push({ line, profile: { ...parsed.data, searchKey: companySearchKey(parsed.data) } });
  });
  return out;
}

/** Companies as a CSV in the import format (so an export can be edited and imported again). */
type CsvCompany = Pick<
  CompanyProfile,
  | "kind"
  | "legalName"
  | "englishName"
  | "taxCode"
  | "country"
  | "district"
  | "timeZone"
  | "participation"
  | "sectors"
  | "processes"
  | "certifications"
  | "offers"
  | "languages"
  | "employees"
  | "exportMarkets"
  | "description"
  | "listed"
>;

export function companiesToCsv(companies: CsvCompany[]): string {
  return stringifyForSpreadsheet(
    companies.map((c) => ({
      kind: c.kind,
      legal_name: c.legalName,
      english_name: c.englishName ?? "",
      tax_code: c.taxCode ?? "",
      country: c.country,
      district: c.district ?? "",
      time_zone: c.timeZone,
      participation: c.participation,
      sectors: c.sectors.join(";"),
      processes: c.processes.map((p) => p.code).join(";"),
      certifications: c.certifications.map((x) => x.code).join(";"),
      offers: c.offers.map((o) => o.code).join(";"),
      languages: c.languages.join(";"),
      employees: c.employees ?? "",
      export_markets: c.exportMarkets.join(";"),
      description_vi: c.description?.vi ?? "",
      description_en: c.description?.en ?? "",
      listed: c.listed ? "1" : "0",
    })),
    { header: true, columns: [...COMPANY_CSV_COLUMNS], bom: true },
  );
}
