import PDFDocument from "pdfkit";
import { DateTime } from "luxon";
import {
  MEETING_OUTCOMES,
  PROGRAMME_MEASURES,
  pickText,
  type ProgrammeEventRow,
  type ProgrammeMeasure,
  type ProgrammeTargetsBody,
  type TargetRange,
} from "@ketnoi/contracts";
import { COUNTING_NOTES, EVENT_KIND_LABELS, MEASURE_LABELS, MEASURE_SHORT, MEASURE_SOURCES, OUTCOME_LABELS } from "../../domain/programmeReportText";
import type { BadgeFonts } from "../badgePdf/fonts";
import { barChart, niceTicks } from "./charts";
import { CONTENT_W, FILL, GREY, INK, PAGE, PdfCanvas } from "./pdfCanvas";

/** What the report says: the year's targets, the progress counted across its events, each event. */
export interface ProgrammeReportDocument {
  year: number;
  producedAt: Date;
  targets: ProgrammeTargetsBody;
  /** Whether organisers entered the targets (else the plans' own figures). */
  targetsEntered: boolean;
  progress: Record<ProgrammeMeasure, number>;
  events: ProgrammeEventRow[];
  /** The certifications and countries counted, already named in Vietnamese. */
  standards: string[];
  makerCountries: string[];
}

export interface ProgrammeReportPrinter {
  print(report: ProgrammeReportDocument): Promise<Buffer>;
}

/** Times in the report are Hanoi's, whoever downloads it. */
const ZONE = "Asia/Ho_Chi_Minh";
const BLUE = "#1d4ed8";
const ORANGE = "#c2410c";
const nf = new Intl.NumberFormat("vi-VN");
const pf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const range = (r: TargetRange) => (r.min === r.max ? nf.format(r.min) : `${nf.format(r.min)}–${nf.format(r.max)}`);
/** Progress as a share of a target's low end (reaching it meets the target); none for a target of 0. */
export const shareOf = (value: number, r: TargetRange): number | undefined => (r.min > 0 ? (value / r.min) * 100 : undefined);
const percent = (p: number | undefined) => (p === undefined ? "—" : `${pf.format(p)}%`);
const day = (d: string) => DateTime.fromISO(d).toFormat("dd/MM/yyyy");
/** An event's days as a short span: 09–10/04/2026, 30/04–02/05/2026, or one day. */
function days(list: string[]) {
  const [first, last] = [DateTime.fromISO(list[0] ?? ""), DateTime.fromISO(list.at(-1) ?? "")];
  if (first.equals(last)) return day(list[0] ?? "");
  if (first.year !== last.year) return `${day(list[0]!)}–${day(list.at(-1)!)}`;
  return `${first.toFormat(first.month === last.month ? "dd" : "dd/MM")}–${last.toFormat("dd/MM/yyyy")}`;
}
const positive = (e: ProgrammeEventRow) => MEETING_OUTCOMES.filter((o) => o !== "not_relevant").reduce((n, o) => n + (e.outcomes[o] ?? 0), 0);

function titleBlock(c: PdfCanvas, r: ProgrammeReportDocument) {
  const produced = DateTime.fromJSDate(r.producedAt).setZone(ZONE);
  const half = CONTENT_W / 2;
  const right = PAGE.left + half - 10;
  const rightW = half + 10;
  c.text("UBND THÀNH PHỐ HÀ NỘI", PAGE.left, c.y, { size: 10.5, width: half - 20, align: "center" });
  c.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, c.y, { size: 10.5, bold: true, width: rightW, align: "center" });
  c.y += 14;
  c.text("SỞ CÔNG THƯƠNG", PAGE.left, c.y, { size: 10.5, bold: true, width: half - 20, align: "center" });
  c.text("Độc lập - Tự do - Hạnh phúc", right, c.y, { size: 11, bold: true, width: rightW, align: "center" });
  c.y += 16;
  const rule = (x: number, w: number, len: number) =>
    c.doc
      .moveTo(x + (w - len) / 2, c.y)
      .lineTo(x + (w + len) / 2, c.y)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke();
  rule(PAGE.left, half - 20, 70);
  rule(right, rightW, 150);
  c.y += 10;
  c.text(`Hà Nội, ngày ${produced.toFormat("dd")} tháng ${produced.toFormat("MM")} năm ${produced.toFormat("yyyy")}`, right, c.y, {
    size: 10,
    width: rightW,
    align: "center",
    color: GREY,
  });
  c.y += 36;
  c.text("BÁO CÁO", PAGE.left, c.y, { size: 17, bold: true, align: "center" });
  c.y += 24;
  const title = [
    "Kết quả thực hiện các chỉ tiêu Chương trình phát triển",
    "công nghiệp hỗ trợ và sản phẩm công nghiệp chủ lực",
    `thành phố Hà Nội năm ${r.year}`,
  ];
  for (const line of title) {
    c.text(line, PAGE.left, c.y, { size: 12.5, bold: true, align: "center" });
    c.y += 17;
  }
  c.y += 6;
  c.text("Kính gửi: Ủy ban nhân dân thành phố Hà Nội", PAGE.left, c.y, { size: 11, align: "center" });
  c.y += 28;

  const boxTop = c.y;
  const lines = [
    `Kỳ báo cáo: năm ${r.year} · ${nf.format(r.events.length)} sự kiện xúc tiến, kết nối trong năm`,
    r.targetsEntered
      ? `Chỉ tiêu: do Sở Công Thương nhập cho năm ${r.year} theo kế hoạch của UBND Thành phố`
      : "Chỉ tiêu: Kế hoạch số 35/KH-UBND (CNHT) và số 267/KH-UBND (sản phẩm công nghiệp chủ lực)",
    `Số liệu lập lúc ${produced.toFormat("HH:mm")} ngày ${produced.toFormat("dd/MM/yyyy")} (giờ Hà Nội) từ hệ thống Ketnoi`,
  ];
  c.doc
    .rect(PAGE.left, boxTop, CONTENT_W, 14 + lines.length * 15)
    .fillColor(FILL)
    .fill();
  c.y += 8;
  for (const line of lines) {
    c.text(line, PAGE.left + 10, c.y, { size: 9.5, width: CONTENT_W - 20 });
    c.y += 15;
  }
  c.y += 14;
}

function targetsSection(c: PdfCanvas, r: ProgrammeReportDocument) {
  c.heading("I. KẾT QUẢ SO VỚI CHỈ TIÊU");
  c.paragraph("Bảng 1. Chỉ tiêu và kết quả thực hiện", { size: 9.5, bold: true }, 6);
  c.table(
    [
      { title: "TT", width: 22, align: "center" },
      { title: "Chỉ tiêu", width: 178 },
      { title: "Kế hoạch", width: 55, align: "right" },
      { title: "Thực hiện", width: 55, align: "right" },
      { title: "Tỷ lệ so với kế hoạch", width: 62, align: "right" },
      { title: "Căn cứ", width: CONTENT_W - 372 },
    ],
    PROGRAMME_MEASURES.map((m, i) => [
      String(i + 1),
      c.wrapped(MEASURE_LABELS[m]),
      range(r.targets[m]),
      nf.format(r.progress[m]),
      percent(shareOf(r.progress[m], r.targets[m])),
      MEASURE_SOURCES[m],
    ]),
    28,
  );
  c.paragraph("Tỷ lệ tính trên mức thấp của chỉ tiêu (ví dụ 30 trong “30–40”): đạt mức thấp là đạt chỉ tiêu.", { size: 8.5, color: GREY }, 10);
  const shares = PROGRAMME_MEASURES.map((m) => shareOf(r.progress[m], r.targets[m]) ?? 0);
  // Up to twice the target: a figure far past it still shows as past it, without flattening the others.
  const scale = niceTicks(Math.max(100, ...shares.map((s) => Math.min(s, 200))));
  barChart(
    c,
    "Biểu đồ 1. Tỷ lệ hoàn thành từng chỉ tiêu (%)",
    PROGRAMME_MEASURES.map((m, i) => ({
      label: MEASURE_SHORT[m],
      segments: [{ value: shares[i]!, color: shares[i]! >= 100 ? "#047857" : shares[i]! >= 50 ? "#b45309" : "#b3261e" }],
      caption: percent(shareOf(r.progress[m], r.targets[m])),
    })),
    { ...scale, tickLabel: (v) => `${v}%`, reference: 100 },
  );
}

function eventsSection(c: PdfCanvas, r: ProgrammeReportDocument) {
  c.heading("II. KẾT QUẢ THEO SỰ KIỆN");
  if (!r.events.length) {
    c.paragraph(`Năm ${r.year} chưa có sự kiện nào.`, { size: 10 });
    return;
  }
  const scale = niceTicks(Math.max(1, ...r.events.map((e) => e.firms)));
  barChart(
    c,
    "Biểu đồ 2. Số doanh nghiệp tham gia theo sự kiện",
    r.events.map((e) => ({
      label: pickText(e.name, "vi"),
      segments: [
        { value: e.domesticFirms, color: BLUE },
        { value: e.foreignFirms, color: ORANGE },
      ],
      caption: nf.format(e.firms),
    })),
    {
      ...scale,
      tickLabel: (v) => nf.format(v),
      legend: [
        ["Doanh nghiệp Hà Nội", BLUE],
        ["Doanh nghiệp nước ngoài", ORANGE],
      ],
    },
  );
  c.paragraph("Bảng 2. Các sự kiện trong năm", { size: 9.5, bold: true }, 6);
  c.table(
    [
      { title: "TT", width: 20, align: "center" },
      { title: "Sự kiện", width: 120 },
      { title: "Hình thức", width: 84 },
      { title: "Thời gian", width: 76 },
      { title: "DN tham gia", width: 45, align: "right" },
      { title: "DN Hà Nội", width: 45, align: "right" },
      { title: "DN nước ngoài", width: 45, align: "right" },
      { title: "Cuộc gặp đã diễn ra", width: CONTENT_W - 435, align: "right" },
    ],
    r.events.map((e, i) => [
      String(i + 1),
      c.wrapped(pickText(e.name, "vi")),
      c.wrapped(EVENT_KIND_LABELS[e.kind]),
      days(e.days),
      nf.format(e.firms),
      nf.format(e.domesticFirms),
      nf.format(e.foreignFirms),
      nf.format(e.meetingsHeld),
    ]),
    28,
    34,
  );
  c.paragraph("Bảng 3. Kết quả sau cuộc gặp do doanh nghiệp ghi nhận", { size: 9.5, bold: true }, 6);
  const shown = r.events.slice(0, 6);
  c.table(
    [
      { title: "Kết quả", width: CONTENT_W - 50 - shown.length * 42 },
      ...shown.map((_, i) => ({ title: `Sự kiện ${i + 1}`, width: 42, align: "right" as const })),
      { title: "Cả năm", width: 50, align: "right" },
    ],
    MEETING_OUTCOMES.map((o) => [
      OUTCOME_LABELS[o],
      ...shown.map((e) => nf.format(e.outcomes[o] ?? 0)),
      nf.format(r.events.reduce((n, e) => n + (e.outcomes[o] ?? 0), 0)),
    ]),
  );
  if (r.events.length > 6)
    c.paragraph("Bảng 3 nêu sáu sự kiện đầu; cột Cả năm tính mọi sự kiện (chi tiết trong tệp XLSX kèm theo).", { size: 8.5, color: GREY });
  c.paragraph(`Kết quả tích cực (trừ “không phù hợp”) cả năm: ${nf.format(r.events.reduce((n, e) => n + positive(e), 0))}.`, { size: 9.5 }, 8);
}

function notesSection(c: PdfCanvas, r: ProgrammeReportDocument) {
  c.heading("III. CÁCH TÍNH SỐ LIỆU");
  for (const note of [
    COUNTING_NOTES.approved,
    COUNTING_NOTES.year,
    COUNTING_NOTES.certified(r.standards.join(", ")),
    COUNTING_NOTES.makers(r.makerCountries.join(", ")),
    COUNTING_NOTES.keyProducts(r.year),
  ])
    c.paragraph(`– ${note}`, { size: 9, width: CONTENT_W - 8 }, 5);
}

/** Each page's foot: what the report is, when it was made (Hanoi time), and the page of how many. */
function footers(doc: PDFKit.PDFDocument, c: PdfCanvas, r: ProgrammeReportDocument) {
  const { start, count } = doc.bufferedPageRange();
  const produced = DateTime.fromJSDate(r.producedAt).setZone(ZONE).toFormat("HH:mm dd/MM/yyyy");
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = PAGE.h - PAGE.bottom + 24;
    doc
      .moveTo(PAGE.left, y - 6)
      .lineTo(PAGE.left + CONTENT_W, y - 6)
      .lineWidth(0.4)
      .strokeColor("#cccccc")
      .stroke();
    c.text(`Báo cáo Chương trình năm ${r.year} · lập lúc ${produced} (giờ Hà Nội)`, PAGE.left, y, { size: 8, color: GREY, width: CONTENT_W - 80 });
    c.text(`Trang ${i - start + 1}/${count}`, PAGE.left + CONTENT_W - 80, y, { size: 8, color: GREY, width: 80, align: "right" });
  }
}

/** Prints the periodic report: A4, in Vietnamese, with the process's fonts (those badges use, loaded once). */
export function createProgrammeReportPrinter(fonts: () => BadgeFonts): ProgrammeReportPrinter {
  return {
    async print(r) {
      const loaded = fonts();
      const title = `Báo cáo kết quả thực hiện chỉ tiêu Chương trình năm ${r.year}`;
      const doc = new PDFDocument({
        size: "A4",
        margin: 0,
        bufferPages: true,
        info: { Title: title, Author: "Sở Công Thương Hà Nội", Creator: "Ketnoi" },
      });
      const chunks: Buffer[] = [];
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise<Buffer>((resolve, reject) => {
        doc.on("end", () => resolve(Buffer.concat(chunks)));
        doc.on("error", reject);
      });
      const c = new PdfCanvas(doc, loaded);
      titleBlock(c, r);
      targetsSection(c, r);
      eventsSection(c, r);
      notesSection(c, r);
      footers(doc, c, r);
      doc.end();
      return done;
    },
  };
}
