import type { Db } from '../db-types';

/** The first schema: study area, accounts, reps, measures, scenarios, alignments, history. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Design units: H3 cells at the workspace resolution, empty ones included.
    -- idx is dense (0 … n-1) and append-only, so alignments can refer to it.
    CREATE TABLE cells (
      idx       INTEGER PRIMARY KEY,
      h3        TEXT NOT NULL UNIQUE,
      lat       REAL NOT NULL,
      lon       REAL NOT NULL,
      component INTEGER NOT NULL,
      accounts  INTEGER NOT NULL DEFAULT 0
    );

    -- Cached derived data of the study area (CSR adjacency as Int32 little-endian blobs).
    CREATE TABLE grid (
      key  TEXT PRIMARY KEY,
      data BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE measures (
      key      TEXT PRIMARY KEY,
      label    TEXT NOT NULL,
      unit     TEXT NOT NULL DEFAULT '',
      formula  TEXT,
      position INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE accounts (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      lat        REAL NOT NULL,
      lon        REAL NOT NULL,
      cell       INTEGER NOT NULL REFERENCES cells(idx),
      measures   TEXT NOT NULL DEFAULT '{}',
      attributes TEXT NOT NULL DEFAULT '{}'
    ) WITHOUT ROWID;
    CREATE INDEX accounts_cell ON accounts(cell);

    -- Per-cell measure totals (only non-zero rows), derived from accounts at import.
    CREATE TABLE cell_totals (
      measure TEXT NOT NULL REFERENCES measures(key) ON DELETE CASCADE,
      cell    INTEGER NOT NULL REFERENCES cells(idx),
      value   REAL NOT NULL,
      PRIMARY KEY (measure, cell)
    ) WITHOUT ROWID;

    CREATE TABLE reps (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      lat        REAL NOT NULL,
      lon        REAL NOT NULL,
      cell       INTEGER REFERENCES cells(idx),
      capacity   REAL NOT NULL DEFAULT 1 CHECK (capacity > 0),
      attributes TEXT NOT NULL DEFAULT '{}'
    ) WITHOUT ROWID;

    CREATE TABLE scenarios (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      parent_id   INTEGER REFERENCES scenarios(id) ON DELETE SET NULL,
      created_at  TEXT NOT NULL,
      note        TEXT NOT NULL DEFAULT '',
      locked      INTEGER NOT NULL DEFAULT 0,
      is_baseline INTEGER NOT NULL DEFAULT 0,
      archived    INTEGER NOT NULL DEFAULT 0,
      revision    INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE territories (
      scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      id          INTEGER NOT NULL,
      name        TEXT NOT NULL,
      color       TEXT NOT NULL,
      rep_id      TEXT REFERENCES reps(id) ON DELETE SET NULL,
      parent_id   INTEGER,
      locked      INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (scenario_id, id)
    ) WITHOUT ROWID;

    -- Cells absent from a scenario's rows are unassigned.
    CREATE TABLE assignments (
      scenario_id  INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      cell         INTEGER NOT NULL REFERENCES cells(idx),
      territory_id INTEGER NOT NULL,
      PRIMARY KEY (scenario_id, cell)
    ) WITHOUT ROWID;

    -- Named accounts placed in a territory other than their cell's.
    CREATE TABLE account_overrides (
      scenario_id  INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      territory_id INTEGER NOT NULL,
      PRIMARY KEY (scenario_id, account_id)
    ) WITHOUT ROWID;

    -- Undo/redo per scenario, surviving restarts; also the audit trail of edits.
    CREATE TABLE history (
      scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
      seq         INTEGER NOT NULL,
      command     TEXT NOT NULL,
      inverse     TEXT NOT NULL,
      label       TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      undone      INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (scenario_id, seq)
    ) WITHOUT ROWID;
  `);
}
