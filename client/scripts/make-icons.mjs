// Draws the app's icons (public/icons/*.png) from the favicon's drawing (public/favicon.svg: a red
// rounded square with a white K and two strokes), with Node alone: no image library, no browser.
// Run once after changing the drawing: `node client/scripts/make-icons.mjs`; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const RED = [0xb9, 0x1c, 0x1c];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's strokes in its 32-unit box: [x1, y1, x2, y2], 3 units wide with round caps.
const STROKES = [
  [9, 8, 9, 24],
  [9, 16, 18, 8],
  [9, 16, 18, 24],
  [21, 12, 25, 12],
  [21, 20, 25, 20],
];
const STROKE_WIDTH = 3;
const CORNER = 7;
const SAMPLES = 4; // per axis: 16 samples a pixel for smooth edges

function distanceToSegment(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/**
 * One icon, RGBA. `maskable`: the red fills the whole square (launchers cut their own shape) and the
 * glyph shrinks into the safe zone, the centre circle of 80% of the width.
 */
function draw(size, maskable) {
  const rgba = Buffer.alloc(size * size * 4);
  const glyphScale = maskable ? 0.72 : 1;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 32;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 32;
          if (!maskable && !insideRoundedSquare(x, y, CORNER)) continue;
          bg++;
          const gx = 16 + (x - 16) / glyphScale;
          const gy = 16 + (y - 16) / glyphScale;
          if (STROKES.some((s) => distanceToSegment(gx, gy, s) <= STROKE_WIDTH / 2)) fg++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const f = bg ? fg / bg : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(RED[c] * (1 - f) + WHITE[c] * f);
      rgba[i + 3] = Math.round((bg / n) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of 8-bit RGBA rows, each with filter byte 0. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");
mkdirSync(out, { recursive: true });
const icons = [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-512.png", 512, true],
  // iOS rounds the corners itself and shows transparency as black: the full square.
  ["apple-touch-icon.png", 180, true],
];
for (const [name, size, maskable] of icons) {
  writeFileSync(path.join(out, name), png(size, draw(size, maskable)));
  console.log(`${name} ${size}x${size}`);
}
