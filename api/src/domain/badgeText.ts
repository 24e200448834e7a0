/**
 * How a badge's texts are set: which forms of Han characters a name takes, and where a line may break.
 * Pure: the PDF service measures and draws, this decides.
 */

/** The CJK forms a text is drawn in: Japanese, Korean, Traditional or Simplified Chinese. */
export type CjkFace = "jp" | "kr" | "tc" | "sc";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const FACE_BY_COUNTRY: Readonly<Record<string, CjkFace>> = { JP: "jp", KR: "kr", TW: "tc", HK: "tc", MO: "tc", CN: "sc", SG: "sc" };
const FACE_BY_LOCALE: Readonly<Record<string, CjkFace>> = { ja: "jp", ko: "kr", "zh-Hant": "tc" };

/**
 * The CJK face for a person's texts: kana say Japanese and hangul Korean whatever else is known; Han
 * characters alone (陳美玲, 佐藤健二) take the forms of the firm's country, else of the person's
 * language, else Traditional Chinese (the app's Chinese is zh-Hant).
 */
export function cjkFaceFor(texts: string[], country?: string, locale?: string): CjkFace {
  const all = texts.join(" ");
  if (KANA.test(all)) return "jp";
  if (HANGUL.test(all)) return "kr";
  return (country && FACE_BY_COUNTRY[country]) || (locale && FACE_BY_LOCALE[locale]) || "tc";
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A text cut where a line may break: after a space, and between any two Chinese or Japanese
 * characters (which are written without spaces). Korean, like Latin, breaks at spaces. Joined
 * back, the pieces are the text.
 */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const ch of text) {
    if (CJK_CHAR.test(ch)) {
      if (current) pieces.push(current);
      pieces.push(ch);
      current = "";
    } else if (/\s/.test(ch)) {
      current += ch;
      pieces.push(current);
      current = "";
    } else current += ch;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Greedy wrap of pieces into lines no wider than `maxWidth` (a piece wider than a line gets a line of its own). */
export function wrapPieces(pieces: string[], width: (text: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    const candidate = line + piece;
    if (line && width(candidate.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The longest start of `text` that, with an ellipsis, is no wider than `maxWidth`. */
export function truncateToWidth(text: string, width: (text: string) => number, maxWidth: number): string {
  if (width(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && width(`${chars.join("").trimEnd()}…`) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/**
 * The same number of lines as `lines`, made as even as they can be (the narrowest width that still
 * wraps into that many): "Công ty Cổ phần Dây và Cáp / điện Đại Việt", not "... điện Đại / Việt".
 */
function balanced(pieces: string[], measure: (text: string) => number, lines: string[], maxWidth: number): string[] {
  if (lines.length < 2) return lines;
  let [low, high] = [0, maxWidth];
  while (high - low > 1) {
    const mid = (low + high) / 2;
    if (wrapPieces(pieces, measure, mid).length <= lines.length) high = mid;
    else low = mid;
  }
  return wrapPieces(pieces, measure, high);
}

export interface FittedText {
  size: number;
  lines: string[];
}

/**
 * The largest size from `maxSize` down to `minSize` (in half points) at which `text` wraps into at most
 * `maxLines` lines of `maxWidth`; if none, the smallest size with the lines beyond the last cut off and
 * any line still too wide cut, each with an ellipsis. Never wider than `maxWidth`.
 */
export function fitText(
  text: string,
  width: (text: string, size: number) => number,
  o: { maxWidth: number; maxSize: number; minSize: number; maxLines: number },
): FittedText {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const pieces = breakPieces(clean);
  for (let size = o.maxSize; size >= o.minSize; size -= 0.5) {
    const measure = (s: string) => width(s, size);
    const lines = wrapPieces(pieces, measure, o.maxWidth);
    const fits = lines.length <= o.maxLines && lines.every((l) => measure(l) <= o.maxWidth);
    if (fits) return { size, lines: balanced(pieces, measure, lines, o.maxWidth) };
  }
  const size = o.minSize;
  const measure = (s: string) => width(s, size);
  const wrapped = wrapPieces(pieces, measure, o.maxWidth);
  const kept = wrapped.slice(0, o.maxLines);
  if (wrapped.length > o.maxLines) kept[o.maxLines - 1] = `${kept[o.maxLines - 1]} ${wrapped.slice(o.maxLines).join(" ")}`;
  return { size, lines: kept.map((l) => truncateToWidth(l, measure, o.maxWidth)) };
}
