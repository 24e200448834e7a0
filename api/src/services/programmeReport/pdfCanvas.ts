import type { BadgeFonts } from "../badgePdf/fonts";
import { Typesetter } from "../badgePdf/typesetter";

/** A4 in points, and the margins of a Vietnamese administrative document (left 30 mm for binding, right 15 mm, top and bottom 20 mm). */
export const PAGE = { w: 595.28, h: 841.89, left: 70, right: 45, top: 57, bottom: 62 };
export const CONTENT_W = PAGE.w - PAGE.left - PAGE.right;
export const INK = "#111111";
export const GREY = "#555555";
export const RULE = "#9aa3ad";
export const FILL = "#eef2f6";

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  width?: number;
  align?: "left" | "center" | "right";
  /** Wrap into the width (else one line, cut with an ellipsis). */
  wrap?: boolean;
}

/** A cell that draws itself in its box (x, top, width, the row's height). */
export type Cell = (x: number, y: number, w: number, h: number) => void;

export interface Column {
  title: string;
  width: number;
  align?: "left" | "center" | "right";
}

/**
 * Drawing on the report's pages: a cursor that moves down the page and starts a new one when what
 * comes next does not fit, text in DejaVu Sans (Vietnamese), tables and horizontal bar charts drawn
 * with pdfkit's vector paths (sharp at any zoom or printer, and their figures stay text a reader finds).
 */
export class PdfCanvas {
  y = PAGE.top;
  readonly type: Typesetter;
  private readonly regular: string;
  private readonly bold: string;
  private readonly latin: BadgeFonts["regular"]["latin"];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    fonts: BadgeFonts,
  ) {
    this.type = new Typesetter(doc, fonts);
    this.latin = fonts.regular.latin;
    this.regular = fonts.regular.latin.postscriptName;
    this.bold = fonts.bold.latin.postscriptName;
  }

  /** Starts a new page when `height` more points do not fit above the bottom margin. */
  ensure(height: number) {
    if (this.y + height <= PAGE.h - PAGE.bottom) return;
    this.doc.addPage();
    this.y = PAGE.top;
  }

  font(style: TextStyle) {
    return this.doc
      .font(style.bold ? this.bold : this.regular)
      .fontSize(style.size ?? 10)
      .fillColor(style.color ?? INK);
  }

  /** Draws a text with its top at y; returns its height. */
  text(s: string, x: number, y: number, style: TextStyle = {}): number {
    const width = style.width ?? CONTENT_W;
    const align = style.align ?? "left";
    if (style.wrap) {
      this.font(style).text(s, x, y, { width, align });
      return this.font(style).heightOfString(s, { width });
    }
    const line = this.fit(s, width, style);
    const w = this.doc.widthOfString(line);
    const left = align === "right" ? x + width - w : align === "center" ? x + (width - w) / 2 : x;
    this.doc.text(line, left, y, { lineBreak: false });
    return (style.size ?? 10) * 1.2;
  }

  /**
   * A cell of up to two lines, centred in its row's height: smaller type when two lines at 9 pt do not
   * hold it, cut with an ellipsis when 7.5 pt does not either. Texts with letters DejaVu Sans lacks
   * (an event named only in Japanese) go through the badges' typesetter, which has the CJK faces.
   */
  wrapped(s: string): Cell {
    return (x, y, w, h) => {
      if ([...s].some((ch) => !this.hasGlyph(ch))) {
        this.type.draw(s, "jp", {
          x,
          width: w,
          baseline: y + h / 2 - 1,
          weight: "regular",
          maxSize: 9,
          minSize: 7,
          maxLines: 2,
          color: INK,
          align: "left",
        });
        return;
      }
      for (const size of [9, 8.5, 8, 7.5]) {
        this.font({ size });
        const lines = this.doc.heightOfString(s, { width: w }) / this.doc.currentLineHeight(true);
        if (lines <= 2.05 || size === 7.5) {
          const text = lines <= 2.05 ? s : this.fitTwoLines(s, w);
          const height = this.doc.heightOfString(text, { width: w });
          this.font({ size }).text(text, x, y + (h - height) / 2 + 1, { width: w });
          return;
        }
      }
    };
  }

  private hasGlyph(ch: string) {
    return this.latin.hasGlyphForCodePoint(ch.codePointAt(0)!);
  }

  /** The text shortened word by word, with an ellipsis, until it takes two lines in the width (at the current size). */
  private fitTwoLines(s: string, width: number): string {
    const words = s.split(/\s+/);
    while (words.length > 1 && this.doc.heightOfString(`${words.join(" ")}…`, { width }) > 2.05 * this.doc.currentLineHeight(true)) words.pop();
    return `${words.join(" ")}…`;
  }

  /** The text cut with an ellipsis to fit the width on one line (never past a column's edge). */
  private fit(s: string, width: number, style: TextStyle): string {
    this.font(style);
    if (this.doc.widthOfString(s) <= width) return s;
    const chars = [...s];
    while (chars.length > 1 && this.doc.widthOfString(`${chars.join("").trimEnd()}…`) > width) chars.pop();
    return `${chars.join("").trimEnd()}…`;
  }

  /** A paragraph at the cursor, wrapped to the content's width; moves the cursor below it. */
  paragraph(s: string, style: TextStyle = {}, gap = 4) {
    const height = this.font(style).heightOfString(s, { width: style.width ?? CONTENT_W });
    this.ensure(height);
    this.text(s, PAGE.left + (style.width ? CONTENT_W - style.width : 0), this.y, { ...style, wrap: true });
    this.y += height + gap;
  }

  /** A section's heading, kept on one page with at least `keepWith` points of what follows it. */
  heading(s: string, keepWith = 120) {
    this.ensure(28 + keepWith);
    this.y += 8;
    this.text(s, PAGE.left, this.y, { size: 12, bold: true });
    this.y += 20;
  }

  /** A table: a header row on a tint, then the rows (each cell a text, or a function drawing it); the header repeats on a new page. */
  table(columns: Column[], rows: (string | Cell)[][], rowHeight = 18, headerHeight = 28) {
    const header = () => {
      this.doc.rect(PAGE.left, this.y, CONTENT_W, headerHeight).fillColor(FILL).fill();
      let x = PAGE.left;
      for (const c of columns) {
        const lines = this.font({ size: 8.5, bold: true }).heightOfString(c.title, { width: c.width - 8 });
        this.text(c.title, x + 4, this.y + (headerHeight - lines) / 2, {
          size: 8.5,
          bold: true,
          width: c.width - 8,
          align: c.align ?? "left",
          wrap: true,
        });
        x += c.width;
      }
      this.y += headerHeight;
    };
    this.ensure(headerHeight + rowHeight);
    header();
    for (const row of rows) {
      if (this.y + rowHeight > PAGE.h - PAGE.bottom) {
        this.doc.addPage();
        this.y = PAGE.top;
        header();
      }
      let x = PAGE.left;
      for (const [i, cell] of row.entries()) {
        const c = columns[i]!;
        if (typeof cell === "string")
          this.text(cell, x + 4, this.y + (rowHeight - 11) / 2 + 1, { size: 9, width: c.width - 8, align: c.align ?? "left" });
        else cell(x + 4, this.y, c.width - 8, rowHeight);
        x += c.width;
      }
      this.y += rowHeight;
      this.doc
        .moveTo(PAGE.left, this.y)
        .lineTo(PAGE.left + CONTENT_W, this.y)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
    }
    this.y += 10;
  }
}
