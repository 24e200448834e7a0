import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../lib/labels";

/** A horizontal bar chart in SVG, described for screen readers by a table of the same figures. */
export function BarChart({ title, data, target }: { title: string; data: [string, number][]; target?: number }) {
  const { i18n } = useTranslation();
  const id = useId();
  const max = Math.max(1, target ?? 0, ...data.map(([, v]) => v));
  const row = 28;
  const labelW = 170;
  const width = 520;
  const barW = width - labelW - 60;
  return (
    <figure className="chart">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${data.length * row + 8}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} preserveAspectRatio="xMinYMin meet">
        {data.map(([label, value], i) => (
          <g key={label} transform={`translate(0 ${i * row + 4})`}>
            <text x={labelW - 8} y={row / 2 + 4} textAnchor="end" fontSize="13" fill="#1c1917">{label.length > 20 ? `${label.slice(0, 19)}…` : label}</text>
            <rect x={labelW} y={4} width={Math.max(2, (value / max) * barW)} height={row - 10} rx={3} fill="#b91c1c" />
            <text x={labelW + Math.max(2, (value / max) * barW) + 6} y={row / 2 + 4} fontSize="13" fill="#1c1917">{formatNumber(value, i18n.language)}</text>
          </g>
        ))}
        {target !== undefined && <line x1={labelW + (target / max) * barW} x2={labelW + (target / max) * barW} y1={0} y2={data.length * row + 8} stroke="#1d4ed8" strokeDasharray="4 3" />}
      </svg>
      <table id={`${id}-d`} className="sr-only">
        <tbody>{data.map(([label, value]) => <tr key={label}><th scope="row">{label}</th><td>{formatNumber(value, i18n.language)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
