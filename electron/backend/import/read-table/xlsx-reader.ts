import { basename } from 'node:path';
import { PassThrough, Transform, pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { TableRow } from '../../../../shared/domain/import/types';
import { cellText, isDateFormat, type CellContext } from './xlsx-cell-value';

/**
 * A streaming reader of Excel workbooks (.xlsx): the workbook's sheet list, shared
 * strings and styles are read up front; a sheet's rows are then streamed from its zip
 * entry, so the sheet XML is never held in memory whole.
 */
export interface XlsxWorkbook {
  /** Sheet names in workbook order. */
  sheets: string[];
  /**
   * Opens a sheet for streaming. Rows with no non-empty cell are left out; every row
   * keeps its real row number, and cells sit at their column (missing ones are '').
   *
   * @throws Error when the sheet does not exist
   */
  openSheet(name: string, batchSize?: number): Promise<XlsxSheet>;
  close(): void;
}

export interface XlsxSheet {
  /** Compressed size of the sheet's zip entry, bytes. */
  compressedSize: number;
  /** Compressed bytes of the sheet's zip entry read so far. */
  bytesRead(): number;
  /** The rows, in batches of up to `batchSize`. Call once. */
  rows(): AsyncGenerator<TableRow[], void, undefined>;
}

interface SheetRef {
  name: string;
  /** The sheet part's path inside the zip, e.g. 'xl/worksheets/sheet1.xml'. */
  part: string;
}

const DEFAULT_BATCH = 5000;

/**
 * Opens an .xlsx file and reads its workbook, relationships, shared strings and styles.
 *
 * @throws Error (naming the file) when it is not a zip, or a zip without xl/workbook.xml
 */
export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  const file = basename(path);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new Error(`${file} is not a readable .xlsx file: ${(err as Error).message}`);
  }
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
    const find = (part: string): Entry | undefined => entries.get(part.toLowerCase());
    const workbookEntry = find('xl/workbook.xml');
    if (workbookEntry === undefined) throw new Error(`${file} is a zip file but not an Excel workbook (.xlsx).`);
    const workbook = await parseWorkbook(openEntry(zip, workbookEntry, file));
    const relsEntry = find('xl/_rels/workbook.xml.rels');
    const targets = relsEntry === undefined ? new Map<string, string>() : await parseRelationships(openEntry(zip, relsEntry, file));
    const sheets: SheetRef[] = workbook.sheets.map((s) => ({ name: s.name, part: resolvePart(targets.get(s.relId) ?? '') }));
    const stringsEntry = find('xl/sharedStrings.xml');
    const stylesEntry = find('xl/styles.xml');
    const context: CellContext = {
      sharedStrings: stringsEntry === undefined ? [] : await parseSharedStrings(openEntry(zip, stringsEntry, file)),
      dateStyles: stylesEntry === undefined ? [] : await parseDateStyles(openEntry(zip, stylesEntry, file)),
      date1904: workbook.date1904,
    };
    const open = new Set<Readable>();
    return {
      sheets: sheets.map((s) => s.name),
      async openSheet(name: string, batchSize = DEFAULT_BATCH): Promise<XlsxSheet> {
        const ref = sheets.find((s) => s.name === name);
        if (ref === undefined) throw new Error(`${file} has no sheet "${name}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}.`);
        const entry = find(ref.part);
        if (entry === undefined) throw new Error(`${file}: the part of sheet "${name}" (${ref.part}) is missing.`);
        return openSheetStream(zip, entry, context, batchSize, `${file}, sheet "${name}"`, open);
      },
      close() {
        for (const stream of open) stream.destroy();
        open.clear();
        if (zip.isOpen) zip.close();
      },
    };
  } catch (err) {
    if (zip.isOpen) zip.close();
    throw err;
  }
}

/** Opens a zip entry as a stream of its uncompressed bytes. */
async function* openEntry(zip: ZipFile, entry: Entry, file: string): AsyncGenerator<Buffer> {
  if (entry.isEncrypted()) throw new Error(`${file} is encrypted (password protected); save it without a password.`);
  const stream = await zip.openReadStreamPromise(entry);
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}

/** Opens a sheet entry: raw (compressed) bytes are counted, then inflated and parsed. */
async function openSheetStream(
  zip: ZipFile,
  entry: Entry,
  context: CellContext,
  batchSize: number,
  label: string,
  open: Set<Readable>,
): Promise<XlsxSheet> {
  if (entry.isEncrypted()) throw new Error(`${label} is encrypted; save the workbook without a password.`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new Error(`${label} uses an unsupported zip compression (method ${entry.compressionMethod}).`);
  }
  let bytes = 0;
  let started = false;
  return {
    compressedSize: entry.compressedSize,
    bytesRead: () => bytes,
    async *rows() {
      if (started) throw new Error(`${label}: rows() can only be read once.`);
      started = true;
      const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const tail = entry.compressionMethod === 8 ? createInflateRaw() : new PassThrough();
      pipeline(raw, counter, tail, () => undefined);
      open.add(tail);
      try {
        yield* parseSheet(tail, context, batchSize, label);
      } finally {
        open.delete(tail);
        tail.destroy();
        raw.destroy();
      }
    },
  };
}

/** Parser options: no namespace processing (names keep their prefix), no position tracking. */
type XmlParser = SaxesParser<{ xmlns: false; position: false }>;

function xmlParser(): XmlParser {
  return new SaxesParser({ xmlns: false, position: false });
}

/** Local name of an XML element or attribute ('x:row' → 'row'). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Feeds an XML byte stream (UTF-8) to a saxes parser; after each chunk calls `drain`,
 * whose results are yielded.
 */
async function* feedXml<T>(
  source: AsyncIterable<Buffer>,
  parser: XmlParser,
  drain: () => T[],
  label: string,
): AsyncGenerator<T[], void, undefined> {
  let failure: Error | null = null;
  parser.on('error', (err) => {
    failure ??= err;
  });
  const decoder = new TextDecoder('utf-8');
  const check = (): void => {
    if (failure !== null) throw new Error(`${label} is damaged: ${failure.message}`);
  };
  try {
    for await (const chunk of source) {
      parser.write(decoder.decode(chunk, { stream: true }));
      check();
      const out = drain();
      if (out.length > 0) yield out;
    }
  } catch (err) {
    if ((err as Error).message.startsWith(label)) throw err;
    throw new Error(`${label} could not be read: ${(err as Error).message}`);
  }
  parser.write(decoder.decode());
  parser.close();
  check();
  const out = drain();
  if (out.length > 0) yield out;
}

/** Reads a whole (small) XML part through `parser`, for its side effects. */
async function consumeXml(source: AsyncIterable<Buffer>, parser: XmlParser, label: string): Promise<void> {
  for await (const _ of feedXml(source, parser, () => [], label)) {
    // Handlers collect what matters.
  }
}

/** Column index (0-based) from a cell reference like 'AB12'; -1 when there are no letters. */
function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

/** Streams the rows of a worksheet part. */
async function* parseSheet(source: AsyncIterable<Buffer>, context: CellContext, batchSize: number, label: string): AsyncGenerator<TableRow[], void, undefined> {
  const parser = xmlParser();
  let out: TableRow[] = [];
  let rowNumber = 0;
  let values: string[] = [];
  let nextCol = 0;
  // The cell being read.
  let col = 0;
  let type = '';
  let style = 0;
  let value = '';
  let inline = '';
  let inValue = false;
  let inInlineText = false;
  let phonetic = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case 'row': {
        const r = Number(tag.attributes.r);
        rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
        values = [];
        nextCol = 0;
        break;
      }
      case 'c': {
        const ref = tag.attributes.r;
        const index = ref === undefined ? -1 : columnIndex(ref);
        col = index < 0 ? nextCol : index;
        type = tag.attributes.t ?? '';
        style = Number(tag.attributes.s ?? 0) || 0;
        value = '';
        inline = '';
        break;
      }
      case 'v':
        inValue = true;
        break;
      case 't':
        inInlineText = phonetic === 0;
        break;
      case 'rPh':
        phonetic++;
        break;
    }
  });
  parser.on('text', (text) => {
    if (inValue) value += text;
    else if (inInlineText) inline += text;
  });
  parser.on('cdata', (text) => {
    if (inValue) value += text;
    else if (inInlineText) inline += text;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case 'v':
        inValue = false;
        break;
      case 't':
        inInlineText = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        const text = cellText(context, type, style, value, inline);
        if (text !== '') {
          while (values.length < col) values.push('');
          values[col] = text;
        }
        nextCol = col + 1;
        break;
      }
      case 'row':
        if (values.length > 0) out.push({ row: rowNumber, values });
        break;
    }
  });
  const drain = (): TableRow[][] => {
    if (out.length < batchSize) return [];
    const batches: TableRow[][] = [];
    let i = 0;
    for (; i + batchSize <= out.length; i += batchSize) batches.push(out.slice(i, i + batchSize));
    out = out.slice(i);
    return batches;
  };
  for await (const batches of feedXml(source, parser, drain, label)) {
    for (const batch of batches) yield batch;
  }
  if (out.length > 0) yield out;
}

/** What xl/workbook.xml says: sheets (name and relationship id) and the date system. */
async function parseWorkbook(source: AsyncIterable<Buffer>): Promise<{ sheets: { name: string; relId: string }[]; date1904: boolean }> {
  const parser = xmlParser();
  const sheets: { name: string; relId: string }[] = [];
  let date1904 = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'workbookPr') {
      const flag = tag.attributes.date1904;
      date1904 = flag === '1' || flag === 'true';
    } else if (name === 'sheet') {
      let relId = '';
      for (const [key, val] of Object.entries(tag.attributes)) {
        if (key.includes(':') && local(key) === 'id') relId = val;
      }
      sheets.push({ name: tag.attributes.name ?? `Sheet${sheets.length + 1}`, relId });
    }
  });
  await consumeXml(source, parser, 'xl/workbook.xml');
  return { sheets, date1904 };
}

/** Relationship id → target, from xl/_rels/workbook.xml.rels. */
async function parseRelationships(source: AsyncIterable<Buffer>): Promise<Map<string, string>> {
  const parser = xmlParser();
  const targets = new Map<string, string>();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const { Id: id, Target: target } = tag.attributes;
    if (local(tag.name) === 'Relationship' && id !== undefined && target !== undefined) targets.set(id, target);
  });
  await consumeXml(source, parser, 'xl/_rels/workbook.xml.rels');
  return targets;
}

/** A relationship target of the workbook as a zip path ('worksheets/sheet1.xml' → 'xl/worksheets/sheet1.xml'). */
function resolvePart(target: string): string {
  const parts = target.startsWith('/') ? [] : ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

/** The shared string table: each `<si>`'s text runs joined, phonetic runs left out. */
async function parseSharedStrings(source: AsyncIterable<Buffer>): Promise<string[]> {
  const parser = xmlParser();
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'si') current = '';
    else if (name === 't') inText = phonetic === 0;
    else if (name === 'rPh') phonetic++;
  });
  const onText = (text: string): void => {
    if (inText) current += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'si') strings.push(current);
    else if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
  });
  await consumeXml(source, parser, 'xl/sharedStrings.xml');
  return strings;
}

/** Per cell style (`<cellXfs>` entry): whether its number format is a date or time. */
async function parseDateStyles(source: AsyncIterable<Buffer>): Promise<boolean[]> {
  const parser = xmlParser();
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'numFmt') codes.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) formatIds.push(Number(tag.attributes.numFmtId ?? 0));
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (local(tag.name) === 'cellXfs') inCellXfs = false;
  });
  await consumeXml(source, parser, 'xl/styles.xml');
  return formatIds.map((id) => isDateFormat(id, codes.get(id)));
}
