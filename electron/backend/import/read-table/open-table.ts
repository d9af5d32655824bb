import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TableRow } from '../../../../shared/domain/import/types';
import { createCsvParser } from './csv-parser';
import { decodeText } from './decode-text';
import { detectDelimiter } from './detect-delimiter';
import { openXlsx } from './xlsx-reader';

/**
 * The one way the import feature reads a table file: CSV / TSV (any delimiter, UTF-8,
 * UTF-16 or windows-1252) or a sheet of an Excel workbook (.xlsx), told apart by
 * content. Rows are streamed in batches, so a large file is never held in memory.
 */

export interface TableInfo {
  format: 'csv' | 'xlsx';
  /** Text encoding of a CSV file (e.g. 'utf-8', 'windows-1252'); null for xlsx. */
  encoding: string | null;
  /** Field delimiter of a CSV file; null for xlsx. */
  delimiter: string | null;
  /** Sheet names of a workbook; [] for CSV. */
  sheets: string[];
  /** The sheet read; null for CSV. */
  sheet: string | null;
  /** Size to read for progress: the file's size, or for xlsx the sheet entry's compressed size. */
  bytes: number;
}

export interface OpenTable {
  info: TableInfo;
  /** The first row with a non-blank cell, trailing blank cells dropped; values untrimmed. */
  header: string[];
  /** Row number of the header as a spreadsheet shows it (usually 1). */
  headerRow: number;
  /**
   * The rows after the header, in batches of up to 5000, values as read (rows may be
   * shorter or longer than the header). Can be called once.
   */
  rows(): AsyncGenerator<TableRow[], void, undefined>;
  /** Bytes consumed so far, out of `info.bytes`. */
  bytesRead(): number;
  close(): Promise<void>;
}

export interface OpenTableOptions {
  /** Sheet of a workbook to read (default: the first). */
  sheet?: string;
  /** CSV delimiter to use instead of detecting it. */
  delimiter?: string;
  /** CSV text encoding label to use instead of detecting it. */
  encoding?: string;
}

const BATCH = 5000;
const CHUNK_BYTES = 1024 * 1024;

/** A stream of row batches, with the header already taken off the front. */
interface RowSource {
  header: TableRow;
  rows(): AsyncGenerator<TableRow[], void, undefined>;
}

/**
 * Opens a table file and reads up to its header row.
 *
 * @throws Error naming the file when it is missing, empty, an old .xls workbook, a zip
 *   that is no workbook, has no sheet of that name, or holds no non-blank row
 */
export async function openTable(path: string, options: OpenTableOptions = {}): Promise<OpenTable> {
  const file = basename(path);
  const head = await readHead(path, file);
  if (head.length === 0) throw new Error(`${file} is empty.`);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new Error(`${file} is an old-style Excel workbook (.xls), which cannot be read; open it in Excel and save it as .xlsx or CSV.`);
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
  return isZip ? openXlsxTable(path, file, options.sheet) : openCsvTable(path, file, options);
}

/**
 * Reads the header and the first rows of a table, then closes it.
 *
 * @param options.rows how many rows after the header (default 20)
 */
export async function previewTable(
  path: string,
  options: OpenTableOptions & { rows?: number } = {},
): Promise<{ info: TableInfo; header: string[]; rows: TableRow[] }> {
  const limit = options.rows ?? 20;
  const table = await openTable(path, options);
  try {
    const rows: TableRow[] = [];
    if (limit > 0) {
      for await (const batch of table.rows()) {
        rows.push(...batch.slice(0, limit - rows.length));
        if (rows.length >= limit) break;
      }
    }
    return { info: table.info, header: table.header, rows };
  } finally {
    await table.close();
  }
}

/** The first bytes of the file, enough to recognise its format. */
async function readHead(path: string, file: string): Promise<Buffer> {
  let handle;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new Error(`${file} is not a file.`);
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${file} was not found.`);
    if (code === undefined) throw err;
    throw new Error(`${file} cannot be opened (${code}).`);
  }
  try {
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openCsvTable(path: string, file: string, options: OpenTableOptions): Promise<OpenTable> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let bytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  try {
    const size = (await stat(path)).size;
    const { encoding, chunks } = await decodeText(counted(), options.encoding);
    // The first two pieces of text: the first is the sample, the second tells whether it is all.
    const ahead: string[] = [];
    while (ahead.length < 2) {
      const next = await chunks.next();
      if (next.done) break;
      ahead.push(next.value);
    }
    const sample = ahead[0] ?? '';
    const delimiter = options.delimiter ?? detectDelimiter(sample, ahead.length < 2);
    const parser = createCsvParser(delimiter);
    async function* batches(): AsyncGenerator<TableRow[], void, undefined> {
      try {
        yield* parseBatches();
      } catch (err) {
        throw new Error(`${file}: ${(err as Error).message}`);
      }
    }
    async function* parseBatches(): AsyncGenerator<TableRow[], void, undefined> {
      // The rows of each piece of text go out as they are (a piece holds well under BATCH
      // rows): gathering them into full batches kept more rows alive at once, which the
      // garbage collector has to copy.
      for (;;) {
        const next = ahead.length > 0 ? { done: false as const, value: ahead.shift()! } : await chunks.next();
        if (next.done) break;
        const rows = parser.push(next.value);
        if (rows.length <= BATCH) {
          if (rows.length > 0) yield rows;
        } else {
          for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
        }
      }
      const rows = parser.end();
      for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
    }
    const source = await takeHeader(batches(), file);
    return {
      info: { format: 'csv', encoding, delimiter, sheets: [], sheet: null, bytes: size },
      ...tableParts(source, file),
      bytesRead: () => bytes,
      close: async () => {
        stream.destroy();
      },
    };
  } catch (err) {
    stream.destroy();
    if (err instanceof Error && !err.message.includes(file)) throw new Error(`${file}: ${err.message}`);
    throw err;
  }
}

async function openXlsxTable(path: string, file: string, sheetName: string | undefined): Promise<OpenTable> {
  const workbook = await openXlsx(path);
  try {
    const name = sheetName ?? workbook.sheets[0];
    if (name === undefined) throw new Error(`${file} has no sheets.`);
    const sheet = await workbook.openSheet(name, BATCH);
    const source = await takeHeader(sheet.rows(), `${file}, sheet "${name}"`);
    return {
      info: { format: 'xlsx', encoding: null, delimiter: null, sheets: workbook.sheets, sheet: name, bytes: sheet.compressedSize },
      ...tableParts(source, file),
      bytesRead: () => sheet.bytesRead(),
      close: async () => workbook.close(),
    };
  } catch (err) {
    workbook.close();
    throw err;
  }
}

/**
 * Reads batches up to the first row with a non-blank cell: that row is the header;
 * the rest of its batch comes first out of `rows()`.
 */
async function takeHeader(batches: AsyncGenerator<TableRow[], void, undefined>, label: string): Promise<RowSource> {
  for (;;) {
    const next = await batches.next();
    if (next.done) throw new Error(`${label} has no rows: it is blank.`);
    const index = next.value.findIndex((row) => row.values.some((value) => value.trim() !== ''));
    if (index < 0) continue;
    const header = next.value[index]!;
    const rest = next.value.slice(index + 1);
    return {
      header,
      async *rows() {
        if (rest.length > 0) yield rest;
        yield* batches;
      },
    };
  }
}

/** header, headerRow and a once-only rows() of an open table. */
function tableParts(source: RowSource, file: string): Pick<OpenTable, 'header' | 'headerRow' | 'rows'> {
  const header = [...source.header.values];
  while (header.length > 0 && header[header.length - 1]!.trim() === '') header.pop();
  let started = false;
  return {
    header,
    headerRow: source.header.row,
    rows() {
      if (started) throw new Error(`${file}: rows() can only be read once.`);
      started = true;
      return source.rows();
    },
  };
}
