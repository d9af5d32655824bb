import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { TableRow } from '../../../shared/domain/import/types';

const MAX_BYTES = 200 * 1024 * 1024;

/**
 * The first features of a GeoJSON file as a table of their properties, so the wizard
 * can show them and let the user pick the property that names the territory.
 * @throws Error naming the file when it is not GeoJSON
 */
export function previewGeojson(path: string, rows = 20) {
  const name = basename(path);
  const bytes = statSync(path).size;
  if (bytes > MAX_BYTES) throw new Error(`${name} is larger than 200 MB; split the territory boundaries into smaller files.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  type Feature = { type?: string; properties?: Record<string, unknown> | null };
  const root = data as Feature & { features?: Feature[] };
  const features: Feature[] | null = root.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : root.type === 'Feature' ? [root] : null;
  if (!features) throw new Error(`${name} is not a GeoJSON FeatureCollection or Feature.`);
  const header: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const key of Object.keys(f.properties ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  const table: TableRow[] = features.slice(0, rows).map((f, i) => ({
    row: i + 1,
    values: header.map((key) => {
      const v = f.properties?.[key];
      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }),
  }));
  return {
    info: { format: 'geojson' as const, encoding: 'utf-8', delimiter: null, sheets: [] as string[], sheet: null, bytes },
    header,
    rows: table,
  };
}
