import { describe, expect, it } from 'vitest';
import { DuplicateIds, findDuplicateIds } from './find-duplicates';

describe('DuplicateIds', () => {
  it('keeps the first occurrence and reports each later one with the first row', () => {
    const seen = new DuplicateIds('Account ID');
    expect(seen.check('A1', 2)).toBeNull();
    expect(seen.check('B2', 3)).toBeNull();
    expect(seen.check('A1', 4)).toEqual({ row: 4, column: 'Account ID', value: 'A1', reason: 'duplicate id (first seen on row 2)' });
    expect(seen.check('A1', 9)).toEqual({ row: 9, column: 'Account ID', value: 'A1', reason: 'duplicate id (first seen on row 2)' });
  });

  it('finds repeats after a run of ids in ascending order, and within it', () => {
    const seen = new DuplicateIds('id');
    expect(['a', 'b', 'c'].map((id, i) => seen.check(id, i + 2))).toEqual([null, null, null]);
    expect(seen.check('b', 5)).toEqual({ row: 5, column: 'id', value: 'b', reason: 'duplicate id (first seen on row 3)' });
    expect(seen.check('d', 6)).toBeNull();
    expect(seen.check('c', 7)?.reason).toBe('duplicate id (first seen on row 4)');
    expect(seen.check('d', 8)?.reason).toBe('duplicate id (first seen on row 6)');
    const again = new DuplicateIds('id');
    expect(again.check('x', 2)).toBeNull();
    expect(again.check('x', 3)?.reason).toBe('duplicate id (first seen on row 2)');
  });

  it('compares ids exactly: case, leading zeros and inner spaces count', () => {
    const issues = findDuplicateIds(
      [
        { id: '00123', row: 2 },
        { id: '123', row: 3 },
        { id: 'ab 1', row: 4 },
        { id: 'AB 1', row: 5 },
        { id: 'ab  1', row: 6 },
        { id: '00123', row: 7 },
      ],
      'id',
    );
    expect(issues).toEqual([{ row: 7, column: 'id', value: '00123', reason: 'duplicate id (first seen on row 2)' }]);
  });
});
