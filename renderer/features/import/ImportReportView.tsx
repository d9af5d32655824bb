import type { ImportReport } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { IssuesTable } from './IssuesTable';

/** What an import did: the counts, the study area's growth or the scenario created, and the issues with their rows. */
export function ImportReportView({ report, downloadRejects }: { report: ImportReport; downloadRejects: () => Promise<{ fileName: string; csv: string }> }) {
  const { t, number } = useI18n();
  const alignment = report.alignment;
  const counts: [string, number | string][] = alignment
    ? [
        ['imported', report.imported],
        ['rejected', report.rejected],
      ]
    : [
        ['imported', report.imported],
        ['updated', report.updated],
        ['unchanged', report.unchanged],
        ['rejected', report.rejected],
        ['missing', report.missing === 0 ? 0 : t(report.removed > 0 ? 'import.count.missingRemoved' : 'import.count.missingKept', { missing: number(report.missing), removed: number(report.removed) })],
      ];
  return (
    <div className="import-report" data-testid="import-report">
      <p>
        {t('import.report.read', {
          rows: number(report.rowsRead),
          file: report.fileName,
          seconds: number(report.elapsedMs / 1000, { maximumFractionDigits: 1 }),
        })}
      </p>
      <dl className="import-counts">
        {counts.map(([name, value]) => (
          <div key={name} data-testid={`import-count-${name}`}>
            <dt>{t(`import.count.${name}`)}</dt>
            <dd>{typeof value === 'number' ? number(value) : value}</dd>
          </div>
        ))}
      </dl>
      {alignment ? (
        <p data-testid="import-scenario">
          {t('import.report.scenario', {
            name: alignment.scenarioName,
            territories: number(alignment.territories),
            cells: number(alignment.assignedCells),
            filled: number(alignment.filledCells),
          })}
          {alignment.unmatchedKeys > 0 && <> {t('import.report.unmatched', { count: number(alignment.unmatchedKeys) })}</>}
          {alignment.conflicts > 0 && <> {t('import.report.conflicts', { count: number(alignment.conflicts), overrides: number(alignment.overrides) })}</>}
        </p>
      ) : (
        report.kind === 'accounts' && (
          <p data-testid="import-growth">
            {report.addedCells > 0
              ? t('import.report.growth', { cells: number(report.addedCells), places: report.places.join(', ') })
              : t('import.report.noGrowth')}
          </p>
        )
      )}
      <p className="muted">{t('import.report.mappingSaved', { name: report.mappingName })}</p>
      {report.issueCount > 0 && <IssuesTable report={report} downloadRejects={downloadRejects} />}
    </div>
  );
}
