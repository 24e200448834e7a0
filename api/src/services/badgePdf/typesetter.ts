import { fitText, type CjkFace } from "../../domain/badgeText";
import { CJK_FACES, type BadgeFonts, type FontSet, type LoadedFont } from "./fonts";

export type Weight = "regular" | "bold";
interface Run {
  text: string;
  font: LoadedFont;
}

/** Where and how a text is set: its box (left edge and width), the baseline of its first line, its sizes and lines. */
export interface TextBox {
  x: number;
  width: number;
  baseline: number;
  weight: Weight;
  maxSize: number;
  minSize: number;
  maxLines: number;
  color: string;
  align?: "center" | "left";
  /** Line height as a multiple of the size. */
  leading?: number;
}

/**
 * Sets text in a PDF in whichever of the badge fonts has each character: DejaVu Sans first, then the
 * CJK face of the person's script, then the other CJK faces. A run keeps its font while that font has
 * the next character, so spaces and digits inside a Japanese name stay in the Japanese face.
 */
export class Typesetter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: BadgeFonts,
  ) {
    for (const set of [fonts.regular, fonts.bold])
      for (const font of [set.latin, ...Object.values(set.cjk)]) doc.registerFont(font.postscriptName, font as never);
  }

  private chain(weight: Weight, face: CjkFace): LoadedFont[] {
    const set: FontSet = this.fonts[weight];
    return [set.latin, set.cjk[face], ...CJK_FACES.filter((f) => f !== face).map((f) => set.cjk[f])];
  }

  private runs(text: string, chain: LoadedFont[]): Run[] {
    const runs: Run[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const last = runs.at(-1);
      if (last?.font.hasGlyphForCodePoint(cp)) {
        last.text += ch;
        continue;
      }
      // A character no badge font has is drawn in the first (an empty box), never dropped silently.
      const font = chain.find((f) => f.hasGlyphForCodePoint(cp)) ?? chain[0]!;
      if (last?.font === font) last.text += ch;
      else runs.push({ text: ch, font });
    }
    return runs;
  }

  private runWidth(run: Run, size: number) {
    return this.doc.font(run.font.postscriptName).fontSize(size).widthOfString(run.text);
  }

  width(text: string, size: number, weight: Weight, face: CjkFace) {
    return this.runs(text, this.chain(weight, face)).reduce((sum, run) => sum + this.runWidth(run, size), 0);
  }

  /** Fits the text into its box (smaller, then wrapped, then cut with an ellipsis) and draws it; returns the baseline after it. */
  draw(text: string, face: CjkFace, box: TextBox): number {
    if (!text.trim()) return box.baseline;
    const fitted = fitText(text, (s, size) => this.width(s, size, box.weight, face), { ...box, maxWidth: box.width });
    const step = fitted.size * (box.leading ?? 1.2);
    let baseline = box.baseline;
    for (const line of fitted.lines) {
      const runs = this.runs(line, this.chain(box.weight, face));
      const widths = runs.map((r) => this.runWidth(r, fitted.size));
      const total = widths.reduce((a, b) => a + b, 0);
      let x = box.align === "left" ? box.x : box.x + (box.width - total) / 2;
      this.doc.fillColor(box.color);
      for (const [i, run] of runs.entries()) {
        this.doc.font(run.font.postscriptName).fontSize(fitted.size).text(run.text, x, baseline, { lineBreak: false, baseline: "alphabetic" });
        x += widths[i]!;
      }
      baseline += step;
    }
    return baseline;
  }
}
