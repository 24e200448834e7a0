import { execFile } from "node:child_process";
import path from "node:path";

export interface PdfTextItem {
  str: string;
  /** PDF coordinates: origin at the page's bottom left. */
  x: number;
  y: number;
  width: number;
}
export interface PdfText {
  totalPages: number;
  /** Each page's text. */
  pages: string[];
  /** Each page's pieces of text with where they are. */
  items: PdfTextItem[][];
}

// unpdf loads PDF.js with a dynamic import of an ES module, which Jest's CommonJS sandbox refuses
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG): the PDF is read by a plain Node process instead.
const SCRIPT = `
import { extractText, extractTextItems } from "unpdf";
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const data = new Uint8Array(Buffer.concat(chunks));
const { totalPages, text } = await extractText(data.slice(), { mergePages: false });
const { items } = await extractTextItems(data.slice());
process.stdout.write(JSON.stringify({ totalPages, pages: text, items: items.map((p) => p.map(({ str, x, y, width }) => ({ str, x, y, width }))) }));
`;

/** The text of a PDF, page by page, read with unpdf (PDF.js) as any reader would. */
export function readPdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--input-type=module", "-e", SCRIPT],
      { cwd: path.resolve(__dirname, ".."), maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as PdfText)),
    );
    child.stdin!.end(pdf);
  });
}
