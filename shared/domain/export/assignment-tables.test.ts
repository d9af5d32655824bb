import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_ID_COLUMNS, assignmentsSheet, postalSheet } from './assignment-tables';
import { tableCsv } from './table-csv';

const territories = [
  { id: 7, name: 'North', repId: '007' },
  { id: 9, name: '=Evil', repId: null },
];
const repNames = new Map([['007', 'Ana, "Bond"']]);

describe('assignmentsSheet', () => {
  const input = {
    ids: ['00123', 'ACME-1', 'x9', 'lost'],
    names: ['Alpha', 'Beta', 'Gamma', 'Nowhere'],
    cell: Int32Array.from([0, 1, 1, 2]),
    territoryOfCell: Int32Array.from([7, 9, -1]),
    overrides: new Map([['x9', 7]]),
    territories,
    repNames,
  };

  it('gives each account its cell territory, or its override, with the rep', () => {
    const sheet = assignmentsSheet(input);
    expect(sheet.header).toEqual(['account_id', 'account_name', 'territory_id', 'territory_name', 'rep_id', 'rep_name']);
    expect(sheet.rows).toEqual([
      ['00123', 'Alpha', '7', 'North', '007', 'Ana, "Bond"'],
      ['ACME-1', 'Beta', '9', '=Evil', '', ''],
      ['x9', 'Gamma', '7', 'North', '007', 'Ana, "Bond"'],
      ['lost', 'Nowhere', '', '', '', ''],
    ]);
  });

  it('writes ids and the names matched on exactly, and guards account names against formulas', () => {
    const csv = tableCsv(assignmentsSheet({ ...input, names: ['=cmd|x', 'Beta', 'Gamma', 'Nowhere'] }), { bom: true, exactColumns: ASSIGNMENT_ID_COLUMNS });
    expect(csv.startsWith('\ufeffaccount_id,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`00123,'=cmd|x,7,North,007,"Ana, ""Bond"""`);
    expect(lines[2]).toBe('ACME-1,Beta,9,=Evil,,');
    expect(lines.at(-1)).toBe('');
  });
});

describe('postalSheet', () => {
  it('gives each postal code the territory of the cell most of its accounts are in', () => {
    const sheet = postalSheet({
      postal: ['02134', null, '02134', '02134', '90210', ''],
      cell: Int32Array.from([0, 1, 0, 1, 2, 2]),
      territoryOfCell: Int32Array.from([7, 9, -1]),
      territories,
      repNames,
    });
    expect(sheet.rows).toEqual([
      ['02134', '7', 'North', '007', 'Ana, "Bond"', 3],
      ['90210', '', '', '', '', 1],
    ]);
  });

  it('groups the spellings of one code as the import reads them', () => {
    const sheet = postalSheet({
      postal: ['2134', '02134-1234', ' 02134 ', 'K1A 0B1'],
      cell: Int32Array.from([0, 0, 1, 1]),
      territoryOfCell: Int32Array.from([7, 9]),
      territories,
      repNames,
      normalize: (c) => (/^\d{4,5}(-\d{4})?$/.test(c) ? c.slice(0, c.indexOf('-') < 0 ? c.length : c.indexOf('-')).padStart(5, '0') : null),
    });
    expect(sheet.rows.map((r) => [r[0], r[5]])).toEqual([
      ['02134', 3],
      ['K1A 0B1', 1],
    ]);
  });

  it('is empty when no account was located by postal code', () => {
    expect(postalSheet({ postal: [null, null], cell: Int32Array.from([0, 0]), territoryOfCell: Int32Array.from([7]), territories, repNames }).rows).toEqual([]);
  });
});

describe('tableCsv', () => {
  it('writes numbers in plain notation and null as empty', () => {
    const csv = tableCsv({ name: 't', header: ['a', 'b', 'c'], rows: [[1e21, 1e-7, null], [-12.5, Number.NaN, '-1+2']] });
    expect(csv).toBe("a,b,c\r\n1000000000000000000000,0.0000001,\r\n-12.5,,'-1+2\r\n");
  });
});
