import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { BadgeLayout, UserRole } from "@ketnoi/contracts";
import type { CjkFace } from "../../domain/badgeText";
import type { BadgeFonts } from "./fonts";
import { Typesetter } from "./typesetter";

/** One person's badge, its texts already in the badge's languages. */
export interface BadgeCard {
  /** As the person entered it, in their own script. */
  name: string;
  /** The firm's legal name (in its own script), and its English name when that differs. */
  firm?: string;
  firmEnglish?: string;
  /** The country's name in the badge's languages. */
  country?: string;
  role: UserRole;
  /** The role in the badge's two languages: the fair's, then English. */
  roleLabels: [string, string];
  /** What the QR code holds: `<origin>/badge/<code>`. */
  url: string;
  /** The CJK forms the person's texts take. */
  cjk: CjkFace;
}

/** What every badge of a print run carries: the fair's name in the badge's two languages. */
export interface BadgeRun {
  fairName: [string, string];
  title: string;
}

export interface BadgePrinter {
  print(run: BadgeRun, cards: BadgeCard[], layout: BadgeLayout): Promise<Buffer>;
}

/** pdfkit's A6 and A4 in points; four A6 badges tile an A4 sheet (with 1 mm to spare in its height). */
const A6 = { w: 297.64, h: 419.53 };
const A4 = { w: 595.28, h: 841.89 };
/** Inner margin (5.6 mm): clear of a printer's unprintable edge and of a cut a little off the line. */
const MARGIN = 16;
const QR_SIZE = 136;
const BAND_HEIGHT = 40;
/** White around the QR code: at least the four modules a reader needs. */
const QR_QUIET = 16;
/** Door staff tell roles apart by colour at a glance; the band says it in words too. */
const ROLE_COLOURS: Record<UserRole, string> = { organiser: "#b3261e", domestic: "#1d4ed8", vendor: "#047857", interpreter: "#a15c07" };
const INK = "#111111";
const GREY = "#555555";

/** The QR code as vector squares (each row's runs of dark modules as one rectangle): sharp at any printer's resolution. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "Q" });
  const n = modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  // One fill for the whole symbol: no hairline seams between neighbouring squares.
  doc.fillColor("#000000").fill();
}

function drawBadge(doc: PDFKit.PDFDocument, type: Typesetter, run: BadgeRun, card: BadgeCard, ox: number, oy: number) {
  const x = ox + MARGIN;
  const width = A6.w - 2 * MARGIN;
  const face = card.cjk;
  const box = { x, width, color: INK, align: "center" as const };
  type.draw(run.fairName[0], face, { ...box, baseline: oy + MARGIN + 10, weight: "bold", maxSize: 10, minSize: 7, maxLines: 1, color: GREY });
  type.draw(run.fairName[1], face, { ...box, baseline: oy + MARGIN + 22, weight: "regular", maxSize: 8.5, minSize: 6, maxLines: 1, color: GREY });
  doc
    .moveTo(x, oy + MARGIN + 30)
    .lineTo(x + width, oy + MARGIN + 30)
    .lineWidth(0.5)
    .strokeColor("#999999")
    .stroke();

  // Name (two lines at most), firm, country: bounded so they always end above the QR code's quiet zone.
  let baseline = oy + MARGIN + 30 + 36;
  baseline = type.draw(card.name, face, { ...box, baseline, weight: "bold", maxSize: 26, minSize: 13, maxLines: 2, leading: 1.15 });
  baseline += 4;
  if (card.firm) baseline = type.draw(card.firm, face, { ...box, baseline, weight: "regular", maxSize: 14, minSize: 9, maxLines: 2 });
  const small = { ...box, weight: "regular" as const, minSize: 8, maxLines: 1, color: GREY };
  if (card.firmEnglish) baseline = type.draw(card.firmEnglish, face, { ...small, baseline, maxSize: 10 });
  if (card.country) type.draw(card.country, face, { ...small, baseline: baseline + 2, maxSize: 11 });

  const bandY = oy + A6.h - MARGIN - BAND_HEIGHT;
  drawQr(doc, card.url, ox + (A6.w - QR_SIZE) / 2, bandY - QR_QUIET - QR_SIZE, QR_SIZE);
  doc.roundedRect(x, bandY, width, BAND_HEIGHT, 6).fillColor(ROLE_COLOURS[card.role]).fill();
  const onBand = { ...box, x: x + 8, width: width - 16, color: "#ffffff" };
  const role = card.roleLabels[0].toLocaleUpperCase("vi");
  type.draw(role, face, { ...onBand, baseline: bandY + 17, weight: "bold", maxSize: 13, minSize: 8, maxLines: 1 });
  type.draw(card.roleLabels[1], face, { ...onBand, baseline: bandY + 32, weight: "regular", maxSize: 10, minSize: 7, maxLines: 1 });
}

/** Marks where a guillotine cuts an A4 sheet into four A6 badges: ticks in the sheet's margins and a cross at its centre. */
function drawCutMarks(doc: PDFKit.PDFDocument, top: number) {
  const midX = A4.w / 2;
  const midY = top + A6.h;
  const from = 10;
  const to = 28;
  const arm = 9;
  doc.lineWidth(0.5).strokeColor("#000000");
  doc
    .moveTo(midX, from)
    .lineTo(midX, to)
    .moveTo(midX, A4.h - from)
    .lineTo(midX, A4.h - to);
  doc
    .moveTo(from, midY)
    .lineTo(to, midY)
    .moveTo(A4.w - from, midY)
    .lineTo(A4.w - to, midY);
  doc
    .moveTo(midX - arm, midY)
    .lineTo(midX + arm, midY)
    .moveTo(midX, midY - arm)
    .lineTo(midX, midY + arm);
  doc.stroke();
}

/** Prints badges with the process's fonts (loaded on first use: see fonts.ts). */
export function createBadgePrinter(fonts: () => BadgeFonts): BadgePrinter {
  return {
    async print(run, cards, layout) {
      const loaded = fonts();
      const size = layout === "a4" ? "A4" : "A6";
      const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, info: { Title: run.title, Creator: "Ketnoi" } });
      const chunks: Buffer[] = [];
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise<Buffer>((resolve, reject) => {
        doc.on("end", () => resolve(Buffer.concat(chunks)));
        doc.on("error", reject);
      });
      const type = new Typesetter(doc, loaded);
      const top = (A4.h - 2 * A6.h) / 2;
      for (const [i, card] of cards.entries()) {
        if (layout === "a6") {
          doc.addPage();
          drawBadge(doc, type, run, card, 0, 0);
          continue;
        }
        const slot = i % 4;
        if (slot === 0) {
          doc.addPage();
          drawCutMarks(doc, top);
        }
        drawBadge(doc, type, run, card, (slot % 2) * A6.w, top + Math.floor(slot / 2) * A6.h);
      }
      doc.end();
      return done;
    },
  };
}
