import type { Db } from '../db-types';

/** Regions: the level above territories (`territories.parent_id` names a region of the same scenario). */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE regions (
      scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      id          INTEGER NOT NULL,
      name        TEXT NOT NULL,
      PRIMARY KEY (scenario_id, id)
    ) WITHOUT ROWID;
  `);
}
