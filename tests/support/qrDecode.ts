import jsQR from "jsqr";

/** Dark modules of a QR code, row by row (true = dark), as drawn in an SVG or a PDF. */
export type ModuleGrid = boolean[][];

/**
 * The dark modules of the `qrcode` package's SVG: one path of runs, "M x y.5 h n" (absolute start) then
 * "m dx dy h n" (relative to where the last run ended), each run n modules long on row y.
 */
export function gridFromQrSvg(svg: string): ModuleGrid {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !d) throw new Error("not the qrcode package's SVG");
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MmHhVv])([^MmHhVv]*)/g)) {
    const n = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (cmd === "M") [x, y] = [n[0]!, n[1]!];
    else if (cmd === "m") [x, y] = [x + n[0]!, y + n[1]!];
    else if (cmd === "h") {
      for (let i = 0; i < n[0]!; i++) grid[Math.floor(y)]![x + i] = true;
      x += n[0]!;
    } else throw new Error(`unexpected path command ${cmd}`);
  }
  return grid;
}

/**
 * Dark rectangles of a QR code as drawn in a PDF (each a run of modules along a row, one module high) as
 * a grid of modules, with the quiet zone a reader needs around it.
 */
export function gridFromRects(rects: { x: number; y: number; w: number; h: number }[]): ModuleGrid {
  const cell = Math.min(...rects.map((r) => r.h));
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const at = (v: number, origin: number) => Math.round((v - origin) / cell);
  const size = Math.max(...rects.map((r) => at(r.x + r.w, x0)), ...rects.map((r) => at(r.y + r.h, y0)));
  const quiet = 4;
  const grid = Array.from({ length: size + 2 * quiet }, () => new Array<boolean>(size + 2 * quiet).fill(false));
  for (const r of rects)
    for (let row = at(r.y, y0); row < at(r.y + r.h, y0); row++)
      for (let col = at(r.x, x0); col < at(r.x + r.w, x0); col++) grid[quiet + row]![quiet + col] = true;
  return grid;
}

/** Reads a QR code from its modules as a camera would: rasterised in black on white, decoded by jsQR. */
export function decodeGrid(grid: ModuleGrid, pixelsPerModule = 6): string | null {
  const width = grid.length * pixelsPerModule;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++)
    for (let px = 0; px < width; px++)
      if (grid[Math.floor(py / pixelsPerModule)]![Math.floor(px / pixelsPerModule)]) {
        const i = (py * width + px) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
  return jsQR(rgba, width, width)?.data ?? null;
}
