import { describe, expect, it } from 'vitest';
import { createAccountRowReader, createRepRowReader, type PostalLookup, type RowReaderContext } from './row-readers';
import type { ColumnMapping, ImportMapping, MissingRule, NumberFormat } from './types';

const US: NumberFormat = { decimal: '.', thousands: ',' };
const EU: NumberFormat = { decimal: ',', thousands: '.' };

const header = ['Account ID', 'Name', 'Lat', 'Lon', 'ZIP', 'Country', 'Revenue', 'Visits', 'Segment'];
const columns: ColumnMapping[] = [
  { column: 'Account ID', role: 'id' },
  { column: 'Name', role: 'name' },
  { column: 'Lat', role: 'latitude' },
  { column: 'Lon', role: 'longitude' },
  { column: 'ZIP', role: 'postalCode' },
  { column: 'Country', role: 'country' },
  { column: 'Revenue', role: 'measure', key: 'revenue', label: 'Revenue' },
  { column: 'Visits', role: 'measure', key: 'visits', label: 'Visits' },
  { column: 'Segment', role: 'attribute', key: 'segment' },
];

/** A fake postal table that remembers what it was asked. */
function fakeLookup(): PostalLookup & { calls: [string, string][] } {
  const calls: [string, string][] = [];
  const table: Record<string, { lat: number; lon: number }> = {
    'US 97201': { lat: 45.5, lon: -122.7 },
    'DE 10115': { lat: 52.53, lon: 13.38 },
  };
  const lookup = (code: string, country: string) => {
    calls.push([code, country]);
    return table[`${country} ${code}`] ?? null;
  };
  return Object.assign(lookup, { calls });
}

function context(over: { format?: NumberFormat; missing?: MissingRule; columns?: ColumnMapping[]; header?: string[]; postalCountry?: string } = {}, lookup: PostalLookup | null = fakeLookup()): RowReaderContext {
  const mapping: ImportMapping = {
    kind: 'accounts',
    columns: over.columns ?? columns,
    numberFormat: over.format ?? US,
    missing: over.missing ?? 'missing',
    ...(over.postalCountry ? { postalCountry: over.postalCountry } : {}),
  };
  return { header: over.header ?? header, mapping, lookupPostal: lookup };
}

const read = (values: string[], ctx = context()) => createAccountRowReader(ctx)({ row: 7, values });
const issuesOf = (values: string[], ctx = context()) => {
  const r = read(values, ctx);
  return r.ok ? [] : r.issues;
};

describe('createAccountRowReader', () => {
  it('reads a complete row', () => {
    expect(read(['A-1', ' Acme Corp ', '45.52', '-122.68', '97201', 'US', '1,234.50', '12', ' SMB '])).toEqual({
      ok: true,
      value: { id: 'A-1', name: 'Acme Corp', lat: 45.52, lon: -122.68, measures: { revenue: 1234.5, visits: 12 }, attributes: { segment: 'SMB' } },
      postalCode: '97201',
    });
  });

  it('keeps ids as written apart from surrounding whitespace: leading zeros, inner spaces, case', () => {
    const id = (text: string) => {
      const r = read([text, '', '45', '-122', '', '', '', '', '']);
      return r.ok ? r.value.id : null;
    };
    expect(id('  00123 ')).toBe('00123');
    expect(id('Ab  0012')).toBe('Ab  0012');
    expect(id('\t007\t')).toBe('007');
  });

  it('reports an empty id', () => {
    expect(issuesOf(['  ', 'Acme', '45', '-122', '', '', '', '', ''])).toEqual([{ row: 7, column: 'Account ID', value: '  ', reason: 'empty id' }]);
  });

  it('uses the id as the name when the name is empty or unmapped', () => {
    const r = read(['00123', '  ', '45', '-122', '', '', '', '', '']);
    expect(r.ok && r.value.name).toBe('00123');
    const ctx = context({ columns: columns.filter((c) => c.role !== 'name') });
    const r2 = read(['X9', 'ignored', '45', '-122', '', '', '', '', ''], ctx);
    expect(r2.ok && r2.value.name).toBe('X9');
  });

  it('reports an invalid measure naming the column and the value', () => {
    expect(issuesOf(['A', '', '45', '-122', '', '', '12abc', '1.2.3', ''])).toEqual([
      { row: 7, column: 'Revenue', value: '12abc', reason: 'not a number' },
      { row: 7, column: 'Visits', value: '1.2.3', reason: 'two decimal separators' },
    ]);
  });

  it('applies the missing rule to empty measures', () => {
    const row = ['A', '', '45', '-122', '', '', '5', 'n/a', ''];
    const missing = read(row, context({ missing: 'missing' }));
    expect(missing.ok && missing.value.measures).toEqual({ revenue: 5 });
    const zero = read(row, context({ missing: 'zero' }));
    expect(zero.ok && zero.value.measures).toEqual({ revenue: 5, visits: 0 });
    expect(issuesOf(row, context({ missing: 'reject' }))).toEqual([{ row: 7, column: 'Visits', value: 'n/a', reason: 'missing value' }]);
  });

  it('reads numbers and coordinates of a decimal-comma file', () => {
    const r = read(['A', '', '45,5', '-122,25', '', '', '1.234,5', '7', ''], context({ format: EU }));
    expect(r.ok && r.value).toMatchObject({ lat: 45.5, lon: -122.25, measures: { revenue: 1234.5, visits: 7 } });
    const dotted = read(['A', '', '45.123', '-122.5', '', '', '', '', ''], context({ format: EU }));
    expect(dotted.ok && [dotted.value.lat, dotted.value.lon]).toEqual([45.123, -122.5]);
  });

  it('rejects bad coordinates with the reason', () => {
    expect(issuesOf(['A', '', '-122.7', '45.5', '', '', '', '', ''])).toEqual([
      { row: 7, column: 'Lat', value: '-122.7, 45.5', reason: 'looks like latitude and longitude are swapped' },
    ]);
    expect(issuesOf(['A', '', '45', '200', '97201', '', '', '', ''])).toEqual([
      { row: 7, column: 'Lon', value: '200', reason: 'longitude 200 is out of range −180…180' },
    ]);
    expect(issuesOf(['A', '', 'north', '-122', '', '', '', '', ''])).toEqual([{ row: 7, column: 'Lat', value: 'north', reason: 'latitude: not a number' }]);
  });

  it('treats (0, 0) as no location: falls back to the postal code, else says why', () => {
    const r = read(['A', '', '0', '0', '97201', '', '', '', '']);
    expect(r.ok && [r.value.lat, r.value.lon]).toEqual([45.5, -122.7]);
    expect(issuesOf(['A', '', '0', '0', '', '', '', '', ''])).toEqual([
      { row: 7, column: 'Lat', value: '0, 0', reason: '0, 0 is the null island: a missing location, not a place, and no postal code' },
    ]);
  });

  it('places a row by its postal code when the coordinates are empty', () => {
    const lookup = fakeLookup();
    const r = read(['A', '', '', '', ' 97201 ', '', '', '', ''], context({}, lookup));
    expect(r).toMatchObject({ ok: true, value: { lat: 45.5, lon: -122.7 }, postalCode: '97201' });
    expect(lookup.calls).toEqual([['97201', 'US']]);
  });

  it('takes the postal country from the country column, else the mapping, else US', () => {
    const lookup = fakeLookup();
    const r = read(['A', '', '', '', '10115', 'DE', '', '', ''], context({}, lookup));
    expect(r.ok && r.value.lat).toBe(52.53);
    const noCountry = columns.filter((c) => c.role !== 'country');
    const r2 = read(['A', '', '', '', '10115', 'FR', '', '', ''], context({ columns: noCountry, postalCountry: 'DE' }, lookup));
    expect(r2.ok && r2.value.lon).toBe(13.38);
    expect(lookup.calls).toEqual([['10115', 'DE'], ['10115', 'DE']]);
  });

  it('says why a row has no location', () => {
    expect(issuesOf(['A', '', '', '', '99999', '', '', '', ''])).toEqual([
      { row: 7, column: 'ZIP', value: '99999', reason: 'postal code 99999 not found in the US postal table' },
    ]);
    expect(issuesOf(['A', '', '', '', '', '', '', '', ''])).toEqual([
      { row: 7, column: 'Lat', value: '', reason: 'no location: latitude/longitude empty and no postal code' },
    ]);
    expect(issuesOf(['A', '', '45', '', '', '', '', '', ''])).toEqual([
      { row: 7, column: 'Lat', value: '', reason: 'no location: latitude/longitude empty and no postal code' },
    ]);
    expect(issuesOf(['A', '', '', '', '97201', '', '', '', ''], context({}, null))).toEqual([
      { row: 7, column: 'ZIP', value: '97201', reason: 'postal code 97201 cannot be placed: no postal code table is available' },
    ]);
    const postalOnly = context({ columns: columns.filter((c) => c.role !== 'latitude' && c.role !== 'longitude') });
    expect(issuesOf(['A', '', '', '', '', '', '', '', ''], postalOnly)).toEqual([{ row: 7, column: 'ZIP', value: '', reason: 'no location: no postal code' }]);
  });

  it('reports every issue of a row', () => {
    expect(issuesOf(['', '', '', '', '', '', 'abc', '', '']).map((i) => i.reason)).toEqual([
      'empty id',
      'not a number',
      'no location: latitude/longitude empty and no postal code',
    ]);
  });

  it('pads a short row with empty cells', () => {
    expect(read(['A', 'Acme', '45', '-122'])).toEqual({
      ok: true,
      value: { id: 'A', name: 'Acme', lat: 45, lon: -122, measures: {}, attributes: {} },
      postalCode: null,
    });
  });

  it('rejects a row with non-empty cells beyond the header, but not one with empty extra cells', () => {
    expect(read(['A', 'Acme', ' Inc', '45', '-122', '', '', '5', '6', 'SMB'])).toEqual({
      ok: false,
      issues: [{ row: 7, column: '', value: 'SMB', reason: 'row has 10 fields, the header has 9' }],
    });
    expect(read(['A', 'Acme', '45', '-122', '', '', '', '', '', '', ' '])).toMatchObject({ ok: true });
  });

  it('finds a mapped column whose header differs only in case and whitespace, and refuses unusable mappings', () => {
    const r = read(['A', '', '45', '-122', '', '', '3', '', ''], context({ header: ['account id', 'NAME', 'lat', 'lon', 'zip', 'country', ' revenue ', 'visits', 'segment'] }));
    expect(r.ok && r.value.measures).toEqual({ revenue: 3 });
    expect(() => createAccountRowReader(context({ header: ['Account ID'] }))).toThrow('Column "Name" is not in the file');
    expect(() => createAccountRowReader(context({ columns: columns.slice(1) }))).toThrow('No column is mapped to id');
  });
});

describe('createRepRowReader', () => {
  const repHeader = ['Rep ID', 'Rep', 'Lat', 'Lon', 'FTE', 'Team'];
  const repColumns: ColumnMapping[] = [
    { column: 'Rep ID', role: 'id' },
    { column: 'Rep', role: 'name' },
    { column: 'Lat', role: 'latitude' },
    { column: 'Lon', role: 'longitude' },
    { column: 'FTE', role: 'capacity' },
    { column: 'Team', role: 'attribute', key: 'Team' },
  ];
  const readRep = (values: string[], format: NumberFormat = US) =>
    createRepRowReader({ header: repHeader, mapping: { kind: 'reps', columns: repColumns, numberFormat: format, missing: 'missing' }, lookupPostal: null })({ row: 3, values });

  it('reads a rep with capacity and attributes', () => {
    expect(readRep(['007', 'Bond', '51.5', '-0.12', '0,5', 'MI6'], EU)).toEqual({
      ok: true,
      value: { id: '007', name: 'Bond', lat: 51.5, lon: -0.12, capacity: 0.5, attributes: { Team: 'MI6' } },
      postalCode: null,
    });
  });

  it('defaults the capacity to 1', () => {
    const r = readRep(['R1', '', '51.5', '-0.12', '', '']);
    expect(r.ok && [r.value.capacity, r.value.name, r.value.attributes]).toEqual([1, 'R1', {}]);
  });

  it('rejects a capacity that is not a number greater than 0', () => {
    const reasons = (fte: string) => {
      const r = readRep(['R1', '', '51.5', '-0.12', fte, '']);
      return r.ok ? [] : r.issues.map((i) => `${i.column}: ${i.value}: ${i.reason}`);
    };
    expect(reasons('0')).toEqual(['FTE: 0: capacity must be greater than 0']);
    expect(reasons('-1')).toEqual(['FTE: -1: capacity must be greater than 0']);
    expect(reasons('full')).toEqual(['FTE: full: capacity: not a number']);
  });

  it('reports every issue of a rep row', () => {
    const r = readRep([' ', '', '', '', 'x', '']);
    expect(r.ok ? [] : r.issues.map((i) => i.reason)).toEqual(['empty id', 'capacity: not a number', 'no location: latitude/longitude empty']);
  });
});
