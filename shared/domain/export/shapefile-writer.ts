/**
 * Territory boundaries as an ESRI Shapefile (polygon type 5): .shp, .shx, .dbf (dBASE III),
 * .prj (WGS84) and .cpg (UTF-8), laid out per the ESRI Shapefile Technical Description.
 */
import type { BoundaryFeature, FeatureAttribute, Position, Ring } from './types';
import { signedArea } from './ring-area';

/** Geographic WGS84 as ESRI WKT. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The files of a shapefile export, and which DBF field holds which attribute. */
export interface ShapefileExport {
  /** `<baseName>.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`. */
  files: Record<string, Uint8Array>;
  /** Each attribute key and the (≤ 10 character) DBF field name it was written under, in field order. */
  fields: { key: string; dbfName: string }[];
}

/**
 * One polygon record per feature, all its pieces as parts: outer rings clockwise and
 * holes counter-clockwise (the shapefile convention, reoriented by signed area whatever the
 * input's winding), bounding boxes per record and in the headers; a null shape for a
 * feature without polygons. The DBF table has one field per attribute key (in order of first
 * appearance): text → C (width = longest UTF-8 value, at most 254 bytes, cut at a character
 * boundary), numbers → N (at most 20 wide; integers without decimals, others with up to 6),
 * a key holding both → C; null, missing and non-finite values are blank. Field names are
 * upper-case ASCII, at most 10 characters, start with a letter and are unique
 * ({@link dbfFieldNames}; the mapping is in `fields`). The DBF's last-update date is `date` (default: today); its language
 * driver byte is 0 — the .cpg says UTF-8.
 * @throws RangeError for more than 255 attribute keys
 */
export function boundariesShapefile(features: BoundaryFeature[], options: { baseName: string; date?: Date }): ShapefileExport {
  const { shp, shx } = writeShp(features);
  const { dbf, fields } = writeDbf(features, options.date ?? new Date());
  const text = new TextEncoder();
  const base = options.baseName;
  return {
    files: {
      [`${base}.shp`]: shp,
      [`${base}.shx`]: shx,
      [`${base}.dbf`]: dbf,
      [`${base}.prj`]: text.encode(WGS84_PRJ),
      [`${base}.cpg`]: text.encode('UTF-8'),
    },
    fields,
  };
}

// ---------------------------------------------------------------------------------------
// .shp and .shx

const SHAPE_NULL = 0;
const SHAPE_POLYGON = 5;
const HEADER_BYTES = 100;

/** A record's parts as they will be written. */
interface ShapeRecord {
  rings: Ring[];
  points: number;
  box: [number, number, number, number];
}


/** The ring closed, turned clockwise (`clockwise`) or counter-clockwise; null when under 4 positions. */
function shapeRing(ring: Ring, clockwise: boolean): Ring | null {
  if (ring.length === 0) return null;
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  const closed: Ring = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]] as Position];
  if (closed.length < 4) return null;
  const area = signedArea(closed);
  return (clockwise ? area > 0 : area < 0) ? closed.slice().reverse() : closed;
}

function shapeRecord(feature: BoundaryFeature): ShapeRecord | null {
  const rings: Ring[] = [];
  for (const [outer, ...holes] of feature.polygons) {
    const o = outer && shapeRing(outer, true);
    if (!o) continue;
    rings.push(o);
    for (const hole of holes) {
      const h = shapeRing(hole, false);
      if (h) rings.push(h);
    }
  }
  if (rings.length === 0) return null;
  let points = 0;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    points += ring.length;
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return { rings, points, box };
}

/** Bytes of a record's content (after its 8-byte header). */
function contentBytes(record: ShapeRecord | null): number {
  return record ? 44 + 4 * record.rings.length + 16 * record.points : 4;
}

/** The 100-byte main file header (shared by .shp and .shx). */
function writeHeader(view: DataView, fileBytes: number, box: readonly number[]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, SHAPE_POLYGON, true);
  for (let i = 0; i < 4; i++) view.setFloat64(36 + 8 * i, box[i]!, true);
  // Z and M ranges (68 … 99) stay 0.
}

function writeShp(features: readonly BoundaryFeature[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = features.map(shapeRecord);
  let shpBytes = HEADER_BYTES;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of records) {
    shpBytes += 8 + contentBytes(r);
    if (!r) continue;
    box[0] = Math.min(box[0]!, r.box[0]);
    box[1] = Math.min(box[1]!, r.box[1]);
    box[2] = Math.max(box[2]!, r.box[2]);
    box[3] = Math.max(box[3]!, r.box[3]);
  }
  if (box[0] === Infinity) box.fill(0);
  const shxBytes = HEADER_BYTES + 8 * records.length;

  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(shxBytes);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  writeHeader(sv, shpBytes, box);
  writeHeader(xv, shxBytes, box);

  let at = HEADER_BYTES;
  records.forEach((r, i) => {
    const length = contentBytes(r);
    xv.setInt32(HEADER_BYTES + 8 * i, at / 2, false);
    xv.setInt32(HEADER_BYTES + 8 * i + 4, length / 2, false);
    sv.setInt32(at, i + 1, false);
    sv.setInt32(at + 4, length / 2, false);
    at += 8;
    if (!r) {
      sv.setInt32(at, SHAPE_NULL, true);
      at += 4;
      return;
    }
    sv.setInt32(at, SHAPE_POLYGON, true);
    for (let k = 0; k < 4; k++) sv.setFloat64(at + 4 + 8 * k, r.box[k]!, true);
    sv.setInt32(at + 36, r.rings.length, true);
    sv.setInt32(at + 40, r.points, true);
    at += 44;
    let start = 0;
    for (const ring of r.rings) {
      sv.setInt32(at, start, true);
      at += 4;
      start += ring.length;
    }
    for (const ring of r.rings) {
      for (const [x, y] of ring) {
        sv.setFloat64(at, x, true);
        sv.setFloat64(at + 8, y, true);
        at += 16;
      }
    }
  });
  return { shp, shx };
}

// ---------------------------------------------------------------------------------------
// .dbf

/** The most fields a shapefile's DBF may have. */
const MAX_FIELDS = 255;
const MAX_CHAR_BYTES = 254;
const MAX_NUMBER_WIDTH = 20;
const MAX_DECIMALS = 6;

/** How one attribute key is written. */
interface DbfField {
  key: string;
  name: string;
  type: 'C' | 'N';
  width: number;
  decimals: number;
  /** The field's text per feature (already cut to `width` bytes); null: blank. */
  cells: (Uint8Array | null)[];
}

/** Letters that Unicode decomposition does not bring back to ASCII. */
const TRANSLITERATION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/**
 * DBF field names for attribute keys, in the customary upper case: ASCII letters, digits
 * and underscores, at most 10, starting with a letter (accents dropped, ß → SS …; other
 * characters become `_`; a key with no usable character becomes FIELD), unique. A key
 * whose name fits whole keeps it first; a longer one is cut to 10, and clashes get `_1`,
 * `_2` … — so `territory` stays TERRITORY even after `territory_id` (TERRITORY_).
 * @example dbfFieldNames(['Territory name', 'Territory id', 'Größe']) // ['TERRITORY_', 'TERRITOR_1', 'GROSSE']
 */
export function dbfFieldNames(keys: readonly string[]): string[] {
  const bases = keys.map((key) => {
    const base = key
      .replace(/[ßæÆœŒøØđĐðÐłŁþÞı]/g, (c) => TRANSLITERATION[c]!)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase();
    if (base === '') return 'FIELD';
    return /^[A-Z]/.test(base) ? base : `F_${base}`;
  });
  const used = new Set<string>();
  const names: (string | null)[] = bases.map((base) => {
    if (base.length > 10 || used.has(base)) return null;
    used.add(base);
    return base;
  });
  return bases.map((full, i) => {
    const kept = names[i];
    if (kept) return kept;
    const base = full.slice(0, 10);
    let name = base;
    for (let n = 1; used.has(name); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, 10 - suffix.length).replace(/_+$/, '') + suffix;
    }
    used.add(name);
    return name;
  });
}

/** `bytes` cut to at most `max` bytes without splitting a UTF-8 character. */
function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** The fewest decimals (≤ 6) that write `value` exactly, else 6. */
function decimalsOf(value: number): number {
  for (let d = 0; d < MAX_DECIMALS; d++) if (Number(value.toFixed(d)) === value) return d;
  return MAX_DECIMALS;
}

function buildFields(features: readonly BoundaryFeature[]): DbfField[] {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const rows: Map<string, FeatureAttribute['value']>[] = features.map((f) => {
    const row = new Map<string, FeatureAttribute['value']>();
    for (const { key, value } of f.attributes) {
      if (row.has(key)) continue;
      row.set(key, value);
      if (!index.has(key)) {
        index.set(key, keys.length);
        keys.push(key);
      }
    }
    return row;
  });
  if (keys.length > MAX_FIELDS) throw new RangeError(`A shapefile holds at most ${MAX_FIELDS} attributes, not ${keys.length}`);
  const names = dbfFieldNames(keys);
  const text = new TextEncoder();

  return keys.map((key, k) => {
    const values = rows.map((row) => {
      const v = row.get(key);
      return typeof v === 'number' && !Number.isFinite(v) ? null : (v ?? null);
    });
    const hasText = values.some((v) => typeof v === 'string');
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const name = names[k]!;

    if (!hasText && numbers.length > 0) {
      let decimals = numbers.reduce((most, v) => Math.max(most, decimalsOf(v)), 0);
      for (; decimals >= 0; decimals--) {
        const width = numbers.reduce((most, v) => Math.max(most, v.toFixed(decimals).length), 1);
        if (width > MAX_NUMBER_WIDTH || numbers.some((v) => Math.abs(v) >= 1e21)) continue; // toFixed: exponent from 1e21
        const cells = values.map((v) => (typeof v === 'number' ? text.encode(v.toFixed(decimals)) : null));
        return { key, name, type: 'N', width, decimals, cells };
      }
      // Too wide for an N field even without decimals: written as text (e.g. "1e+25").
    }

    const encoded = values.map((v) => (v === null ? null : text.encode(String(v))));
    const longest = encoded.reduce((most, b) => Math.max(most, b?.length ?? 0), 1);
    const width = Math.min(MAX_CHAR_BYTES, longest);
    return { key, name, type: 'C', width, decimals: 0, cells: encoded.map((b) => b && cutUtf8(b, width)) };
  });
}

function writeDbf(features: readonly BoundaryFeature[], date: Date): { dbf: Uint8Array; fields: ShapefileExport['fields'] } {
  const fields = buildFields(features);
  const headerBytes = 32 + 32 * fields.length + 1;
  const recordBytes = 1 + fields.reduce((sum, f) => sum + f.width, 0);
  if (recordBytes > 0xffff) throw new RangeError(`DBF records of ${recordBytes} bytes exceed 65535`);
  const dbf = new Uint8Array(headerBytes + recordBytes * features.length + 1);
  const view = new DataView(dbf.buffer);

  view.setUint8(0, 0x03);
  view.setUint8(1, Math.max(0, Math.min(255, date.getFullYear() - 1900)));
  view.setUint8(2, date.getMonth() + 1);
  view.setUint8(3, date.getDate());
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerBytes, true);
  view.setUint16(10, recordBytes, true);
  // 12 … 31 reserved; 29 (language driver) stays 0.

  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    for (let c = 0; c < f.name.length; c++) dbf[at + c] = f.name.charCodeAt(c);
    dbf[at + 11] = f.type.charCodeAt(0);
    dbf[at + 16] = f.width;
    dbf[at + 17] = f.decimals;
  });
  dbf[headerBytes - 1] = 0x0d;

  dbf.fill(0x20, headerBytes, headerBytes + recordBytes * features.length); // deletion flags and blanks
  for (let r = 0; r < features.length; r++) {
    let at = headerBytes + recordBytes * r + 1;
    for (const f of fields) {
      const cell = f.cells[r];
      if (cell) dbf.set(cell, f.type === 'N' ? at + f.width - cell.length : at);
      at += f.width;
    }
  }
  dbf[dbf.length - 1] = 0x1a;
  return { dbf, fields: fields.map((f) => ({ key: f.key, dbfName: f.name })) };
}
