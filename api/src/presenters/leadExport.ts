import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { LeadView } from "@ketnoi/contracts";
import { stringifyForSpreadsheet } from "../domain/csvCells";

/** The columns of a firm's lead export, in order (CSV header and the sheet's first row alike). */
export const LEAD_EXPORT_COLUMNS = [
  "scanned_at",
  "name",
  "role",
  "company",
  "country",
  "email",
  "rating",
  "tags",
  "note",
  "scanned_by",
  "updated_at",
] as const;
type Row = Record<(typeof LEAD_EXPORT_COLUMNS)[number], string | number>;

/**
 * One lead as an export row: instants as ISO 8601 with the offset of the reader's zone (one text that
 * reads the same in every spreadsheet and sorts), the follow-up tags as their codes (a CRM maps them),
 * an e-mail address only where the visitor shares it.
 */
function row(lead: LeadView, zone: string): Row {
  const at = (iso: string) => DateTime.fromISO(iso).setZone(zone).toISO({ suppressMilliseconds: true }) ?? iso;
  return {
    scanned_at: at(lead.scannedAt),
    name: lead.visitor.name,
    role: lead.visitor.role,
    company: lead.visitor.company?.name ?? "",
    country: lead.visitor.company?.country ?? "",
    email: lead.visitor.email ?? "",
    rating: lead.rating ?? "",
    tags: lead.tags.join("; "),
    note: lead.note,
    scanned_by: lead.scannedBy?.name ?? "",
    updated_at: at(lead.updatedAt),
  };
}

/** The firm's leads as CSV for spreadsheets (BOM and header; text cells safe from formula injection). */
export function presentLeadsCsv(leads: LeadView[], zone: string): string {
  return stringifyForSpreadsheet(
    leads.map((l) => row(l, zone)),
    { header: true, bom: true, columns: [...LEAD_EXPORT_COLUMNS] },
  );
}

/**
 * The same rows as an Excel workbook. Every text goes in as a text cell (never a formula: exceljs
 * writes a formula only when given one), so the note "=1+1" is shown as written.
 */
export async function presentLeadsXlsx(leads: LeadView[], zone: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ketnoi";
  const sheet = workbook.addWorksheet("Leads", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LEAD_EXPORT_COLUMNS.map((key) => ({ header: key, key, width: key === "note" ? 60 : 22 }));
  sheet.getRow(1).font = { bold: true };
  for (const lead of leads) sheet.addRow(row(lead, zone));
  sheet.getColumn("note").alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
