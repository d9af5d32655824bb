import { describe, expect, it } from 'vitest';
import { diffCsv } from './diff-csv';

describe('diffCsv', () => {
  const input = {
    moved: {
      ids: ['00123', '=cmd', 'A, B'],
      names: ['Acme "Ltd"', '+Plus', 'Zed'],
      from: Int32Array.from([1, 2, -1]),
      to: Int32Array.from([2, 2, 1]),
      repChanged: Uint8Array.from([1, 1, 0]),
      measures: { revenue: Float64Array.from([1e21, Number.NaN, -12.5]) },
    },
    territories: [
      { id: 1, names: { before: 'North', after: 'North' }, rep: { before: 'r1', after: 'r1' } },
      { id: 2, names: { before: 'South', after: 'South East' }, rep: { before: 'r2', after: 'r3' } },
    ],
    repNames: new Map([
      ['r1', 'Ann'],
      ['r2', 'Bob'],
      ['r3', 'Cy'],
    ]),
    measures: [{ key: 'revenue', label: 'Revenue (USD)' }],
  };

  it('writes one row per changed account with both sides, ids exact and numbers in plain notation', () => {
    const lines = diffCsv(input).split('\r\n');
    expect(lines[0]).toBe(
      'account_id,account_name,from_territory_id,from_territory,to_territory_id,to_territory,from_rep_id,from_rep,to_rep_id,to_rep,moved,rep_changed,Revenue (USD)',
    );
    expect(lines[1]).toBe('00123,"Acme ""Ltd""",1,North,2,South East,r1,Ann,r3,Cy,yes,yes,1000000000000000000000');
    // An id is kept exactly; a name a spreadsheet would run as a formula is defused; a missing value is empty.
    expect(lines[2]).toBe("=cmd,'+Plus,2,South,2,South East,r2,Bob,r3,Cy,no,yes,");
    expect(lines[3]).toBe('"A, B",Zed,,,1,North,,,r1,Ann,yes,no,-12.5');
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('starts with a byte order mark only when asked', () => {
    expect(diffCsv(input).charCodeAt(0)).not.toBe(0xfeff);
    expect(diffCsv({ ...input, bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});
