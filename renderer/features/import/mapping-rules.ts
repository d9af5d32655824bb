import type { ImportPreview } from '../../../shared/contract/api';
import { measureKey } from '../../../shared/domain/import/guess-mapping';
import type { ColumnMapping, FieldRole, ImportKind, ImportMapping, NumberFormat } from '../../../shared/domain/import/types';
import type { Translator } from '../../../shared/i18n/create-translator';

/** Roles a column may take, per kind of file (see FieldRole); GeoJSON boundaries only need the territory's name. */
const ROLES: Record<ImportKind, readonly FieldRole[]> = {
  accounts: ['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'measure', 'attribute', 'ignore'],
  reps: ['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'capacity', 'attribute', 'ignore'],
  alignment: ['id', 'postalCode', 'territory', 'rep', 'region', 'ignore'],
};
const BOUNDARY_ROLES: readonly FieldRole[] = ['territory', 'ignore'];

/** Roles that take at most one column. */
const SINGLE_ROLES = new Set<FieldRole>(['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'capacity', 'territory', 'rep', 'region']);

export function rolesFor(kind: ImportKind, format: ImportPreview['format']): readonly FieldRole[] {
  return kind === 'alignment' && format === 'geojson' ? BOUNDARY_ROLES : ROLES[kind];
}

const normal = (h: string) => h.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The mapping with one column per header, in the file's order and spelled as in the file:
 * the n-th header of a name takes the n-th mapped column of that name (compared exactly,
 * else trimmed and lower-cased, as a saved mapping is matched); headers nothing maps are ignored.
 */
export function alignToHeader(mapping: ImportMapping, header: readonly string[]): ImportMapping {
  const used = new Set<number>();
  const take = (match: (c: ColumnMapping) => boolean) => {
    const at = mapping.columns.findIndex((c, j) => !used.has(j) && match(c));
    if (at >= 0) used.add(at);
    return at;
  };
  const columns = header.map((h): ColumnMapping => {
    let at = take((c) => c.column === h);
    if (at < 0) at = take((c) => normal(c.column) === normal(h));
    return at < 0 ? { column: h, role: 'ignore' } : { ...mapping.columns[at]!, column: h };
  });
  return { ...mapping, columns };
}

/** Roles whose column carries a key (measure key, attribute name). */
export const hasKey = (role: FieldRole): boolean => role === 'measure' || role === 'attribute';

/** A column given a new role: measures get a fresh key (label = header), attributes their header; other roles none. */
export function withRole(columns: readonly ColumnMapping[], index: number, role: FieldRole): ColumnMapping[] {
  return columns.map((c, i) => {
    if (i !== index) return c;
    if (role === 'measure') {
      const taken = new Set(columns.filter((o, j) => j !== i && o.role === 'measure' && o.key).map((o) => o.key!));
      return { column: c.column, role, key: measureKey(c.column, taken), label: c.column };
    }
    if (role === 'attribute') return { column: c.column, role, key: c.column.trim() };
    return { column: c.column, role };
  });
}

/**
 * What keeps a mapping from being imported, in the user's words: a used column whose
 * header the file repeats, a required role missing for the kind, a single-valued role on two columns, latitude without longitude (or the
 * reverse), a measure or attribute without a name, two measures with one key.
 */
export function mappingProblems(mapping: ImportMapping, format: ImportPreview['format'], t: Translator['t']): string[] {
  const problems: string[] = [];
  const byRole = new Map<FieldRole, string[]>();
  const byKey = new Map<string, string[]>();
  const names = new Map<string, number>();
  for (const c of mapping.columns) names.set(c.column, (names.get(c.column) ?? 0) + 1);
  for (const c of mapping.columns) {
    if (c.role === 'ignore') continue;
    if (names.get(c.column)! > 1) problems.push(t('import.problem.repeatedHeader', { column: c.column }));
    byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.column]);
    const key = c.key?.trim() ?? '';
    if (hasKey(c.role) && key === '') problems.push(t('import.problem.noKey', { column: c.column }));
    if (c.role === 'measure' && key !== '') byKey.set(key, [...(byKey.get(key) ?? []), c.column]);
  }
  const quoted = (columns: string[]) => columns.map((c) => `“${c}”`).join(', ');
  for (const [role, columns] of byRole) {
    if (SINGLE_ROLES.has(role) && columns.length > 1) problems.push(t('import.problem.twice', { role: t(`import.role.${role}`), columns: quoted(columns) }));
  }
  for (const [key, columns] of byKey) if (columns.length > 1) problems.push(t('import.problem.sameKey', { key, columns: quoted(columns) }));
  const has = (role: FieldRole) => byRole.has(role);
  if (has('latitude') && !has('longitude')) problems.push(t('import.problem.latitudeAlone'));
  if (has('longitude') && !has('latitude')) problems.push(t('import.problem.longitudeAlone'));
  if (mapping.kind === 'alignment') {
    if (!has('territory')) problems.push(t('import.problem.noTerritory'));
    if (format !== 'geojson') {
      if (has('id') && has('postalCode')) problems.push(t('import.problem.twoKeys'));
      if (!has('id') && !has('postalCode')) problems.push(t('import.problem.noKeyColumn'));
    }
  } else {
    if (!has('id')) problems.push(t('import.problem.noId'));
    if (!(has('latitude') && has('longitude')) && !has('postalCode')) problems.push(t('import.problem.noLocation'));
  }
  return problems;
}

/** The other decimal mark, with a thousands separator that no longer clashes with it. */
export function withDecimal(format: NumberFormat, decimal: NumberFormat['decimal']): NumberFormat {
  if (format.thousands !== decimal) return { ...format, decimal };
  return { decimal, thousands: decimal === ',' ? '.' : ',' };
}

export const THOUSANDS: readonly NumberFormat['thousands'][] = ['', ',', '.', ' ', "'"];

/** Message key naming a thousands separator. */
export function thousandsKey(thousands: NumberFormat['thousands']): string {
  const names: Record<NumberFormat['thousands'], string> = { '': 'none', ',': 'comma', '.': 'point', ' ': 'space', "'": 'apostrophe' };
  return `import.thousands.${names[thousands]}`;
}

/** A number rule in words: "decimal comma, thousands point (1.234,5)". */
export function numberRule(format: NumberFormat, t: Translator['t']): string {
  const sample = `1${format.thousands}234${format.decimal}5`;
  return t('import.numberRule', { decimal: t(format.decimal === ',' ? 'import.decimal.comma' : 'import.decimal.point'), thousands: t(thousandsKey(format.thousands)), sample });
}

/** A field delimiter in words, with the character itself: "semicolon (;)". */
export function delimiterLabel(delimiter: string, t: Translator['t']): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'space' };
  const name = names[delimiter];
  return name ? t(`import.delimiter.${name}`) : `“${delimiter}”`;
}

/** The file name without its extension (the default name of the saved mapping and of the scenario). */
export const baseName = (fileName: string): string => fileName.replace(/\.[^.]+$/, '') || fileName;
