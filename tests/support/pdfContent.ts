import { inflateSync } from "node:zlib";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The page content streams of a PDF made by pdfkit, in page order, inflated: pdfkit writes each page's
 * stream when the page ends, and every one starts by flipping the y axis ("1 0 0 -1 0 <height> cm"),
 * which tells them from font and image streams.
 */
export function pageContents(pdf: Buffer): string[] {
  const pages: string[] = [];
  const raw = pdf.toString("latin1");
  for (const m of raw.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const dict = m[1]!;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + length);
    const text = (dict.includes("/FlateDecode") ? inflateSync(bytes) : bytes).toString("latin1");
    if (/^1 0 0 -1 0 [\d.]+ cm/.test(text)) pages.push(text);
  }
  return pages;
}

/** Every rectangle a content stream draws ("x y w h re"), in the page's top-left coordinates (pdfkit's). */
export function rectsOf(content: string): Rect[] {
  return [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}
