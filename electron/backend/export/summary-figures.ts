import type { PlanSummary } from '../../../shared/contract/api';
import type { Measure } from '../../../shared/domain/model/workspace';

const percent = (v: number) => `${(v * 100).toFixed(1)} %`;
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The report's summary block: territories and accounts, then balance per measure (largest
 * deviation from target and the granularity bound), travel, contiguity and shape — labels
 * in English, values formatted for reading (the table carries the raw numbers).
 */
export function summaryFigures(input: { figures: PlanSummary | null; measures: readonly Measure[]; territories: number; accounts: number }): { key: string; label: string; value: string }[] {
  const out = [
    { key: 'territories', label: 'Territories', value: integer.format(input.territories) },
    { key: 'accounts', label: 'Accounts in territories', value: integer.format(input.accounts) },
  ];
  const f = input.figures;
  if (!f) return out;
  for (const m of input.measures) {
    out.push({ key: `maxDeviation.${m.key}`, label: `${m.label}: largest deviation from target`, value: percent(f.maxDeviation[m.key] ?? 0) });
    out.push({ key: `granularity.${m.key}`, label: `${m.label}: granularity (best reachable)`, value: percent(f.granularity[m.key] ?? 0) });
  }
  out.push(
    { key: 'meanTravelKm', label: 'Mean travel from rep home (km)', value: f.meanTravelKm === null ? '–' : f.meanTravelKm.toFixed(1) },
    { key: 'contiguityBreaks', label: 'Contiguity breaks', value: integer.format(f.contiguityBreaks) },
    { key: 'cutEdges', label: 'Cut edges (boundary length)', value: integer.format(f.cutEdges) },
    { key: 'meanCompactness', label: 'Mean compactness (1 = ideal)', value: f.meanCompactness === null ? '–' : f.meanCompactness.toFixed(3) },
    { key: 'unassignedCells', label: 'Unassigned cells', value: integer.format(f.unassignedCells) },
  );
  return out;
}
