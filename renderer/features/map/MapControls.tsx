import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore, type MapMode } from '../../stores/use-app-store';
import { attainmentColor, deviationColor, type DensityScale } from '../../map/thematic';

const MODES: MapMode[] = ['territory', 'density', 'deviation', 'attainment'];
const css = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] ?? 255) / 255})`;

/** What the map shows: colour mode, account points (sized by a measure) and the matching legend. */
export function MapControls({ density, tolerance, measureLabel }: { density: DensityScale | null; tolerance: number; measureLabel: string }) {
  const { t, compact } = useI18n();
  const actions = useActions();
  const mode = useAppStore((s) => s.mapMode);
  const showAccounts = useAppStore((s) => s.showAccounts);
  const sizeKey = useAppStore((s) => s.accountSizeKey);
  const measures = useAppStore((s) => s.measures).filter((m) => m.key !== 'accounts');
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  const attainment = useAppStore((s) => s.attainment);

  return (
    <div className="map-legend" data-testid="map-controls">
      <label>
        {t('map.mode')}
        <select value={mode} onChange={(e) => actions.setMapMode(e.target.value as MapMode)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`map.mode.${m}`, { measure: measureLabel })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={showAccounts} onChange={(e) => actions.setShowAccounts(e.target.checked)} />
        {t('map.accounts')}
      </label>
      {showAccounts && (
        <label>
          {t('map.accounts.sizeBy')}
          <select value={sizeKey ?? ''} onChange={(e) => actions.setAccountSizeKey(e.target.value || null)}>
            <option value="">{t('map.accounts.sameSize')}</option>
            {measures.map((m) => (
              <option key={m.key} value={m.key}>{m.label}</option>
            ))}
          </select>
        </label>
      )}
      <span className="legend-item">
        <span className="legend-rep" aria-hidden="true" /> {t('map.legend.reps')}
      </span>
      {mode === 'density' && density && (
        <span className="legend-ramp" aria-label={t('map.legend.density', { measure: measureLabel })}>
          {t('map.legend.density', { measure: measureLabel })}
          {density.colors.map((c, i) => (
            <span key={i} className="ramp-step" style={{ background: css(c) }} title={`≤ ${compact(density.breaks[i] ?? 0)}`} />
          ))}
          <span className="muted">≤ {compact(density.breaks[density.breaks.length - 1] ?? 0)}</span>
        </span>
      )}
      {mode === 'attainment' && (
        <span className="legend-ramp" data-testid="attainment-legend">
          {attainment ? (
            <>
              {[attainment.threshold * 0.5, attainment.threshold - 0.01, (attainment.threshold + 1) / 2, 1.05, 1.3].map((a, i) => (
                <span key={i} className="ramp-step" style={{ background: css(attainmentColor(a, attainment.threshold)) }} />
              ))}
              <span className="muted">{t('map.legend.attainment', { threshold: pct(attainment.threshold) })}</span>
            </>
          ) : (
            <span className="muted">{t('goals.needBoth', { measure: '…' })}</span>
          )}
        </span>
      )}
      {mode === 'deviation' && (
        <span className="legend-ramp">
          {[-3 * tolerance - 0.2, -tolerance - 0.01, 0, tolerance + 0.01, 3 * tolerance + 0.2].map((d, i) => (
            <span key={i} className="ramp-step" style={{ background: css(deviationColor(d, tolerance)) }} />
          ))}
          <span className="muted">{t('map.legend.deviation', { tolerance: pct(tolerance) })}</span>
        </span>
      )}
    </div>
  );
}
