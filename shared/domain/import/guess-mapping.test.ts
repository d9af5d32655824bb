import { describe, expect, it } from 'vitest';
import { columnIndex, guessMapping, layoutSignature, measureKey, validateMapping } from './guess-mapping';
import type { ImportKind, ImportMapping, TableRow } from './types';

const rows = (...values: string[][]): TableRow[] => values.map((v, i) => ({ row: i + 2, values: v }));
const roles = (kind: ImportKind, header: string[], sample: TableRow[] = []): string[] =>
  guessMapping(kind, header, sample).columns.map((c) => c.role);

describe('guessMapping', () => {
  it('maps a typical English account export', () => {
    const header = ['Account ID', 'Account Name', 'Latitude', 'Longitude', 'Revenue', 'Segment', 'Employees'];
    const sample = rows(['00123', 'Acme', '45.5', '-122.6', '1,234.50', 'SMB', '12'], ['00124', 'Beta', '45.6', '-122.7', '99.00', 'ENT', '250']);
    const mapping = guessMapping('accounts', header, sample);
    expect(mapping.columns).toEqual([
      { column: 'Account ID', role: 'id' },
      { column: 'Account Name', role: 'name' },
      { column: 'Latitude', role: 'latitude' },
      { column: 'Longitude', role: 'longitude' },
      { column: 'Revenue', role: 'measure', key: 'revenue', label: 'Revenue' },
      { column: 'Segment', role: 'attribute', key: 'Segment' },
      { column: 'Employees', role: 'measure', key: 'employees', label: 'Employees' },
    ]);
    expect(mapping.kind).toBe('accounts');
    expect(mapping.missing).toBe('missing');
    expect(mapping.numberFormat).toEqual({ decimal: '.', thousands: ',' });
  });

  it('recognises spellings regardless of case, spaces, underscores and accents', () => {
    for (const h of ['id', 'ID', 'account_number', 'AccountId', 'CUST_NO', 'Kunden-Nr', 'Customer ID', 'sfdc id', 'External Id']) {
      expect(roles('accounts', [h]), h).toEqual(['id']);
    }
    for (const h of ['Name', 'Company', 'Razón Social', 'Firma', 'Raison sociale', 'Customer Name', 'Nome']) {
      expect(roles('accounts', [h]), h).toEqual(['name']);
    }
    for (const h of ['zip', 'Zip Code', 'ZIPCODE', 'postal_code', 'Postcode', 'Post Code', 'CP', 'PLZ', 'CEP', 'Code postal', 'Código Postal']) {
      expect(roles('accounts', [h]), h).toEqual(['postalCode']);
    }
    for (const h of ['Country', 'country_code', 'Pays', 'Land', 'País']) {
      expect(roles('accounts', [h]), h).toEqual(['country']);
    }
  });

  it('pairs latitude and longitude in several languages', () => {
    expect(roles('accounts', ['lat', 'lng'])).toEqual(['latitude', 'longitude']);
    expect(roles('accounts', ['LAT', 'LONG'])).toEqual(['latitude', 'longitude']);
    expect(roles('accounts', ['Breite', 'Länge'])).toEqual(['latitude', 'longitude']);
    expect(roles('accounts', ['Latitud', 'Longitud'])).toEqual(['latitude', 'longitude']);
    expect(roles('accounts', ['Billing Latitude', 'Billing Longitude'])).toEqual(['latitude', 'longitude']);
  });

  it('takes x/y as coordinates only when the values are degrees', () => {
    expect(roles('accounts', ['id', 'y', 'x'], rows(['1', '45.5', '-122.6'], ['2', '40.1', '-74.0']))).toEqual(['id', 'latitude', 'longitude']);
    expect(roles('accounts', ['id', 'y', 'x'], rows(['1', '5034123.5', '412345.2']))).toEqual(['id', 'measure', 'measure']);
  });

  it('drops a latitude without a longitude', () => {
    expect(roles('accounts', ['id', 'Latitude', 'zip'], rows(['1', '45.5', '97201']))).toEqual(['id', 'measure', 'postalCode']);
  });

  it('gives each single-valued role to the best match only', () => {
    expect(roles('accounts', ['Customer Name', 'Name', 'Code', 'ID'], rows(['a', 'b', 'X1', '1']))).toEqual(['attribute', 'name', 'attribute', 'id']);
    expect(roles('accounts', ['Billing Zip', 'Shipping Zip'])).toEqual(['postalCode', 'attribute']);
    expect(roles('accounts', ['Shipping Country', 'Country'])).toEqual(['attribute', 'country']);
  });

  it('detects the number format from measure-like columns, not from coordinates', () => {
    const m = guessMapping('accounts', ['id', 'lat', 'lon', 'Umsatz'], rows(['1', '52.520008', '13.404954', '1234,5'], ['2', '48.137154', '11.576124', '99,75']));
    expect(m.numberFormat).toEqual({ decimal: ',', thousands: '.' });
    expect(m.columns.map((c) => c.role)).toEqual(['id', 'latitude', 'longitude', 'measure']);
  });

  it('never makes the id a measure, even when it is numeric', () => {
    const m = guessMapping('accounts', ['Kundennummer', 'Umsatz'], rows(['00123', '1.234,56'], ['00456', '7,5']));
    expect(m.columns.map((c) => c.role)).toEqual(['id', 'measure']);
    expect(m.numberFormat).toEqual({ decimal: ',', thousands: '.' });
  });

  it('makes a column a measure when at least 90 % of its non-empty sample values are numbers', () => {
    const nine = Array.from({ length: 10 }, (_, i) => [String(i), i === 9 ? 'unknown' : String(i * 10), i < 8 ? String(i) : 'x', '', i === 0 ? 'n/a' : '3']);
    expect(roles('accounts', ['id', 'Visits', 'Score', 'Empty', 'Calls'], rows(...nine))).toEqual(['id', 'measure', 'attribute', 'attribute', 'measure']);
  });

  it('maps rep files: ids, capacity, and numeric columns as attributes', () => {
    const header = ['Employee ID', 'Rep Name', 'Home Latitude', 'Home Longitude', 'FTE', 'Quota'];
    expect(roles('reps', header, rows(['E1', 'Ann', '45', '-122', '1', '100000']))).toEqual([
      'id', 'name', 'latitude', 'longitude', 'capacity', 'attribute',
    ]);
    expect(roles('reps', ['user_id', 'Sales Rep', 'Capacity', 'PLZ'])).toEqual(['id', 'name', 'capacity', 'postalCode']);
  });

  it('maps alignment files, preferring an account id key over a postal code key', () => {
    expect(roles('alignment', ['Account ID', 'Territory', 'Account Owner', 'Region', 'ZIP', 'Notes'])).toEqual([
      'id', 'territory', 'rep', 'region', 'ignore', 'ignore',
    ]);
    expect(roles('alignment', ['PLZ', 'Gebiet', 'Vertreter', 'Area'])).toEqual(['postalCode', 'territory', 'rep', 'region']);
    expect(roles('alignment', ['cust_no', 'terr', 'owner', 'district'])).toEqual(['id', 'territory', 'rep', 'region']);
    expect(roles('alignment', ['Account ID', 'Territory ID', 'Rep ID'])).toEqual(['id', 'territory', 'rep']);
  });

  it('ignores columns with an empty or repeated header', () => {
    expect(roles('accounts', ['id', '', 'Segment', 'Segment'])).toEqual(['id', 'ignore', 'attribute', 'ignore']);
  });

  it('gives measures unique keys and keeps the header as the label', () => {
    const m = guessMapping('accounts', ['id', 'Revenue', 'revenue ', 'REVENUE!'], rows(['1', '1', '2', '3']));
    expect(m.columns.slice(1).map((c) => [c.key, c.label])).toEqual([
      ['revenue', 'Revenue'],
      ['revenue_2', 'revenue '],
      ['revenue_3', 'REVENUE!'],
    ]);
  });
});

describe('measureKey', () => {
  it('slugs the header to lower-case ASCII', () => {
    expect(measureKey('Revenue (USD)', new Set())).toBe('revenue_usd');
    expect(measureKey('Umsatz 2023 €', new Set())).toBe('umsatz_2023');
    expect(measureKey('Ça coûte', new Set())).toBe('ca_coute');
    expect(measureKey('Straße', new Set())).toBe('strasse');
  });

  it('is never empty and never starts with a digit', () => {
    expect(measureKey('€€', new Set())).toBe('measure');
    expect(measureKey('', new Set())).toBe('measure');
    expect(measureKey('2024 Sales', new Set())).toBe('m_2024_sales');
  });

  it('appends _2, _3 … while the key is taken', () => {
    expect(measureKey('Revenue', new Set(['revenue']))).toBe('revenue_2');
    expect(measureKey('Revenue', new Set(['revenue', 'revenue_2']))).toBe('revenue_3');
    expect(measureKey('Visits', new Set(['revenue']))).toBe('visits');
  });
});

describe('layoutSignature', () => {
  it('ignores case and surrounding whitespace but not order', () => {
    expect(layoutSignature([' Account ID', 'NAME  '])).toBe(layoutSignature(['account id', 'name']));
    expect(layoutSignature(['a', 'b'])).not.toBe(layoutSignature(['b', 'a']));
    expect(layoutSignature(['a b'])).not.toBe(layoutSignature(['a', 'b']));
  });
});

describe('columnIndex', () => {
  it('finds a column exactly, else by its normalised header', () => {
    expect(columnIndex(['Name', 'name'], 'name')).toBe(1);
    expect(columnIndex(['id', ' Revenue '], 'revenue')).toBe(1);
    expect(columnIndex(['id'], 'name')).toBe(-1);
  });
});

describe('validateMapping', () => {
  const base = (columns: ImportMapping['columns'], kind: ImportKind = 'accounts'): ImportMapping => ({
    kind,
    columns,
    numberFormat: { decimal: '.', thousands: ',' },
    missing: 'missing',
  });

  it('accepts a complete mapping', () => {
    const m = base([
      { column: 'id', role: 'id' },
      { column: 'lat', role: 'latitude' },
      { column: 'lon', role: 'longitude' },
      { column: 'rev', role: 'measure', key: 'rev' },
    ]);
    expect(validateMapping(m, ['id', 'lat', 'lon', 'rev'])).toEqual([]);
    expect(validateMapping(base([{ column: 'zip', role: 'postalCode' }, { column: 'terr', role: 'territory' }], 'alignment'), ['zip', 'terr'])).toEqual([]);
  });

  it('reports missing required roles per kind', () => {
    expect(validateMapping(base([{ column: 'name', role: 'name' }]), ['name'])).toEqual([
      'no column is mapped to id',
      'no location: map latitude and longitude, or a postal code',
    ]);
    expect(validateMapping(base([{ column: 'rep', role: 'rep' }], 'alignment'), ['rep'])).toEqual([
      'no column is mapped to territory',
      'no key: map an account id or a postal code column',
    ]);
    expect(
      validateMapping(base([{ column: 'id', role: 'id' }, { column: 'zip', role: 'postalCode' }, { column: 't', role: 'territory' }], 'alignment'), ['id', 'zip', 't']),
    ).toEqual(['map either an account id or a postal code as the key, not both']);
  });

  it('reports unknown columns, repeated roles and columns, roles of other kinds, and half coordinate pairs', () => {
    const m = base([
      { column: 'id', role: 'id' },
      { column: 'code', role: 'id' },
      { column: 'lat', role: 'latitude' },
      { column: 'zip', role: 'postalCode' },
      { column: 'fte', role: 'capacity' },
      { column: 'gone', role: 'attribute' },
      { column: 'zip', role: 'attribute' },
    ]);
    expect(validateMapping(m, ['id', 'code', 'lat', 'zip', 'fte'])).toEqual([
      'capacity does not apply to accounts files (column "fte")',
      'column "gone" is not in the file',
      'column "zip" is mapped 2 times',
      'id is mapped to 2 columns: "id", "code"',
      'latitude is mapped but longitude is not',
    ]);
  });

  it('reports two measures with the same key', () => {
    const m = base([
      { column: 'id', role: 'id' },
      { column: 'zip', role: 'postalCode' },
      { column: 'Revenue', role: 'measure' },
      { column: 'revenue!', role: 'measure' },
      { column: 'x', role: 'measure', key: 'visits' },
      { column: 'y', role: 'measure', key: 'visits' },
    ]);
    expect(validateMapping(m, ['id', 'zip', 'Revenue', 'revenue!', 'x', 'y', 'zip'])).toEqual([
      'measures "Revenue", "revenue!" share the key "revenue"',
      'measures "x", "y" share the key "visits"',
    ]);
  });
});
