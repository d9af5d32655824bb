import { detectNumberFormat, parseNumber } from './parse-number';
import type { ColumnMapping, FieldRole, ImportKind, ImportMapping, NumberFormat, TableRow } from './types';

/**
 * A first guess of what each column of an imported file means, from its header names
 * (in common spellings and several languages) and a sample of its rows; plus the checks
 * a mapping must pass before a file is read with it.
 */

/** Roles that take at most one column. */
type SingleRole = Exclude<FieldRole, 'measure' | 'attribute' | 'ignore'>;

const SINGLE_ROLES: readonly SingleRole[] = ['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'capacity', 'territory', 'rep', 'region'];

const ACCOUNT_IDS = [
  'id', 'account id', 'account number', 'account no', 'account nr', 'account num', 'account code', 'acct id', 'acct no',
  'acct number', 'customer id', 'customer number', 'customer no', 'customer code', 'cust id', 'cust no', 'cust num',
  'client id', 'client number', 'external id', 'sfdc id', 'salesforce id', 'crm id', 'kunden nr', 'kundennummer',
  'kunden id', 'id cliente', 'numero cliente', 'num cliente', 'codigo cliente', 'id client', 'numero client',
  'code client', 'identifiant', 'codice cliente', 'cod cliente', 'codigo', 'code',
];
const REP_IDS = [
  'rep id', 'id', 'employee id', 'employee number', 'emp id', 'user id', 'sales rep id', 'salesperson id', 'rep code',
  'rep number', 'personalnummer', 'mitarbeiter id', 'id vendedor', 'codigo vendedor', 'external id', 'code',
];
const ACCOUNT_NAMES = [
  'name', 'account name', 'company', 'company name', 'customer name', 'customer', 'client name', 'client',
  'business name', 'organization', 'organisation', 'razon social', 'nombre', 'nombre cliente', 'empresa',
  'raison sociale', 'nom', 'nom client', 'societe', 'firma', 'firmenname', 'kunde', 'kundenname', 'ragione sociale',
  'nome', 'nome cliente', 'azienda',
];
const REP_NAMES = [
  'name', 'rep name', 'rep', 'sales rep', 'salesperson', 'sales representative', 'representative', 'employee name',
  'employee', 'full name', 'user name', 'nombre', 'vendedor', 'representante', 'nom', 'commercial', 'mitarbeiter',
  'vertreter', 'nome', 'venditore',
];
const LATITUDES = [
  'lat', 'latitude', 'y', 'breite', 'breitengrad', 'latitud', 'latitudine', 'geo lat', 'geo latitude', 'lat deg',
  'y coord', 'y coordinate', 'coord y',
];
const LONGITUDES = [
  'lon', 'lng', 'long', 'longitude', 'x', 'lange', 'laenge', 'langengrad', 'laengengrad', 'longitud', 'longitudine',
  'geo lon', 'geo lng', 'geo longitude', 'lon deg', 'x coord', 'x coordinate', 'coord x',
];
const POSTAL = [
  'zip', 'zip code', 'postal code', 'postcode', 'post code', 'postal', 'zip4', 'zip 5', 'cp', 'code postal',
  'codigo postal', 'plz', 'postleitzahl', 'cep', 'codice postale',
];
const COUNTRIES = ['country', 'country code', 'country iso', 'iso country', 'pais', 'codigo pais', 'pays', 'code pays', 'land', 'paese', 'nation'];
const CAPACITIES = ['capacity', 'fte', 'capacidad', 'capacite', 'kapazitat', 'kapazitaet', 'capacita', 'capacidade'];
const TERRITORIES = [
  'territory', 'territory name', 'territory id', 'terr', 'territory code', 'terr id', 'terr name', 'territorio',
  'territoire', 'gebiet', 'verkaufsgebiet', 'secteur',
];
const REPS = [
  'rep', 'rep id', 'owner', 'sales rep', 'account owner', 'rep name', 'sales rep id', 'owner id', 'owner name',
  'salesperson', 'representative', 'vendedor', 'representante', 'commercial', 'vertreter', 'betreuer',
];
const REGIONS = ['region', 'area', 'district', 'region name', 'region id', 'zone', 'regione', 'distrito', 'bezirk'];

/** Header spellings per role and kind, best first. */
const SYNONYMS: Record<ImportKind, Partial<Record<SingleRole, readonly string[]>>> = {
  accounts: { id: ACCOUNT_IDS, name: ACCOUNT_NAMES, latitude: LATITUDES, longitude: LONGITUDES, postalCode: POSTAL, country: COUNTRIES },
  reps: {
    id: REP_IDS, name: REP_NAMES, latitude: LATITUDES, longitude: LONGITUDES, postalCode: POSTAL, country: COUNTRIES,
    capacity: CAPACITIES,
  },
  alignment: { id: ACCOUNT_IDS, postalCode: POSTAL, territory: TERRITORIES, rep: REPS, region: REGIONS },
};

/** Roles a column may take per kind of file (see types.ts). */
const ALLOWED: Record<ImportKind, ReadonlySet<FieldRole>> = {
  accounts: new Set(['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'measure', 'attribute', 'ignore']),
  reps: new Set(['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'capacity', 'attribute', 'ignore']),
  alignment: new Set(['id', 'postalCode', 'territory', 'rep', 'region', 'ignore']),
};

/** Single words that may match inside a longer header ("Billing Latitude"); longer spellings always may. */
const PARTIAL_WORDS = new Set([
  'latitude', 'longitude', 'breitengrad', 'langengrad', 'zip', 'postcode', 'plz', 'postleitzahl', 'country',
  'territory', 'region', 'capacity',
]);

/** Spellings that may also mean projected coordinates: taken only when the values are degrees. */
const XY = new Set(['x', 'y', 'xcoord', 'ycoord', 'xcoordinate', 'ycoordinate', 'coordx', 'coordy']);

/** Lower-case ASCII-ish words of a header: accents stripped, camelCase and punctuation split. */
function words(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const ROLE_LABEL: Record<FieldRole, string> = {
  id: 'id', name: 'name', latitude: 'latitude', longitude: 'longitude', postalCode: 'postal code', country: 'country',
  measure: 'measure', attribute: 'attribute', capacity: 'capacity', territory: 'territory', rep: 'rep', region: 'region',
  ignore: 'ignore',
};

/**
 * A stable measure key from a header: lower-case ASCII slug (accents stripped, anything
 * else → '_'), 'measure' when nothing is left, 'm_' before a leading digit, and _2, _3 …
 * appended while the key is in `taken`. The caller adds the result to its set.
 */
export function measureKey(header: string, taken: ReadonlySet<string>): string {
  let base = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') base = 'measure';
  if (/^\d/.test(base)) base = `m_${base}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** The key a measure column is stored under: its own key, else the slug of its header. */
export function measureKeyOf(column: ColumnMapping): string {
  return column.key || measureKey(column.column, new Set());
}

const normalHeader = (h: string): string => h.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Where a mapped column sits in a header: the first header equal to `column`, else the
 * first equal to it trimmed, whitespace-collapsed and lower-cased (a saved mapping reused
 * for a file whose headers differ only so); -1 when none.
 */
export function columnIndex(header: readonly string[], column: string): number {
  const exact = header.indexOf(column);
  if (exact >= 0) return exact;
  const wanted = normalHeader(column);
  return header.findIndex((h) => normalHeader(h) === wanted);
}

/**
 * A normalised signature of a file's layout (headers trimmed, whitespace collapsed,
 * lower-cased, joined with U+001F), so a saved mapping can be reused for the next file
 * with the same columns in the same order.
 */
export function layoutSignature(header: readonly string[]): string {
  return header.map(normalHeader).join('\u001f');
}

interface Candidate {
  column: number;
  role: SingleRole;
  score: number;
  xy: boolean;
}

/** Header matches of one column: exact spellings score above spellings found inside the header. */
function candidates(kind: ImportKind, column: number, header: string): Candidate[] {
  const w = words(header);
  const compact = w.join('');
  const joined = ` ${w.join(' ')} `;
  const found: Candidate[] = [];
  if (compact === '') return found;
  for (const role of SINGLE_ROLES) {
    const list = SYNONYMS[kind][role] ?? [];
    let best: Candidate | null = null;
    for (let i = 0; i < list.length; i++) {
      const sw = words(list[i]!);
      const sc = sw.join('');
      let score = 0;
      if (sc === compact) score = 2000 - i;
      else if ((sw.length > 1 || PARTIAL_WORDS.has(sc)) && joined.includes(` ${sw.join(' ')} `)) score = 1000 - i;
      if (score > (best?.score ?? 0)) best = { column, role, score, xy: XY.has(sc) };
    }
    if (best) found.push(best);
  }
  return found;
}

/** Share of the non-empty sample values of a column that read as numbers (null when all are empty). */
function numericShare(sample: readonly TableRow[], column: number, format: NumberFormat, max = Infinity): number | null {
  let present = 0;
  let numeric = 0;
  for (const row of sample) {
    const p = parseNumber(row.values[column] ?? '', format);
    if (p.kind === 'missing') continue;
    present++;
    if (p.kind === 'number' && Math.abs(p.value) <= max) numeric++;
  }
  return present === 0 ? null : numeric / present;
}

const TEXT_ROLES = new Set<FieldRole>(['id', 'name', 'postalCode', 'country', 'territory', 'rep', 'region']);

/**
 * Guesses a mapping from header names and a sample of rows. Each single-valued role goes
 * to the best-matching column (exact spellings before spellings inside a longer header,
 * earlier spellings first, then the leftmost column). A header 'x'/'y' is taken as a
 * coordinate only when its sample values are degrees. A latitude without a longitude (or
 * the reverse) is dropped; in alignment files an id key wins over a postal code key.
 * Other columns: accounts → 'measure' when ≥ 90 % of the non-empty sample values are
 * numbers, else 'attribute'; reps → 'attribute'; alignment → 'ignore'. Columns with an
 * empty or repeated header are ignored.
 */
export function guessMapping(kind: ImportKind, header: readonly string[], sample: readonly TableRow[]): ImportMapping {
  const seen = new Set<string>();
  const usable = header.map((h) => {
    const ok = h.trim() !== '' && !seen.has(h);
    seen.add(h);
    return ok;
  });
  const found = header.flatMap((h, i) => (usable[i] ? candidates(kind, i, h) : []));

  // Text columns say nothing about numbers, and coordinates are read with either decimal mark.
  const coordinate = (c: Candidate): boolean => (c.role === 'latitude' || c.role === 'longitude') && !c.xy;
  const skip = new Set(found.filter((c) => TEXT_ROLES.has(c.role) || coordinate(c)).map((c) => c.column));
  const numericCells: string[] = [];
  header.forEach((_, i) => {
    if (!usable[i] || skip.has(i)) return;
    for (const row of sample) {
      const v = row.values[i] ?? '';
      if (v.trim() !== '') numericCells.push(v);
    }
  });
  const numberFormat = detectNumberFormat(numericCells);

  const plausible = found.filter((c) => {
    if (!c.xy) return true;
    const share = numericShare(sample, c.column, numberFormat, c.role === 'latitude' ? 90 : 180);
    return share !== null && share >= 0.9;
  });
  plausible.sort((a, b) => b.score - a.score || SINGLE_ROLES.indexOf(a.role) - SINGLE_ROLES.indexOf(b.role) || a.column - b.column);
  const roleOf = new Map<number, SingleRole>();
  const columnOf = new Map<SingleRole, number>();
  for (const c of plausible) {
    if (roleOf.has(c.column) || columnOf.has(c.role)) continue;
    roleOf.set(c.column, c.role);
    columnOf.set(c.role, c.column);
  }
  const drop = (role: SingleRole): void => {
    const col = columnOf.get(role);
    if (col !== undefined) roleOf.delete(col);
  };
  if (columnOf.has('latitude') !== columnOf.has('longitude')) {
    drop('latitude');
    drop('longitude');
  }
  if (kind === 'alignment' && columnOf.has('id')) drop('postalCode');

  const taken = new Set<string>();
  const columns = header.map((h, i): ColumnMapping => {
    const role = roleOf.get(i);
    if (!usable[i] || kind === 'alignment') return { column: h, role: role ?? 'ignore' };
    if (role) return { column: h, role };
    const share = kind === 'accounts' ? numericShare(sample, i, numberFormat) : null;
    if (share !== null && share >= 0.9) {
      const key = measureKey(h, taken);
      taken.add(key);
      return { column: h, role: 'measure', key, label: h };
    }
    return { column: h, role: 'attribute', key: h.trim() };
  });
  return { kind, columns, numberFormat, missing: 'missing' };
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Problems that keep a mapping from being used with a file of this header, in words for
 * the user: a column not in the file or mapped twice, a role that does not apply to the
 * kind of file, a single-valued role on two columns, a required role missing (accounts
 * and reps: id, and latitude + longitude or a postal code; alignment: territory, and an
 * account id or a postal code as the key, not both), latitude without longitude or the
 * reverse, two measures with one key. Empty when the mapping is usable. A header that
 * repeats in the file means its first column (see {@link columnIndex}).
 */
export function validateMapping(mapping: ImportMapping, header: readonly string[]): string[] {
  const problems: string[] = [];
  const mapped = new Map<string, number>();
  const byRole = new Map<FieldRole, string[]>();
  const byKey = new Map<string, string[]>();
  for (const c of mapping.columns) {
    mapped.set(c.column, (mapped.get(c.column) ?? 0) + 1);
    if (c.role === 'ignore') continue;
    if (columnIndex(header, c.column) < 0) problems.push(`column "${c.column}" is not in the file`);
    if (!ALLOWED[mapping.kind].has(c.role)) problems.push(`${ROLE_LABEL[c.role]} does not apply to ${mapping.kind} files (column "${c.column}")`);
    byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.column]);
    if (c.role === 'measure') {
      const key = measureKeyOf(c);
      byKey.set(key, [...(byKey.get(key) ?? []), c.column]);
    }
  }
  for (const [column, n] of mapped) if (n > 1) problems.push(`column "${column}" is mapped ${n} times`);
  for (const role of SINGLE_ROLES) {
    const cols = byRole.get(role) ?? [];
    if (cols.length > 1) problems.push(`${ROLE_LABEL[role]} is mapped to ${cols.length} columns: ${quoted(cols)}`);
  }
  for (const [key, cols] of byKey) if (cols.length > 1) problems.push(`measures ${quoted(cols)} share the key "${key}"`);

  const has = (role: FieldRole): boolean => byRole.has(role);
  if (has('latitude') && !has('longitude')) problems.push('latitude is mapped but longitude is not');
  if (has('longitude') && !has('latitude')) problems.push('longitude is mapped but latitude is not');
  if (mapping.kind === 'alignment') {
    if (!has('territory')) problems.push('no column is mapped to territory');
    if (has('id') && has('postalCode')) problems.push('map either an account id or a postal code as the key, not both');
    if (!has('id') && !has('postalCode')) problems.push('no key: map an account id or a postal code column');
  } else {
    if (!has('id')) problems.push('no column is mapped to id');
    if (!(has('latitude') && has('longitude')) && !has('postalCode')) {
      problems.push('no location: map latitude and longitude, or a postal code');
    }
  }
  return problems;
}
