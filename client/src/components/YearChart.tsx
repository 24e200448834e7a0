import { useTranslation } from "react-i18next";
import { formatNumber } from "../lib/labels";

export interface YearSeries {
  key: string;
  label: string;
  /** One value per year, in the years' order. */
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 240;
const AXIS = 28;
const TOP = 18;

/**
 * Columns per year, one per series, as SVG. The figures themselves are in the table the page puts
 * beside it (`describedBy`): the drawing is an image with a short label for a screen reader, the
 * table is what it reads. Colours come from the stylesheet (`.year-chart .s0` ...), with a legend.
 */
export function YearChart({ years, series, label, describedBy }: { years: number[]; series: YearSeries[]; label: string; describedBy: string }) {
  const { i18n } = useTranslation();
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const group = (WIDTH - 16) / Math.max(1, years.length);
  const bar = Math.min(40, (group - 24) / Math.max(1, series.length));
  const height = (v: number) => ((HEIGHT - AXIS - TOP) * v) / max;
  return (
    <figure className="year-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} aria-describedby={describedBy}>
        <line x1="8" x2={WIDTH - 8} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="axis" />
        {years.map((year, y) => {
          const x0 = 8 + y * group + (group - bar * series.length) / 2;
          return (
            <g key={year}>
              {series.map((s, i) => {
                const v = s.values[y] ?? 0;
                const h = height(v);
                const x = x0 + i * bar;
                return (
                  <g key={s.key} className={`s${i}`}>
                    <rect x={x + 2} y={HEIGHT - AXIS - h} width={bar - 4} height={h} />
                    <text x={x + bar / 2} y={HEIGHT - AXIS - h - 4} textAnchor="middle" className="value">
                      {formatNumber(v, i18n.language)}
                    </text>
                  </g>
                );
              })}
              <text x={8 + y * group + group / 2} y={HEIGHT - 8} textAnchor="middle" className="year">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {series.map((s, i) => (
            <li key={s.key}>
              <span className={`swatch s${i}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
