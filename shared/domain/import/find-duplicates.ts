import type { ImportIssue } from './types';

/**
 * Duplicate ids in an imported file: the first occurrence is kept, each later one is an
 * issue. Ids are compared exactly (case, spaces and leading zeros matter).
 */
export class DuplicateIds {
  private readonly firstRow = new Map<string, number>();
  /**
   * The ids seen and their rows while every id came after the one before in string
   * order (exports are often sorted by id): such ids are all distinct, so no lookup is
   * needed. The map is built from them at the first id out of order.
   */
  private ascending: { ids: string[]; rows: number[] } | null = { ids: [], rows: [] };

  /** @param column the id column's header, named in the issues */
  constructor(private readonly column: string) {}

  /**
   * Records `id` seen on spreadsheet row `row`.
   * @returns null the first time an id is seen, an issue every later time
   */
  check(id: string, row: number): ImportIssue | null {
    const ascending = this.ascending;
    if (ascending !== null) {
      const { ids, rows } = ascending;
      if (ids.length === 0 || ids[ids.length - 1]! < id) {
        ids.push(id);
        rows.push(row);
        return null;
      }
      for (let i = 0; i < ids.length; i++) this.firstRow.set(ids[i]!, rows[i]!);
      this.ascending = null;
    }
    const first = this.firstRow.get(id);
    if (first === undefined) {
      this.firstRow.set(id, row);
      return null;
    }
    return { row, column: this.column, value: id, reason: `duplicate id (first seen on row ${first})` };
  }
}

/** The duplicate-id issues of `records` in file order (see {@link DuplicateIds}). */
export function findDuplicateIds(records: readonly { id: string; row: number }[], column: string): ImportIssue[] {
  const seen = new DuplicateIds(column);
  const issues: ImportIssue[] = [];
  for (const r of records) {
    const issue = seen.check(r.id, r.row);
    if (issue) issues.push(issue);
  }
  return issues;
}
