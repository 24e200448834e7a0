import { CONTENT_W, GREY, INK, PAGE, RULE, type PdfCanvas } from "./pdfCanvas";

export interface BarSegment {
  value: number;
  color: string;
}
export interface Bar {
  label: string;
  segments: BarSegment[];
  /** The figure printed after the bar. */
  caption: string;
}

/**
 * A horizontal bar chart at the canvas's cursor: one row per bar (label, stacked segments, caption),
 * a scale with gridlines, and an optional reference line (100 % of a target). Vector paths only.
 */
export function barChart(
  c: PdfCanvas,
  title: string,
  bars: Bar[],
  opts: {
    max: number;
    ticks: number[];
    tickLabel: (v: number) => string;
    /** A dashed line across the bars at this value (the target's 100 %). */
    reference?: number;
    legend?: [string, string][];
  },
) {
  const labelW = 150;
  const captionW = 70;
  const rowH = 20;
  const barH = 11;
  const plotX = PAGE.left + labelW;
  const plotW = CONTENT_W - labelW - captionW;
  const legendH = opts.legend ? 16 : 0;
  const height = 22 + legendH + bars.length * rowH + 22;
  c.ensure(height);
  const doc = c.doc;
  c.text(title, PAGE.left, c.y, { size: 9.5, bold: true });
  c.y += 18;
  if (opts.legend) {
    let x = plotX;
    for (const [label, color] of opts.legend) {
      doc
        .rect(x, c.y + 1, 9, 9)
        .fillColor(color)
        .fill();
      c.text(label, x + 13, c.y, { size: 8.5, color: GREY, width: 120 });
      x += 130;
    }
    c.y += legendH;
  }
  const top = c.y;
  const plotH = bars.length * rowH;
  const xOf = (v: number) => plotX + (Math.min(v, opts.max) / opts.max) * plotW;

  // Gridlines and the scale under them.
  for (const t of opts.ticks) {
    doc
      .moveTo(xOf(t), top)
      .lineTo(xOf(t), top + plotH)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    c.text(opts.tickLabel(t), xOf(t) - 20, top + plotH + 4, { size: 7.5, color: GREY, width: 40, align: "center" });
  }
  for (const [i, bar] of bars.entries()) {
    const y = top + i * rowH;
    c.text(bar.label, PAGE.left, y + (rowH - 10) / 2, { size: 8.5, width: labelW - 8 });
    let x = plotX;
    for (const s of bar.segments) {
      const w = xOf(s.value) - plotX;
      if (w > 0)
        doc
          .rect(x, y + (rowH - barH) / 2, Math.min(w, plotX + plotW - x), barH)
          .fillColor(s.color)
          .fill();
      x += w;
    }
    c.text(bar.caption, Math.min(x, plotX + plotW) + 4, y + (rowH - 10) / 2, { size: 8.5, bold: true, width: captionW - 4, color: INK });
  }
  doc
    .moveTo(plotX, top)
    .lineTo(plotX, top + plotH)
    .lineWidth(0.8)
    .strokeColor(INK)
    .stroke();
  if (opts.reference !== undefined) {
    const x = xOf(opts.reference);
    doc
      .save()
      .moveTo(x, top - 4)
      .lineTo(x, top + plotH)
      .lineWidth(1)
      .dash(3, { space: 2 })
      .strokeColor("#b3261e")
      .stroke()
      .restore();
    doc.undash();
  }
  c.y = top + plotH + 22;
}

/** Round ticks for a scale up to `max` (about five of them). */
export function niceTicks(max: number): { max: number; ticks: number[] } {
  if (max <= 0) return { max: 1, ticks: [0, 1] };
  const rough = max / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough)!;
  const top = Math.ceil(max / step) * step;
  return { max: top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}
