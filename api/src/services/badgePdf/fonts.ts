import { existsSync, readFileSync } from "node:fs";
import { create } from "fontkit";
import type { CjkFace } from "../../domain/badgeText";

/**
 * The fonts badges are printed in, from Debian's packages: DejaVu Sans (fonts-dejavu-core) for Latin,
 * Vietnamese, Greek and Cyrillic; Noto Sans CJK (fonts-noto-cjk) for Japanese, Korean and Chinese, one
 * face of its collection per script, so a name's Han characters take its own country's forms.
 * Noto Sans CJK has Vietnamese too but lacks other European letters (Ł, ğ, ş); DejaVu has no CJK.
 */
export const BADGE_FONT_FILES = {
  latin: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  latinBold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  cjk: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  cjkBold: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
};
export type BadgeFontFiles = typeof BADGE_FONT_FILES;

export const CJK_FACES: readonly CjkFace[] = ["jp", "kr", "tc", "sc"];

/** A parsed font (fontkit's), which pdfkit's font() and registerFont() take as it is. */
export interface LoadedFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export interface FontSet {
  latin: LoadedFont;
  cjk: Record<CjkFace, LoadedFont>;
}
export interface BadgeFonts {
  regular: FontSet;
  bold: FontSet;
}

/** The server lacks font files badges need: printing is refused, naming them, rather than printing empty boxes. */
export class BadgeFontsMissing extends Error {
  constructor(readonly files: string[]) {
    super(`badge fonts missing: ${files.join(", ")} (install the Debian packages fonts-dejavu-core and fonts-noto-cjk)`);
    this.name = "BadgeFontsMissing";
  }
}

/**
 * Parses a font (a face of a collection by its PostScript name) with fontkit, the parser pdfkit uses
 * and takes parsed fonts from: kept for the process and handed to each document, so a 20 MB
 * collection is read once, not per PDF.
 */
function open(data: Buffer, postscriptName?: string): LoadedFont {
  const font = create(data, postscriptName);
  if (!("layout" in font)) throw new Error(`no face ${postscriptName ?? ""} in the font file`);
  return font;
}

/** Reads the font files (throws BadgeFontsMissing naming every one that is not there). */
export function loadBadgeFonts(files: BadgeFontFiles = BADGE_FONT_FILES): BadgeFonts {
  const missing = Object.values(files).filter((f) => !existsSync(f));
  if (missing.length) throw new BadgeFontsMissing(missing);
  const set = (latinFile: string, cjkFile: string, weight: string): FontSet => {
    const cjk = readFileSync(cjkFile);
    return {
      latin: open(readFileSync(latinFile)),
      // The collection's faces are named by script: NotoSansCJKjp-Regular, NotoSansCJKkr-Bold...
      cjk: Object.fromEntries(CJK_FACES.map((face) => [face, open(cjk, `NotoSansCJK${face}-${weight}`)])) as Record<CjkFace, LoadedFont>,
    };
  };
  return { regular: set(files.latin, files.cjk, "Regular"), bold: set(files.latinBold, files.cjkBold, "Bold") };
}

/**
 * The fonts of this process, loaded on first use (most processes never print a badge) and kept. Files
 * found missing are reported each time printing is tried, so installing them needs no restart.
 */
export function badgeFontsOnce(files: BadgeFontFiles = BADGE_FONT_FILES, onMissing?: (err: BadgeFontsMissing) => void): () => BadgeFonts {
  let fonts: BadgeFonts | undefined;
  return () => {
    try {
      fonts ??= loadBadgeFonts(files);
      return fonts;
    } catch (err) {
      if (err instanceof BadgeFontsMissing) onMissing?.(err);
      throw err;
    }
  };
}
