import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore, type ToolId } from '../../stores/use-app-store';

const TOOLS: { id: ToolId; key: string }[] = [
  { id: 'select', key: 'V' },
  { id: 'brush', key: 'B' },
  { id: 'eraser', key: 'E' },
];

/** Map tools (select, brush, eraser), the brush size, and what the active tool will do. */
export function ToolBar() {
  const { t } = useI18n();
  const actions = useActions();
  const tool = useAppStore((s) => s.tool);
  const radius = useAppStore((s) => s.brushRadius);
  const target = useAppStore((s) => s.territories.find((x) => x.id === s.selectedTerritoryId) ?? null);

  const hint =
    tool === 'select'
      ? t('tools.hint.select')
      : tool === 'eraser'
        ? t('tools.hint.eraser')
        : target
          ? target.locked
            ? t('tools.hint.locked', { name: target.name })
            : t('tools.hint.brush', { name: target.name })
          : t('tools.hint.pickFirst');

  return (
    <div className="map-tools" role="toolbar" aria-label={t('tools.label')}>
      {TOOLS.map(({ id, key }) => (
        <button key={id} type="button" aria-pressed={tool === id} title={`${t(`tools.${id}`)} (${key})`} onClick={() => actions.setTool(id)}>
          {t(`tools.${id}`)}
        </button>
      ))}
      {tool !== 'select' && (
        <label className="brush-size">
          {t('tools.size')}
          <input type="range" min={0} max={12} value={radius} onChange={(e) => actions.setBrushRadius(Number(e.target.value))} />
          <output>{radius}</output>
        </label>
      )}
      <span className="hint" data-testid="tool-hint">{hint}</span>
    </div>
  );
}
