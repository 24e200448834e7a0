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
    const n = args!.trim().split(/[\s,]+/).map(Number);
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
 * Dark squares drawn at (x, y) with side `side` (a PDF's `re` operators) as a grid of modules, with the
 * quiet zone a reader needs around it.
 */
export function gridFromSquares(squares: { x: number; y: number; side: number }[]): ModuleGrid {
  const side = Math.min(...squares.map((s) => s.side));
  const x0 = Math.min(...squares.map((s) => s.x));
  const y0 = Math.min(...squares.map((s) => s.y));
  const at = (v: number, origin: number) => Math.round((v - origin) / side);
  const size = Math.max(...squares.map((s) => at(s.x, x0)), ...squares.map((s) => at(s.y, y0))) + 1;
  const quiet = 4;
  const grid = Array.from({ length: size + 2 * quiet }, () => new Array<boolean>(size + 2 * quiet).fill(false));
  for (const s of squares) {
    // A square may span several modules (runs merged into one rectangle): mark each.
    const cells = Math.round(s.side / side);
    for (let dy = 0; dy < cells; dy++) for (let dx = 0; dx < cells; dx++) grid[quiet + at(s.y, y0) + dy]![quiet + at(s.x, x0) + dx] = true;
  }
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
