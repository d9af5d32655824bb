import { latLngToCell } from 'h3-js';
import type { Db } from '../db/db-types';
import { insertAssignment, setOverrides } from '../db/queries/assignments';
import { insertRegion } from '../db/queries/regions';
import { insertScenario } from '../db/queries/scenarios';
import { insertTerritories } from '../db/queries/territories';
import { alignmentFromKeys } from '../../../shared/domain/import/alignment-from-keys';
import { alignmentFromPolygons } from '../../../shared/domain/import/alignment-from-polygons';
import type { Csr } from '../../../shared/domain/h3/build-adjacency';
import type { ImportIssue } from '../../../shared/domain/import/types';
import { assignTerritoryColors, territoryNeighbors } from '../../../shared/domain/model/palette';
import type { Territory } from '../../../shared/domain/model/territory';
import type { ImportReport } from '../../../shared/contract/import-api';
import { createPostalLookup, normalizePostalCode } from './postal-codes';
import type { Prepared } from './prepared';

export interface AlignmentGrid {
  h3: readonly string[];
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
  graph: Csr;
  resolution: number;
}

export interface AlignmentOutcome {
  summary: NonNullable<ImportReport['alignment']>;
  /** Keys of the file that matched nothing, as issues naming their rows. */
  issues: ImportIssue[];
}

/**
 * Writes "last year's alignment" as a new scenario: from account → territory or postal
 * code → territory rows (cells take the territory most of their named accounts have;
 * accounts that differ become named-account overrides, so every listed account lands
 * in its territory) or from GeoJSON territory polygons (cells by centroid). Reps are
 * matched by id, then by name. Call inside a transaction.
 */
export function commitAlignment(db: Db, prepared: Prepared, grid: AlignmentGrid, options: { scenarioName: string; fillEmpty: boolean; createdAt: string; keyColumn: string }): AlignmentOutcome {
  const n = grid.h3.length;
  let labels: { label: string; rep: string | null; region: string | null }[];
  let owner: Int32Array;
  let overrides: { accountId: string; territory: number }[] = [];
  let conflicts = 0;
  let filled = 0;
  let unmatched = 0;
  const issues: ImportIssue[] = [];
  if (prepared.polygons) {
    const result = alignmentFromPolygons(grid.lat, grid.lon, prepared.polygons);
    labels = prepared.polygons.map((f) => ({ label: f.label, rep: null, region: null }));
    owner = result.territoryOfCell;
    conflicts = result.overlapping;
  } else {
    const rows = prepared.alignment!;
    const cellOf = new Map<string, number>();
    grid.h3.forEach((h, i) => cellOf.set(h, i));
    const accountCell = new Map<string, number>();
    const cellsOfPostal = new Map<string, number[]>();
    for (const [id, cell, postal] of db.prepare('SELECT id, cell, postal_code FROM accounts').raw().all() as [string, number, string | null][]) {
      accountCell.set(id, cell);
      const code = postal === null ? null : normalizePostalCode(postal, '');
      if (code !== null) {
        const list = cellsOfPostal.get(code);
        if (list) list.push(cell);
        else cellsOfPostal.set(code, [cell]);
      }
    }
    const lookup = createPostalLookup();
    const entries = [];
    for (let i = 0; i < rows.keys.length; i++) {
      const key = rows.keys[i]!;
      let cells: number[] = [];
      let accountId: string | null = null;
      if (rows.keyRole === 'id') {
        const cell = accountCell.get(key);
        if (cell !== undefined) {
          cells = [cell];
          accountId = key;
        }
      } else {
        const code = normalizePostalCode(key, '');
        if (code !== null) {
          cells = [...new Set(cellsOfPostal.get(code) ?? [])];
          const centre = lookup(code, '');
          const centreCell = centre ? cellOf.get(latLngToCell(centre.lat, centre.lon, grid.resolution)) : undefined;
          if (centreCell !== undefined && !cells.includes(centreCell)) cells.push(centreCell);
        }
      }
      if (cells.length === 0) {
        unmatched++;
        issues.push({
          row: rows.rows[i]!,
          column: options.keyColumn,
          value: key,
          reason: rows.keyRole === 'id' ? 'no account with this id in the workspace' : 'postal code not found (no account and no known centroid in the study area)',
        });
        continue;
      }
      entries.push({ row: rows.rows[i]!, cells, accountId, territory: rows.territories[i]!, rep: rows.reps[i]!, region: rows.regions[i]! });
    }
    const result = alignmentFromKeys({ cellCount: n, graph: grid.graph, accountCell, entries, fillEmpty: options.fillEmpty });
    labels = result.territories;
    owner = result.territoryOfCell;
    overrides = result.overrides;
    conflicts = result.conflicts;
    filled = result.filled;
  }

  const reps = db.prepare('SELECT id, name FROM reps').raw().all() as [string, string][];
  const repById = new Map(reps.map(([id]) => [id, id]));
  const repByName = new Map(reps.map(([id, name]) => [name.trim().toLowerCase(), id]));
  const regionIds = new Map<string, number>();
  for (const l of labels) if (l.region !== null && !regionIds.has(l.region)) regionIds.set(l.region, regionIds.size + 1);
  const colors = assignTerritoryColors(territoryNeighbors(grid.graph, owner, labels.length));
  const territories: Territory[] = labels.map((l, t) => ({
    id: t + 1,
    name: l.label,
    color: colors[t]!,
    repId: l.rep === null ? null : (repById.get(l.rep) ?? repByName.get(l.rep.trim().toLowerCase()) ?? null),
    parentId: l.region === null ? null : regionIds.get(l.region)!,
    locked: false,
  }));
  const scenarioId = insertScenario(db, { name: options.scenarioName, createdAt: options.createdAt, isBaseline: false });
  for (const [name, id] of regionIds) insertRegion(db, scenarioId, { id, name });
  insertTerritories(db, scenarioId, territories);
  const territoryOfCell = owner.map((t) => (t < 0 ? -1 : t + 1));
  insertAssignment(db, scenarioId, territoryOfCell);
  const byTerritory = new Map<number, string[]>();
  for (const o of overrides) {
    const list = byTerritory.get(o.territory + 1);
    if (list) list.push(o.accountId);
    else byTerritory.set(o.territory + 1, [o.accountId]);
  }
  for (const [t, ids] of byTerritory) setOverrides(db, scenarioId, ids, t);
  let assignedCells = 0;
  for (const t of owner) if (t >= 0) assignedCells++;
  return {
    summary: {
      scenarioId,
      scenarioName: options.scenarioName,
      territories: territories.length,
      assignedCells,
      filledCells: filled,
      overrides: overrides.length,
      conflicts,
      unmatchedKeys: unmatched,
    },
    issues,
  };
}
