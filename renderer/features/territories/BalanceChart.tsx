import type { TerritorySummary } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';

const HEIGHT = 110;
const PAD = 14;

/**
 * A bar per territory: its deviation from target, sorted from most under to most over,
 * with the tolerance band shaded. Clicking a bar selects the territory.
 */
export function BalanceChart({
  territories,
  deviation,
  tolerance,
}: {
  territories: readonly TerritorySummary[];
  deviation: ReadonlyMap<number, number>;
  tolerance: number;
}) {
  const { t, number } = useI18n();
  const actions = useActions();
  const selected = useAppStore((s) => s.selectedTerritoryId);
  const bars = [...territories].sort((a, b) => (deviation.get(a.id) ?? 0) - (deviation.get(b.id) ?? 0));
  const extent = Math.max(tolerance * 1.5, 0.05, ...bars.map((x) => Math.abs(deviation.get(x.id) ?? 0)));
  const width = 400;
  const slot = width / Math.max(1, bars.length);
  const y = (d: number) => HEIGHT / 2 - (d / extent) * (HEIGHT / 2 - PAD);
  const pct = (d: number) => number(d, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const span = (d: number) => number(d, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <figure className="balance-chart" data-testid="balance-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={t('balance.chartLabel', { tolerance: span(tolerance) })}>
        <rect className="band" x={0} width={width} y={y(tolerance)} height={Math.max(0, y(-tolerance) - y(tolerance))} />
        <line className="zero" x1={0} x2={width} y1={y(0)} y2={y(0)} />
        {bars.map((x, i) => {
          const d = deviation.get(x.id) ?? 0;
          const top = Math.min(y(d), y(0));
          const state = Math.abs(d) <= tolerance ? 'within' : d > 0 ? 'over' : 'under';
          return (
            <rect
              key={x.id}
              data-territory-id={x.id}
              className={`bar ${state}${x.id === selected ? ' selected' : ''}`}
              x={i * slot + slot * 0.1}
              width={Math.max(1, slot * 0.8)}
              y={top}
              height={Math.max(1, Math.abs(y(d) - y(0)))}
              onClick={() => actions.selectTerritory(x.id)}
            >
              <title>{`${x.name}: ${pct(d)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="muted">
        {t('balance.caption', { max: span(extent), tolerance: span(tolerance) })}
      </figcaption>
    </figure>
  );
}
