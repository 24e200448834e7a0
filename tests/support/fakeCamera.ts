import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";

/**
 * Writes a Y4M video (what Chromium's --use-file-for-fake-video-capture plays, looped) showing an
 * image centred on white: so the fake camera "sees" e.g. a meeting's QR code. The image (any URL the
 * page can load, such as an SVG from the api) is rasterised by the page itself.
 */
export async function writeY4m(page: Page, imageUrl: string, file: string, width = 640, height = 480) {
  const luma = await page.evaluate(
    async ({ imageUrl, width, height }) => {
      const img = new Image();
      img.src = imageUrl;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext("2d")!;
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, width, height);
      const size = Math.min(width, height) - 40;
      ctx.drawImage(img, (width - size) / 2, (height - size) / 2, size, size);
      const rgba = ctx.getImageData(0, 0, width, height).data;
      const y: number[] = new Array(width * height);
      for (let i = 0; i < width * height; i++) y[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
      return y;
    },
    { imageUrl, width, height },
  );
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), Buffer.from(luma), chroma]);
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]));
}
