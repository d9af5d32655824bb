import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../shared/domain/import/types';
import { createTranslator } from '../../../shared/i18n/create-translator';
import { alignToHeader, mappingProblems, numberRule, withDecimal, withRole } from './mapping-rules';

const { t } = createTranslator('en');
const accounts = (columns: ImportMapping['columns']): ImportMapping => ({ kind: 'accounts', columns, numberFormat: { decimal: '.', thousands: ',' }, missing: 'missing' });

describe('mapping problems', () => {
  it('accepts id with coordinates, and names what is missing or doubled', () => {
    const ok = accounts([
      { column: 'ID', role: 'id' },
      { column: 'Lat', role: 'latitude' },
      { column: 'Lon', role: 'longitude' },
      { column: 'Sales', role: 'measure', key: 'sales', label: 'Sales' },
    ]);
    expect(mappingProblems(ok, 'csv', t)).toEqual([]);
    const bad = accounts([
      { column: 'ID', role: 'name' },
      { column: 'Name', role: 'name' },
      { column: 'Lat', role: 'latitude' },
      { column: 'Sales', role: 'measure', key: ' ' },
    ]);
    expect(mappingProblems(bad, 'csv', t)).toEqual([
      'Column “Sales” needs a name to be stored under.',
      'Name is chosen for more than one column: “ID”, “Name”.',
      'Latitude is mapped but longitude is not.',
      'No column is mapped to Id.',
      'No location: map Latitude and Longitude, or a Postal code.',
    ]);
  });

  it('asks an alignment for a territory and one key; GeoJSON boundaries only for the territory', () => {
    const both: ImportMapping = { ...accounts([{ column: 'Acct', role: 'id' }, { column: 'ZIP', role: 'postalCode' }]), kind: 'alignment' };
    expect(mappingProblems(both, 'csv', t)).toEqual(['No column is mapped to Territory.', 'Map either an account id or a postal code as the key, not both.']);
    const boundaries: ImportMapping = { ...accounts([{ column: 'NAME', role: 'territory' }]), kind: 'alignment' };
    expect(mappingProblems(boundaries, 'geojson', t)).toEqual([]);
  });
});

describe('mapping edits', () => {
  it('gives a new measure a free key and its header as label; other roles drop the key', () => {
    const m = accounts([
      { column: 'Sales', role: 'measure', key: 'sales', label: 'Sales' },
      { column: 'sales', role: 'ignore' },
    ]);
    const columns = withRole(m.columns, 1, 'measure');
    expect(columns[1]).toEqual({ column: 'sales', role: 'measure', key: 'sales_2', label: 'sales' });
    expect(withRole(columns, 0, 'name')[0]).toEqual({ column: 'Sales', role: 'name' });
  });

  it('lines a saved mapping up with the header, ignoring columns it does not name', () => {
    const saved = accounts([{ column: 'account id', role: 'id' }, { column: 'Lat', role: 'latitude' }]);
    expect(alignToHeader(saved, ['Lat', 'Account ID', 'Extra']).columns).toEqual([
      { column: 'Lat', role: 'latitude' },
      { column: 'Account ID', role: 'id' },
      { column: 'Extra', role: 'ignore' },
    ]);
  });

  it('switches the decimal mark without clashing with the thousands separator', () => {
    expect(withDecimal({ decimal: '.', thousands: ',' }, ',')).toEqual({ decimal: ',', thousands: '.' });
    expect(withDecimal({ decimal: '.', thousands: ' ' }, ',')).toEqual({ decimal: ',', thousands: ' ' });
    expect(numberRule({ decimal: ',', thousands: '.' }, t)).toBe('decimal comma, thousands separator point (1.234,5)');
  });
});
