import type { Db } from '../db-types';

/**
 * Pinned cells: per scenario, the study-area cells a balance must leave in their
 * territory (issue 5's "locked cells"). A pin belongs to the cell, not to a territory:
 * painting the cell elsewhere keeps it pinned there.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE pinned_cells (
      scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      cell        INTEGER NOT NULL REFERENCES cells(idx),
      PRIMARY KEY (scenario_id, cell)
    ) WITHOUT ROWID;
  `);
}
