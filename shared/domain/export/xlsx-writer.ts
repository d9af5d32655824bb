/**
 * A minimal Excel workbook (.xlsx, Office Open XML SpreadsheetML) writer: one worksheet
 * per table, text as inline strings (never parsed as numbers or formulas), numbers at
 * full precision, a bold header row with frozen panes and an autofilter, and column
 * widths estimated from the content. Pure: works in Node and in the browser.
 */
import { zipSync, type Zippable } from 'fflate';
import type { TableSheet, TableValue } from './types';

/** How a column's numbers are shown (the stored value is always exact). */
export type XlsxColumnFormat = 'integer' | 'decimal' | 'percent' | 'text';

/** A table for one worksheet, with optional per-column display formats. */
export interface XlsxSheet extends TableSheet {
  /**
   * Display formats by 0-based column index, for the data rows. 'integer' `#,##0`,
   * 'decimal' `#,##0.00`, 'percent' `0.00%` (0.25 shows 25.00%), 'text' writes numbers
   * as text. Columns without one show whole numbers as `#,##0` and fractions with
   * thousands separators and all their decimals.
   */
  columnFormats?: Record<number, XlsxColumnFormat>;
}

/** Document properties (docProps/core.xml). */
export interface XlsxOptions {
  title?: string;
  creator?: string;
  /** Written as the created and modified dates; left out when absent. */
  created?: Date;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAX_SHEET_NAME = 31;
/** Excel's limits: characters in a cell (more makes Excel call the file corrupt), rows, columns. */
const MAX_CELL_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Cell style indexes into `<cellXfs>` of STYLES_XML. */
const STYLE = { general: 0, header: 1, integer: 2, decimal: 3, percent: 4, text: 5, grouped: 6 } as const;

const STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.###############"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * Writes tables as an .xlsx workbook, one worksheet per table in order.
 *
 * @param sheets at least one; names are made valid and unique (see {@link sanitizeSheetNames})
 * @returns the zip bytes of the workbook; text longer than Excel's 32,767 characters per
 *   cell is cut to that length
 * @throws Error when `sheets` is empty, or a sheet has more rows (1,048,576) or columns
 *   (16,384) than Excel allows
 */
export function writeXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new Error('writeXlsx needs at least one sheet.');
  const names = sanitizeSheetNames(sheets.map((s) => s.name));
  sheets.forEach((sheet, i) => {
    const preamble = sheet.preamble ?? [];
    const rowCount = preamble.length + (sheet.header.length > 0 || sheet.rows.length > 0 ? 1 : 0) + sheet.rows.length;
    const columns = Math.max(tableColumns(sheet), ...preamble.map((row) => row.length));
    if (rowCount > MAX_ROWS || columns > MAX_COLUMNS) {
      throw new Error(`Sheet "${names[i] ?? ''}" has ${rowCount} rows and ${columns} columns; Excel allows at most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns.`);
    }
  });
  const encoder = new TextEncoder();
  const part = (xml: string): Uint8Array => encoder.encode(xml);
  const files: Zippable = {
    '[Content_Types].xml': part(contentTypesXml(sheets.length)),
    '_rels/.rels': part(rootRelsXml()),
    'docProps/core.xml': part(corePropsXml(options)),
    'xl/workbook.xml': part(workbookXml(names, sheets)),
    'xl/_rels/workbook.xml.rels': part(workbookRelsXml(sheets.length)),
    'xl/styles.xml': part(STYLES_XML),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = part(worksheetXml(sheet, i === 0));
  });
  const created = options.created;
  const dosTime = created !== undefined && created.getFullYear() >= 1980 && created.getFullYear() < 2100;
  return zipSync(files, dosTime ? { level: 6, mtime: created } : { level: 6 });
}

/**
 * Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA.
 */
export function columnName(index: number): string {
  let name = '';
  for (let n = Math.floor(index) + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * Valid, unique worksheet names, in order: characters []:*?/\ become '_', control
 * characters go, surrounding spaces and apostrophes are trimmed, names are cut to 31
 * characters; an empty name becomes `SheetN` and the reserved "History" gets a '_'.
 * Names equal ignoring case get " (2)", " (3)" … (cut to fit).
 */
export function sanitizeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let name = cut(
      stripIllegalXml(raw)
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .replace(/[[\]:*?/\\]/g, '_')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim(),
      MAX_SHEET_NAME,
    ).trim();
    if (name === '') name = `Sheet${i + 1}`;
    if (name.toUpperCase() === 'HISTORY') name += '_';
    let candidate = name;
    for (let k = 2; used.has(candidate.toUpperCase()); k++) {
      const suffix = ` (${k})`;
      candidate = cut(name, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    used.add(candidate.toUpperCase());
    return candidate;
  });
}

/** At most `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const c = text.charCodeAt(max - 1);
  return text.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** Removes characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF). */
function stripIllegalXml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

/** Escapes text for element content; CR is kept as a character reference (parsers turn a raw one into LF). */
function xmlText(text: string): string {
  return stripIllegalXml(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes text for a double-quoted attribute value. */
function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/[\t\n]/g, (c) => (c === '\t' ? '&#9;' : '&#10;'));
}

/**
 * Cell text, cut to Excel's limit. SpreadsheetML reads `_xHHHH_` as an escaped
 * character, so a literal one gets its underscore escaped (`_x005F_`).
 */
function cellText(text: string): string {
  return xmlText(cut(text, MAX_CELL_TEXT).replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1'));
}

/**
 * A number as `<v>` text: the shortest form that reads back as the same double, with
 * small magnitudes (down to 1e-20) written out in full rather than with an exponent.
 */
function numberText(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const exponent = Number(text.slice(e + 1));
  if (exponent > 0 || exponent < -20) return text.toUpperCase();
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  return `${negative ? '-' : ''}0.${'0'.repeat(-point)}${digits}`;
}

function contentTypesXml(sheetCount: number): string {
  const sheets: string[] = [];
  for (let i = 1; i <= sheetCount; i++) {
    sheets.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  }
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'
  );
}

function rootRelsXml(): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
    '</Relationships>'
  );
}

function corePropsXml(options: XlsxOptions): string {
  const parts: string[] = [];
  if (options.title !== undefined) parts.push(`<dc:title>${xmlText(options.title)}</dc:title>`);
  if (options.creator !== undefined) parts.push(`<dc:creator>${xmlText(options.creator)}</dc:creator>`);
  if (options.created !== undefined && Number.isFinite(options.created.getTime())) {
    const when = options.created.toISOString().replace(/\.\d+Z$/, 'Z');
    parts.push(`<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`);
    parts.push(`<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`);
  }
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    parts.join('') +
    '</cp:coreProperties>'
  );
}

function workbookXml(names: readonly string[], sheets: readonly XlsxSheet[]): string {
  const entries = names.map((name, i) => `<sheet name="${xmlAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const filters: string[] = [];
  sheets.forEach((sheet, i) => {
    const range = filterRange(sheet);
    if (range === null) return;
    const quoted = `'${(names[i] ?? '').replace(/'/g, "''")}'`;
    filters.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoted}!${range.absolute}`)}</definedName>`);
  });
  return (
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${entries.join('')}</sheets>` +
    (filters.length > 0 ? `<definedNames>${filters.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

function workbookRelsXml(sheetCount: number): string {
  const rels: string[] = [];
  for (let i = 1; i <= sheetCount; i++) {
    rels.push(`<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  }
  rels.push(`<Relationship Id="rId${sheetCount + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  return XML_DECL + `<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

/** Row number (1-based) of the header: below the preamble. Data rows follow it. */
function headerRow(sheet: TableSheet): number {
  return (sheet.preamble?.length ?? 0) + 1;
}

/** Columns used by the header and data rows. */
function tableColumns(sheet: TableSheet): number {
  let columns = sheet.header.length;
  for (const row of sheet.rows) columns = Math.max(columns, row.length);
  return columns;
}

/** The autofilter range over the header and data rows; null when there is no header. */
function filterRange(sheet: TableSheet): { ref: string; absolute: string } | null {
  if (sheet.header.length === 0) return null;
  const top = headerRow(sheet);
  const last = columnName(tableColumns(sheet) - 1);
  const bottom = top + sheet.rows.length;
  return { ref: `A${top}:${last}${bottom}`, absolute: `$A$${top}:$${last}$${bottom}` };
}

function worksheetXml(sheet: XlsxSheet, selected: boolean): string {
  const preamble = sheet.preamble ?? [];
  const formats = sheet.columnFormats ?? {};
  const widths: number[] = [];
  const rows: string[] = [];
  let columns = tableColumns(sheet);
  preamble.forEach((values, i) => {
    columns = Math.max(columns, values.length);
    rows.push(rowXml(i + 1, values, (value) => plainCell(value, undefined)));
  });
  const top = headerRow(sheet);
  if (sheet.header.length > 0) {
    rows.push(
      rowXml(top, sheet.header, (value, col) => {
        if (value === '') return null;
        widen(widths, col, textWidth(value) + 3);
        return { style: STYLE.header, text: value };
      }),
    );
  }
  sheet.rows.forEach((values, i) => {
    rows.push(
      rowXml(top + 1 + i, values, (value, col) => {
        const cell = plainCell(value, formats[col]);
        if (cell !== null) widen(widths, col, cell.width);
        return cell;
      }),
    );
  });
  // The header's row is kept (empty) when there is no header but there are rows.
  const lastRow = sheet.rows.length > 0 ? top + sheet.rows.length : sheet.header.length > 0 ? top : top - 1;
  const dimension = columns === 0 || lastRow === 0 ? 'A1' : `A1:${columnName(columns - 1)}${lastRow}`;
  const range = filterRange(sheet);
  return (
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dimension}"/>` +
    sheetViewsXml(sheet.header.length > 0 ? top : 0, selected) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(widths) +
    `<sheetData>${rows.join('')}</sheetData>` +
    (range === null ? '' : `<autoFilter ref="${range.ref}"/>`) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** What a cell is written as: text (inline string) or a number's `<v>` text. */
interface CellOut {
  style: number;
  text?: string;
  number?: string;
  width?: number;
}

/** A data or preamble cell; null for an empty one (null, '', or a non-finite number). */
function plainCell(value: TableValue, format: XlsxColumnFormat | undefined): (CellOut & { width: number }) | null {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return { style: format === 'text' ? STYLE.text : STYLE.general, text: value, width: textWidth(value) };
  if (!Number.isFinite(value)) return null;
  switch (format) {
    case 'text': {
      const text = numberText(value);
      return { style: STYLE.text, text, width: text.length };
    }
    case 'integer':
      return { style: STYLE.integer, number: numberText(value), width: groupedWidth(value) };
    case 'decimal':
      return { style: STYLE.decimal, number: numberText(value), width: groupedWidth(value) + 3 };
    case 'percent':
      return { style: STYLE.percent, number: numberText(value), width: groupedWidth(value * 100) + 4 };
    default: {
      const text = numberText(value);
      if (Number.isInteger(value)) return { style: STYLE.integer, number: text, width: groupedWidth(value) };
      const dot = text.indexOf('.');
      const decimals = dot < 0 ? 0 : text.length - dot;
      // Fractions below 1000 need no separator: General shows them as they are.
      const style = Math.abs(value) < 1000 ? STYLE.general : STYLE.grouped;
      return { style, number: text, width: Math.min(groupedWidth(value) + decimals, 20) };
    }
  }
}

/** One `<row>`; empty when none of its cells has a value. */
function rowXml<T extends TableValue>(r: number, values: readonly T[], cell: (value: T, col: number) => CellOut | null): string {
  let cells = '';
  values.forEach((value, col) => {
    const out = cell(value, col);
    if (out === null || (out.text === undefined && out.number === undefined)) return;
    const ref = `${columnName(col)}${r}`;
    const style = out.style === 0 ? '' : ` s="${out.style}"`;
    if (out.number !== undefined) {
      cells += `<c r="${ref}"${style}><v>${out.number}</v></c>`;
    } else {
      const text = out.text ?? '';
      const space = /^\s|\s$|[\t\n\r]| {2}/.test(text) ? ' xml:space="preserve"' : '';
      cells += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${cellText(text)}</t></is></c>`;
    }
  });
  return cells === '' ? '' : `<row r="${r}">${cells}</row>`;
}

/** Frozen rows above `frozenRows` + 1 (none when 0). */
function sheetViewsXml(frozenRows: number, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  if (frozenRows === 0) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const first = `A${frozenRows + 1}`;
  return (
    `<sheetViews><sheetView${tab} workbookViewId="0">` +
    `<pane ySplit="${frozenRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/>` +
    '</sheetView></sheetViews>'
  );
}

function colsXml(widths: readonly (number | undefined)[]): string {
  const cols: string[] = [];
  widths.forEach((chars, i) => {
    if (chars === undefined) return;
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2));
    cols.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
  });
  return cols.length === 0 ? '' : `<cols>${cols.join('')}</cols>`;
}

function widen(widths: (number | undefined)[], col: number, chars: number): void {
  const current = widths[col];
  if (current === undefined || chars > current) widths[col] = chars;
}

/** Characters a number takes with thousands separators (integer part, sign). */
function groupedWidth(value: number): number {
  const magnitude = Math.abs(value);
  const digits = magnitude < 1 ? 1 : Math.min(Math.floor(Math.log10(magnitude)) + 1, 22);
  return digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
}

/**
 * Approximate display width of text in character cells: the longest line, East Asian
 * wide characters and emoji counting two. Stops counting past the widest column.
 */
function textWidth(text: string): number {
  let widest = 0;
  let width = 0;
  for (const ch of text) {
    if (ch === '\n') {
      width = 0;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    width += isWide(cp) ? 2 : 1;
    if (width > widest) widest = width;
    if (widest >= MAX_WIDTH) break;
  }
  return widest;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
