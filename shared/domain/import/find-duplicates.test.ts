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
