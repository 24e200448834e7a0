import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { MEETING_OUTCOMES, PROGRAMME_MEASURES, type ProgrammeTargetsBody, pickText } from "@ketnoi/contracts";
import type { ProgrammeCount } from "../domain/programmeProgress";
import { COUNTING_NOTES, EVENT_KIND_LABELS, MEASURE_LABELS, MEASURE_SOURCES, OUTCOME_LABELS } from "../domain/programmeReportText";

export interface ProgrammeWorkbookInput extends ProgrammeCount {
  year: number;
  targets: ProgrammeTargetsBody;
  entered: boolean;
  producedAt: Date;
  /** Named in Vietnamese. */
  standards: string[];
  makerCountries: string[];
}

const bold = (sheet: ExcelJS.Worksheet) => {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
};

/**
 * The figures under the report, as a workbook: targets against progress, each event, and each firm
 * with what it counts towards (1 or 0 per measure), so anyone can re-count or filter them. Headers in
 * Vietnamese like the report, beside the machine-readable code of each measure; numbers are numbers,
 * texts text cells (exceljs writes a formula only when given one, so a firm named "=x" stays a name).
 */
export async function presentProgrammeWorkbook(p: ProgrammeWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Ketnoi";
  wb.title = `Báo cáo Chương trình năm ${p.year}`;
  wb.created = p.producedAt;

  const targets = wb.addWorksheet("Chỉ tiêu");
  targets.columns = [
    { header: "Mã", key: "code", width: 18 },
    { header: "Chỉ tiêu", key: "label", width: 52 },
    { header: "Căn cứ", key: "source", width: 16 },
    { header: "Kế hoạch (thấp)", key: "min", width: 15 },
    { header: "Kế hoạch (cao)", key: "max", width: 15 },
    { header: "Thực hiện", key: "value", width: 12 },
    { header: "Tỷ lệ so với mức thấp (%)", key: "share", width: 24 },
  ];
  for (const m of PROGRAMME_MEASURES) {
    const { min, max } = p.targets[m];
    const value = p.progress[m];
    targets.addRow({
      code: m,
      label: MEASURE_LABELS[m],
      source: MEASURE_SOURCES[m],
      min,
      max,
      value,
      share: min > 0 ? Math.round((value / min) * 1000) / 10 : null,
    });
  }
  bold(targets);

  const events = wb.addWorksheet("Sự kiện");
  events.columns = [
    { header: "Mã sự kiện", key: "slug", width: 24 },
    { header: "Tên", key: "name", width: 48 },
    { header: "Loại", key: "kind", width: 12 },
    { header: "Hình thức", key: "kindLabel", width: 32 },
    { header: "Ngày đầu", key: "first", width: 12 },
    { header: "Ngày cuối", key: "last", width: 12 },
    { header: "Múi giờ", key: "timeZone", width: 20 },
    { header: "DN tham gia", key: "firms", width: 12 },
    { header: "DN Hà Nội", key: "domestic", width: 12 },
    { header: "DN nước ngoài", key: "foreign", width: 14 },
    { header: "Cuộc gặp đã diễn ra", key: "held", width: 18 },
    ...MEETING_OUTCOMES.map((o) => ({ header: OUTCOME_LABELS[o], key: `outcome_${o}`, width: 18 })),
  ];
  for (const e of p.events)
    events.addRow({
      slug: e.slug,
      name: pickText(e.name, "vi"),
      kind: e.kind,
      kindLabel: EVENT_KIND_LABELS[e.kind],
      first: e.days[0],
      last: e.days.at(-1),
      timeZone: e.timeZone,
      firms: e.firms,
      domestic: e.domesticFirms,
      foreign: e.foreignFirms,
      held: e.meetingsHeld,
      ...Object.fromEntries(MEETING_OUTCOMES.map((o) => [`outcome_${o}`, e.outcomes[o] ?? 0])),
    });
  bold(events);

  const firms = wb.addWorksheet("Doanh nghiệp");
  const counted = PROGRAMME_MEASURES.filter((m) => m !== "keyProducts");
  firms.columns = [
    { header: "Mã doanh nghiệp", key: "id", width: 26 },
    { header: "Tên", key: "legalName", width: 48 },
    { header: "Tên tiếng Anh", key: "englishName", width: 36 },
    { header: "Loại", key: "kind", width: 10 },
    { header: "Quốc gia", key: "country", width: 9 },
    { header: "Sự kiện tham gia", key: "events", width: 36 },
    ...counted.map((m) => ({ header: m, key: m, width: 16 })),
    { header: "keyProducts", key: "keyProducts", width: 12 },
  ];
  for (const f of p.firms)
    firms.addRow({
      id: f.id,
      legalName: f.legalName,
      englishName: f.englishName ?? "",
      kind: f.kind,
      country: f.country,
      events: f.events.join("; "),
      ...Object.fromEntries(counted.map((m) => [m, f.counts[m as keyof typeof f.counts] ? 1 : 0])),
      keyProducts: f.keyProducts,
    });
  bold(firms);

  const notes = wb.addWorksheet("Cách tính");
  notes.columns = [
    { header: "Mục", key: "item", width: 28 },
    { header: "Nội dung", key: "text", width: 110 },
  ];
  const produced = DateTime.fromJSDate(p.producedAt).setZone("Asia/Ho_Chi_Minh");
  notes.addRows([
    { item: "Năm báo cáo", text: String(p.year) },
    { item: "Lập lúc (giờ Hà Nội)", text: produced.toFormat("yyyy-MM-dd HH:mm") },
    { item: "Chỉ tiêu", text: p.entered ? "Do ban tổ chức nhập cho năm này" : "Theo Kế hoạch 35/KH-UBND và 267/KH-UBND (mặc định)" },
    { item: "Doanh nghiệp tham gia", text: COUNTING_NOTES.approved },
    { item: "Năm của sự kiện", text: COUNTING_NOTES.year },
    { item: "certifiedFirms", text: COUNTING_NOTES.certified(p.standards.join(", ")) },
    { item: "technologyMakers", text: COUNTING_NOTES.makers(p.makerCountries.join(", ")) },
    { item: "keyProducts", text: COUNTING_NOTES.keyProducts(p.year) },
  ]);
  notes.getColumn("text").alignment = { wrapText: true, vertical: "top" };
  bold(notes);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
