import type { Account } from '../../../../shared/domain/model/account';
import type { Measure } from '../../../../shared/domain/model/workspace';
import type { Db } from '../db-types';

/** An account with the index of the study-area cell it lies in. */
export type AccountRow = Account & { cell: number };

/** Inserts accounts and refreshes the per-cell account counts and measure totals. Call inside a transaction. */
export function insertAccounts(db: Db, accounts: readonly AccountRow[]): void {
  const insert = db.prepare('INSERT INTO accounts (id, name, lat, lon, cell, measures, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const a of accounts) {
    insert.run(a.id, a.name, a.lat, a.lon, a.cell, JSON.stringify(a.measures), JSON.stringify(a.attributes));
  }
  refreshCellTotals(db);
}

/** Recomputes `cells.accounts` and `cell_totals` from the accounts table. */
export function refreshCellTotals(db: Db): void {
  db.exec(`
    UPDATE cells SET accounts = 0;
    UPDATE cells SET accounts = c.n FROM (SELECT cell, count(*) AS n FROM accounts GROUP BY cell) AS c WHERE cells.idx = c.cell;
    DELETE FROM cell_totals;
    INSERT INTO cell_totals (measure, cell, value)
      SELECT m.key, a.cell, sum(json_extract(a.measures, '$."' || m.key || '"'))
      FROM measures m JOIN accounts a
      WHERE json_extract(a.measures, '$."' || m.key || '"') IS NOT NULL
      GROUP BY m.key, a.cell
      HAVING sum(json_extract(a.measures, '$."' || m.key || '"')) <> 0;
  `);
}

export function accountCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

/** measure key → total per cell (length = number of cells). */
export function loadCellTotals(db: Db, measures: readonly Measure[], cells: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  const rows = db.prepare('SELECT cell, value FROM cell_totals WHERE measure = ?').raw();
  for (const m of measures) {
    const values = new Float64Array(cells);
    for (const [cell, value] of rows.all(m.key) as [number, number][]) values[cell] = value;
    out[m.key] = values;
  }
  return out;
}

/** The cell an account lies in, or undefined when there is no such account (ids compared exactly). */
export function accountCell(db: Db, id: string): number | undefined {
  return db.prepare('SELECT cell FROM accounts WHERE id = ?').pluck().get(id) as number | undefined;
}

/** Every account as columns: ids, names, locations, cells and measure values (NaN where missing). */
export function loadAccountColumns(db: Db, measures: readonly Measure[]) {
  const rows = db.prepare('SELECT id, name, lat, lon, cell, measures FROM accounts ORDER BY cell, id').raw().all() as [
    string,
    string,
    number,
    number,
    number,
    string,
  ][];
  const n = rows.length;
  const out = {
    ids: new Array<string>(n),
    names: new Array<string>(n),
    lat: new Float32Array(n),
    lon: new Float32Array(n),
    cell: new Int32Array(n),
    measures: Object.fromEntries(measures.map((m) => [m.key, new Float64Array(n).fill(Number.NaN)])) as Record<string, Float64Array>,
  };
  rows.forEach(([id, name, lat, lon, cell, values], i) => {
    out.ids[i] = id;
    out.names[i] = name;
    out.lat[i] = lat;
    out.lon[i] = lon;
    out.cell[i] = cell;
    const parsed = JSON.parse(values) as Record<string, number>;
    for (const m of measures) {
      const v = parsed[m.key];
      if (typeof v === 'number') out.measures[m.key]![i] = v;
    }
  });
  return out;
}
