import { latLngToCell } from 'h3-js';
import { buildAdjacency, type Csr } from '../../../shared/domain/h3/build-adjacency';
import type { StudyAreaCells } from '../../../shared/domain/h3/build-study-area';
import { connectedComponents } from '../../../shared/domain/graph/connected-components';
import type { Account } from '../../../shared/domain/model/account';
import type { Territory } from '../../../shared/domain/model/territory';
import type { DataCredit, Measure, Rep } from '../../../shared/domain/model/workspace';
import type { Db } from '../db/db-types';
import { insertAccounts } from '../db/queries/accounts';
import { insertAssignment } from '../db/queries/assignments';
import { insertMeasures } from '../db/queries/measures';
import { setMeta } from '../db/queries/meta';
import { insertReps } from '../db/queries/reps';
import { insertScenario } from '../db/queries/scenarios';
import { insertCells, saveAdjacency, saveCellAreas } from '../db/queries/study-area';
import { cellAreasKm2 } from '../../../shared/domain/h3/cell-areas';
import { insertTerritories } from '../db/queries/territories';

/** Everything a fresh workspace is filled with, already validated. */
export interface WorkspaceContent {
  name: string;
  credits: DataCredit[];
  studyArea: StudyAreaCells;
  measures: Measure[];
  accounts: Account[];
  reps: Rep[];
  scenario: { name: string; territories: Territory[]; territoryOfCell: Int32Array } | null;
  /** The study area's adjacency when the caller already built it. */
  graph?: Csr;
}

/**
 * Fills an empty workspace in one transaction: study area (with cached adjacency and
 * island components), measures, accounts in their cells, reps and an initial scenario.
 * @throws Error when an account lies outside the study area (the caller must include its cell)
 */
export function writeWorkspaceContent(db: Db, content: WorkspaceContent, now: string): void {
  const { studyArea } = content;
  const graph = content.graph ?? buildAdjacency(studyArea.h3);
  const { component } = connectedComponents(graph);
  const index = new Map<string, number>();
  studyArea.h3.forEach((h, i) => index.set(h, i));
  const cellOf = (lat: number, lon: number, what: string) => {
    const cell = index.get(latLngToCell(lat, lon, studyArea.resolution));
    if (cell === undefined) throw new Error(`${what} at ${lat}, ${lon} lies outside the study area.`);
    return cell;
  };
  const accounts = content.accounts.map((a) => ({ ...a, cell: cellOf(a.lat, a.lon, `Account ${a.id}`) }));
  const areas = cellAreasKm2(studyArea.h3);
  const reps = content.reps.map((r) => ({ ...r, cell: index.get(latLngToCell(r.lat, r.lon, studyArea.resolution)) ?? null }));

  db.transaction(() => {
    setMeta(db, 'name', content.name);
    setMeta(db, 'created_at', now);
    setMeta(db, 'resolution', String(studyArea.resolution));
    setMeta(db, 'credits', JSON.stringify(content.credits));
    insertCells(db, { h3: studyArea.h3, lat: studyArea.lat, lon: studyArea.lon, component });
    saveAdjacency(db, graph);
    saveCellAreas(db, areas);
    insertMeasures(db, content.measures);
    insertAccounts(db, accounts);
    insertReps(db, reps);
    if (content.scenario) {
      const id = insertScenario(db, { name: content.scenario.name, createdAt: now, isBaseline: true });
      insertTerritories(db, id, content.scenario.territories);
      insertAssignment(db, id, content.scenario.territoryOfCell);
    }
  })();
}
