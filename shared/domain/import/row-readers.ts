import type { Account } from '../model/account';
import type { Rep } from '../model/workspace';
import { checkLatLon } from './check-location';
import { columnIndex, measureKeyOf } from './guess-mapping';
import { parseNumber, quickNumber, type ParsedNumber } from './parse-number';
import type { ColumnMapping, FieldRole, ImportIssue, ImportMapping, NumberFormat, TableRow } from './types';

/**
 * Turning one row of an imported file into an account or a rep, or into every issue
 * that keeps it out. The factories resolve columns and formats once, so reading a row
 * does no lookups by name.
 */

/**
 * Places a postal code: `code` is the cell text trimmed (the lookup normalises it),
 * `country` an ISO 3166-1 alpha-2 code or the country cell's text; null when unknown.
 */
export interface PostalLookup {
  (code: string, country: string): { lat: number; lon: number } | null;
}

export interface RowReaderContext {
  header: readonly string[];
  mapping: ImportMapping;
  /** null when no postal table is available: postal codes then place nothing. */
  lookupPostal: PostalLookup | null;
}

/** A record read from a row (with the row's postal code, trimmed, when one is mapped and present), or its issues. */
export type RowResult<T> = { ok: true; value: T; postalCode: string | null } | { ok: false; issues: ImportIssue[] };

/** A mapped column: its header and its position in the row. */
interface Col {
  column: string;
  at: number;
  key: string;
}

interface Plan {
  width: number;
  id: Col;
  name: Col | null;
  lat: Col | null;
  lon: Col | null;
  postal: Col | null;
  country: Col | null;
  capacity: Col | null;
  measures: Col[];
  attributes: Col[];
  format: NumberFormat;
  /** The same decimal mark without thousands separators, and the other mark: for coordinates. */
  coordinate: [NumberFormat, NumberFormat];
  ctx: RowReaderContext;
}

/** Resolves the mapping's columns against the header. @throws Error on a mapping validateMapping rejects */
function plan(ctx: RowReaderContext): Plan {
  const resolve = (c: ColumnMapping, key: string): Col => {
    const at = columnIndex(ctx.header, c.column);
    if (at < 0) throw new Error(`Column "${c.column}" is not in the file; validate the mapping first.`);
    return { column: c.column, at, key };
  };
  const single = (role: FieldRole): Col | null => {
    const c = ctx.mapping.columns.find((m) => m.role === role);
    return c ? resolve(c, c.column) : null;
  };
  const id = single('id');
  if (!id) throw new Error('No column is mapped to id; validate the mapping first.');
  const { decimal } = ctx.mapping.numberFormat;
  return {
    width: ctx.header.length,
    id,
    name: single('name'),
    lat: single('latitude'),
    lon: single('longitude'),
    postal: single('postalCode'),
    country: single('country'),
    capacity: single('capacity'),
    measures: ctx.mapping.columns.filter((c) => c.role === 'measure').map((c) => resolve(c, measureKeyOf(c))),
    attributes: ctx.mapping.columns.filter((c) => c.role === 'attribute').map((c) => resolve(c, c.key || c.column)),
    format: ctx.mapping.numberFormat,
    coordinate: [{ decimal, thousands: '' }, { decimal: decimal === '.' ? ',' : '.', thousands: '' }],
    ctx,
  };
}

const cell = (values: readonly string[], at: number): string => (at < values.length ? values[at]! : '');

/** The whole-row issue of a row with non-empty cells beyond the header, else null. */
function misaligned(row: TableRow, width: number): ImportIssue | null {
  const extra = row.values.slice(width);
  if (extra.every((v) => v.trim() === '')) return null;
  return { row: row.row, column: '', value: extra.join(','), reason: `row has ${row.values.length} fields, the header has ${width}` };
}

/**
 * A coordinate: never grouped, so with either decimal mark ("45.5" and "45,5" are both
 * 45.5 whatever the file's format) and an optional trailing degree sign.
 */
function parseCoordinate(text: string, [own, other]: [NumberFormat, NumberFormat]): ParsedNumber {
  let t = text.trim();
  if (t.endsWith('°')) t = t.slice(0, -1);
  const first = parseNumber(t, own);
  if (first.kind !== 'invalid') return first;
  const second = parseNumber(t, other);
  return second.kind === 'number' ? second : first;
}

/** The row's location, or null with the reason pushed to `issues`. */
function locate(values: readonly string[], row: number, p: Plan, issues: ImportIssue[]): { lat: number; lon: number } | null {
  let nullIsland = '';
  if (p.lat && p.lon) {
    const latText = cell(values, p.lat.at);
    const lonText = cell(values, p.lon.at);
    const [own, other] = p.coordinate;
    let la = quickNumber(latText, own);
    if (Number.isNaN(la)) la = quickNumber(latText, other);
    let lo = quickNumber(lonText, own);
    if (Number.isNaN(lo)) lo = quickNumber(lonText, other);
    if (Math.abs(la) <= 90 && Math.abs(lo) <= 180 && (la !== 0 || lo !== 0)) return { lat: la, lon: lo };
    const lat = parseCoordinate(latText, p.coordinate);
    const lon = parseCoordinate(lonText, p.coordinate);
    if (lat.kind !== 'missing' && lon.kind !== 'missing') {
      if (lat.kind === 'invalid') issues.push({ row, column: p.lat.column, value: latText, reason: `latitude: ${lat.reason}` });
      if (lon.kind === 'invalid') issues.push({ row, column: p.lon.column, value: lonText, reason: `longitude: ${lon.reason}` });
      if (lat.kind === 'invalid' || lon.kind === 'invalid') return null;
      const check = checkLatLon(lat.value, lon.value);
      if (check.ok) return { lat: lat.value, lon: lon.value };
      if (lat.value !== 0 || lon.value !== 0) {
        const onlyLon = !check.swapped && Math.abs(lat.value) <= 90;
        const onlyLat = !check.swapped && Math.abs(lon.value) <= 180;
        const column = onlyLon ? p.lon.column : p.lat.column;
        const value = onlyLon ? lonText : onlyLat ? latText : `${latText.trim()}, ${lonText.trim()}`;
        issues.push({ row, column, value, reason: check.reason });
        return null;
      }
      nullIsland = check.reason; // (0, 0) means "no location": try the postal code
    }
  }
  const code = p.postal ? cell(values, p.postal.at).trim() : '';
  if (p.postal && code !== '') {
    const country = (p.country ? cell(values, p.country.at).trim() : '') || p.ctx.mapping.postalCountry || 'US';
    const lookup = p.ctx.lookupPostal;
    const found = lookup ? lookup(code, country) : null;
    if (found) return found;
    const reason = lookup
      ? `postal code ${code} not found in the ${country} postal table`
      : `postal code ${code} cannot be placed: no postal code table is available`;
    issues.push({ row, column: p.postal.column, value: code, reason });
    return null;
  }
  const coords = p.lat !== null && p.lon !== null;
  let reason: string;
  if (nullIsland) reason = p.postal ? `${nullIsland}, and no postal code` : nullIsland;
  else if (coords && p.postal) reason = 'no location: latitude/longitude empty and no postal code';
  else if (coords) reason = 'no location: latitude/longitude empty';
  else if (p.postal) reason = 'no location: no postal code';
  else reason = 'no location: neither latitude/longitude nor a postal code is mapped';
  const column = p.lat && p.lon ? p.lat.column : (p.postal?.column ?? '');
  issues.push({ row, column, value: nullIsland ? '0, 0' : '', reason });
  return null;
}

/** Id (trimmed, inner spaces, zeros and case kept), name (the id when empty) and attributes. */
function readCommon(
  values: readonly string[],
  row: number,
  p: Plan,
  issues: ImportIssue[],
): { id: string; name: string; attributes: Record<string, string> } {
  const raw = cell(values, p.id.at);
  const id = raw.trim();
  if (id === '') issues.push({ row, column: p.id.column, value: raw, reason: 'empty id' });
  const name = (p.name ? cell(values, p.name.at).trim() : '') || id;
  const attributes: Record<string, string> = {};
  for (const a of p.attributes) {
    const text = cell(values, a.at).trim();
    if (text !== '') attributes[a.key] = text;
  }
  return { id, name, attributes };
}

/**
 * A reader of account rows. Measures: numbers in the mapping's format; an empty cell
 * (or `n/a` …) follows `mapping.missing` ('missing' leaves the key out, 'zero' stores 0,
 * 'reject' rejects the row). Location: latitude + longitude when both are mapped and
 * filled — (0, 0) counts as empty — else the postal code through `lookupPostal`, in the
 * country of the country column, else `mapping.postalCountry`, else 'US'. A row shorter
 * than the header reads as if padded with empty cells; one with non-empty cells beyond
 * the header is rejected whole (usually an unquoted delimiter shifted its values).
 * Every issue of a row is reported.
 * @throws Error when a mapped column is not in the header or no id is mapped
 */
export function createAccountRowReader(ctx: RowReaderContext): (row: TableRow) => RowResult<Account> {
  const p = plan(ctx);
  const { missing } = ctx.mapping;
  return (row) => {
    const { values } = row;
    if (values.length > p.width) {
      const issue = misaligned(row, p.width);
      if (issue) return { ok: false, issues: [issue] };
    }
    const issues: ImportIssue[] = [];
    const { id, name, attributes } = readCommon(values, row.row, p, issues);
    const measures: Record<string, number> = {};
    for (const m of p.measures) {
      const text = cell(values, m.at);
      const quick = quickNumber(text, p.format);
      if (!Number.isNaN(quick)) {
        measures[m.key] = quick;
        continue;
      }
      const parsed = parseNumber(text, p.format);
      if (parsed.kind === 'number') measures[m.key] = parsed.value;
      else if (parsed.kind === 'invalid') issues.push({ row: row.row, column: m.column, value: text, reason: parsed.reason });
      else if (missing === 'zero') measures[m.key] = 0;
      else if (missing === 'reject') issues.push({ row: row.row, column: m.column, value: text, reason: 'missing value' });
    }
    const at = locate(values, row.row, p, issues);
    if (at === null || issues.length > 0) return { ok: false, issues };
    const postalCode = p.postal ? cell(values, p.postal.at).trim() || null : null;
    return { ok: true, value: { id, name, lat: at.lat, lon: at.lon, measures, attributes }, postalCode };
  };
}

/**
 * A reader of rep rows: id, name, location and attributes as for accounts; capacity
 * optional (1 when unmapped or empty) and must be a finite number > 0.
 * @throws Error when a mapped column is not in the header or no id is mapped
 */
export function createRepRowReader(ctx: RowReaderContext): (row: TableRow) => RowResult<Rep & { attributes: Record<string, string> }> {
  const p = plan(ctx);
  return (row) => {
    const { values } = row;
    if (values.length > p.width) {
      const issue = misaligned(row, p.width);
      if (issue) return { ok: false, issues: [issue] };
    }
    const issues: ImportIssue[] = [];
    const { id, name, attributes } = readCommon(values, row.row, p, issues);
    let capacity = 1;
    if (p.capacity) {
      const text = cell(values, p.capacity.at);
      const parsed = parseNumber(text, p.format);
      const column = p.capacity.column;
      if (parsed.kind === 'invalid') issues.push({ row: row.row, column, value: text, reason: `capacity: ${parsed.reason}` });
      else if (parsed.kind === 'number' && parsed.value > 0) capacity = parsed.value;
      else if (parsed.kind === 'number') issues.push({ row: row.row, column, value: text, reason: 'capacity must be greater than 0' });
    }
    const at = locate(values, row.row, p, issues);
    if (at === null || issues.length > 0) return { ok: false, issues };
    const postalCode = p.postal ? cell(values, p.postal.at).trim() || null : null;
    return { ok: true, value: { id, name, lat: at.lat, lon: at.lon, capacity, attributes }, postalCode };
  };
}
