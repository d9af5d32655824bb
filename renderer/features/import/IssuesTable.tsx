import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { downloadText } from '../../ui/download-text';

/** The report's issues (the first 1,000) by row, column, value and reason, with every rejected row as a CSV to download. */
export function IssuesTable({ report, downloadRejects }: { report: ImportReport; downloadRejects: () => Promise<{ fileName: string; csv: string }> }) {
  const { t, number } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const { fileName, csv } = await downloadRejects();
      downloadText(fileName, csv);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="import-issues">
      <div className="panel-header">
        <h3>
          {report.issueCount > report.issues.length
            ? t('import.issues.some', { shown: number(report.issues.length), count: number(report.issueCount) })
            : t('import.issues.all', { count: number(report.issueCount) })}
        </h3>
        <button type="button" data-testid="import-download-rejects" onClick={() => void download()}>
          {t('import.downloadRejects')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table data-testid="import-issues">
          <thead>
            <tr>
              <th scope="col" className="num">{t('import.column.row')}</th>
              <th scope="col">{t('import.column.column')}</th>
              <th scope="col">{t('import.column.value')}</th>
              <th scope="col">{t('import.column.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((issue, i) => (
              <tr key={i}>
                <td className="num">{issue.row}</td>
                <td>{issue.column || t('import.wholeRow')}</td>
                <td className="value">{issue.value}</td>
                <td>{issue.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
