import { useTranslation } from "react-i18next";
import { formatNumber } from "../lib/labels";

/**
 * A horizontal bar chart as a captioned list: label, bar, figure. Plain text, so it keeps its
 * size in a narrow column (an SVG scaled to fit shrank its 13 px labels to 7 px), wraps long
 * labels instead of cutting them, and reads out as a list to a screen reader. Bars are drawn
 * against `max` (the largest value when absent); a zero has no bar, any other value at least a sliver.
 */
export function BarChart({ title, data, max }: { title: string; data: [string, number][]; max?: number }) {
  const { i18n } = useTranslation();
  const scale = Math.max(1, max ?? 0, ...data.map(([, v]) => v));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="bars">
        {data.map(([label, value]) => (
          <li key={label}>
            <span>{label}</span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${value > 0 ? Math.max(1, (100 * value) / scale) : 0}%` }} />
            </span>
            <b>{formatNumber(value, i18n.language)}</b>
          </li>
        ))}
      </ul>
    </figure>
  );
}
