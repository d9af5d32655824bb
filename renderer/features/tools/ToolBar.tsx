import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore, type ToolId } from '../../stores/use-app-store';

const TOOLS: { id: ToolId; key: string }[] = [
  { id: 'select', key: 'V' },
  { id: 'brush', key: 'B' },
  { id: 'eraser', key: 'E' },
  { id: 'lasso', key: 'L' },
  { id: 'rectangle', key: 'R' },
  { id: 'fill', key: 'F' },
  { id: 'split', key: '' },
  { id: 'pin', key: 'P' },
];
const PAINTS: ToolId[] = ['brush', 'lasso', 'rectangle', 'fill', 'split'];

/** Map tools (select, brush, eraser), the brush size, and what the active tool will do. */
export function ToolBar() {
  const { t } = useI18n();
  const actions = useActions();
  const tool = useAppStore((s) => s.tool);
  const radius = useAppStore((s) => s.brushRadius);
  const target = useAppStore((s) => s.territories.find((x) => x.id === s.selectedTerritoryId) ?? null);
  const showAccounts = useAppStore((s) => s.showAccounts);
  const previewing = useAppStore((s) => s.proposal !== null);
  const pinnedCount = useAppStore((s) => s.assignment?.pinned.length ?? 0);

  const hint = previewing
    ? t('tools.hint.previewing')
    : tool === 'select'
      ? showAccounts
        ? `${t('tools.hint.select')} ${t('tools.hint.accounts')}`
        : t('tools.hint.select')
      : tool === 'eraser'
        ? t('tools.hint.eraser')
        : tool === 'pin'
          ? t('tools.hint.pin', { count: pinnedCount })
        : !PAINTS.includes(tool) || !target
          ? t('tools.hint.pickFirst')
          : target.locked
            ? t('tools.hint.locked', { name: target.name })
            : t(`tools.hint.${tool as 'brush' | 'lasso' | 'rectangle' | 'fill' | 'split'}`, { name: target.name });

  return (
    <div className="map-tools" role="toolbar" aria-label={t('tools.label')}>
      {TOOLS.map(({ id, key }) => (
        <button key={id} type="button" aria-pressed={tool === id} title={key ? `${t(`tools.${id}`)} (${key})` : t(`tools.${id}`)} onClick={() => actions.setTool(id)}>
          {t(`tools.${id}`)}
        </button>
      ))}
      <button type="button" title={t('map.fitAllTitle')} onClick={() => actions.fitMap(null)}>
        {t('map.fitAll')}
      </button>
      {(tool === 'brush' || tool === 'eraser') && (
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
