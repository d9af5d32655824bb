import type { Db } from '../db-types';

/**
 * Goals and actuals (issue 8). A goal set is one scenario's goal for one measure: the
 * total it was derived from, the blend of measures that split it, the rounding step, and
 * the goal per study-area cell (little-endian Float64), so goals follow their cells when
 * the alignment changes. `resolution` is the H3 resolution the cells are at: a goal set of
 * another resolution is derived again from its total. Actuals are results per account,
 * period (`2026-03`, `2026-Q1`) and measure.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE goal_sets (
      scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      measure     TEXT NOT NULL,
      total       REAL NOT NULL,
      basis       TEXT NOT NULL,
      step        REAL NOT NULL,
      resolution  INTEGER NOT NULL,
      cells       BLOB NOT NULL,
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (scenario_id, measure)
    ) WITHOUT ROWID;

    CREATE TABLE actuals (
      account_id TEXT NOT NULL,
      period     TEXT NOT NULL,
      measure    TEXT NOT NULL,
      value      REAL NOT NULL,
      PRIMARY KEY (account_id, period, measure)
    ) WITHOUT ROWID;
  `);
}
