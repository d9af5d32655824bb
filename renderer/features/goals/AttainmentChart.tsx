import type { TerritoryAttainmentRow } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { attainmentColor } from '../../map/thematic';

const W = 320;
const H = 150;
const PAD = { left: 34, right: 8, top: 10, bottom: 28 };

/**
 * One territory's attainment per period as bars, with the 100 % line and the flag
 * threshold dashed; the scale runs to the larger of 120 % and the best period.
 */
export function AttainmentChart({ row, threshold }: { row: TerritoryAttainmentRow; threshold: number }) {
  const { t, number } = useI18n();
  const values = row.byPeriod.map((p) => p.attainment);
  const top = Math.max(1.2, threshold, ...values.map((v) => v ?? 0));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH * (1 - v / top);
  const band = plotW / Math.max(1, values.length);
  const css = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  const label = t('goals.chartTitle', { territory: row.name });
  return (
    <figure className="attainment-chart" data-testid="attainment-chart">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke={v === 1 ? '#555' : '#ddd'} strokeWidth={v === 1 ? 1 : 0.5} />
            <text x={PAD.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" fill="#666">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(threshold)} y2={y(threshold)} stroke="#c0392b" strokeDasharray="4 3" strokeWidth={1} />
        {row.byPeriod.map((p, i) => {
          const v = p.attainment;
          const x = PAD.left + i * band + band * 0.15;
          return (
            <g key={p.period}>
              {v !== null && (
                <rect x={x} width={band * 0.7} y={y(Math.max(0, v))} height={Math.max(0, y(0) - y(Math.max(0, v)))} fill={css(attainmentColor(v, threshold))}>
                  <title>{`${p.period}: ${number(v * 100, { maximumFractionDigits: 1 })} % (${number(p.actual, { maximumFractionDigits: 0 })} / ${number(p.goal, { maximumFractionDigits: 0 })})`}</title>
                </rect>
              )}
              <text x={x + band * 0.35} y={H - PAD.bottom + 12} fontSize={9} textAnchor="middle" fill="#444">
                {p.period}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
