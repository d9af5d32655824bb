import type BetterSqlite3 from 'better-sqlite3';

/** An open workspace connection (the backend's main thread is its only writer). */
export type Db = BetterSqlite3.Database;
