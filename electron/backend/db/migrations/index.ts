import type { Db } from '../db-types';
import { up as initial } from './0001-initial';
import { up as regions } from './0002-regions';
import { up as imports } from './0003-imports';
import { up as goals } from './0004-goals';
import { up as pinnedCells } from './0005-pinned-cells';

/** Numbered migrations; entry i upgrades a workspace from user_version i to i+1. */
export const MIGRATIONS: readonly ((db: Db) => void)[] = [initial, regions, imports, goals, pinnedCells];

/** The schema version this build writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** `PRAGMA application_id` of every Tessera workspace: "TESS". */
export const APPLICATION_ID = 0x54455353;
