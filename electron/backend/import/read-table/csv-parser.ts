import type { TableRow } from '../../../../shared/domain/import/types';

/**
 * An incremental CSV parser (RFC 4180, leniently): text goes in chunk by chunk, cut
 * anywhere, and whole records come out.
 *
 * - Fields may be quoted with `"`; inside quotes a doubled `""` is one quote, and
 *   delimiters, CR and LF are plain text.
 * - A record ends at LF, CRLF or a lone CR outside quotes.
 * - A quote inside an unquoted field is kept literally; text after a closing quote (up
 *   to the next delimiter) is appended to the field.
 * - Empty lines are skipped but still counted, so `row` is the line number a
 *   spreadsheet shows (a record whose quoted field holds a line break counts once).
 * - Nothing is trimmed.
 * - A record longer than 16 M characters is an error (an unclosed quote, most likely).
 */
export interface CsvParser {
  /** Parses the next piece of text; returns the records it completes. */
  push(text: string): TableRow[];
  /** Ends the input; returns the last record, if it had no line break after it. */
  end(): TableRow[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Longest record held while waiting for its end (a runaway quoted field would otherwise hold the whole file). */
const MAX_RECORD_CHARS = 16 * 2 ** 20;

/** A record of the slow path: its fields and where the next record starts. */
interface Parsed {
  values: string[];
  next: number;
  /** The record ended with a CR that was the buffer's last character (an LF may follow). */
  endsWithCr: boolean;
}

/**
 * Creates a parser for one file.
 *
 * @param delimiter the field separator, one character (e.g. ',', ';', '\t', '|')
 * @throws Error when the delimiter is not one character or is a quote or line break
 */
export function createCsvParser(delimiter: string): CsvParser {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`Invalid CSV delimiter ${JSON.stringify(delimiter)}.`);
  }
  const delim = delimiter.charCodeAt(0);
  let pending = '';
  let row = 0;
  /** The previous push ended with a record-ending CR: skip an LF at the start of the next. */
  let skipLf = false;
  let ended = false;

  function parse(buf: string, final: boolean): TableRow[] {
    const rows: TableRow[] = [];
    const n = buf.length;
    let pos = 0;
    if (skipLf && n > 0) {
      if (buf.charCodeAt(0) === LF) pos = 1;
      skipLf = false;
    }
    // Next LF, CR, quote and delimiter at or after pos; -2 = not searched yet, -1 = none left.
    let lf = -2;
    let cr = -2;
    let quote = -2;
    let next = -2; // next delimiter
    while (pos < n) {
      if (lf !== -1 && lf < pos) lf = buf.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf('\r', pos);
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      let eol = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (quote === -1 || (eol !== -1 && quote > eol)) {
        // Fast path: a line without quotes.
        if (eol === -1) {
          if (!final) break;
          eol = n;
        }
        row++;
        if (eol > pos) {
          const values: string[] = [];
          let from = pos;
          for (;;) {
            if (next !== -1 && next < from) next = buf.indexOf(delimiter, from);
            if (next === -1 || next >= eol) break;
            values.push(buf.slice(from, next));
            from = next + 1;
          }
          values.push(buf.slice(from, eol));
          rows.push({ row, values });
        }
        pos = eol + 1;
        if (eol < n && buf.charCodeAt(eol) === CR) {
          if (pos < n) {
            if (buf.charCodeAt(pos) === LF) pos++;
          } else if (!final) {
            skipLf = true;
          }
        }
        continue;
      }
      if (eol !== -1 || final) {
        // A line with quotes: most often each quoted field closes on the line, and the
        // line splits as fast as one without.
        const end = eol === -1 ? n : eol;
        const values = splitQuotedLine(buf, pos, end);
        if (values !== null) {
          row++;
          rows.push({ row, values });
          pos = end + 1;
          if (end < n && buf.charCodeAt(end) === CR) {
            if (pos < n) {
              if (buf.charCodeAt(pos) === LF) pos++;
            } else if (!final) {
              skipLf = true;
            }
          }
          continue;
        }
      }
      const parsed = parseQuotedRecord(buf, pos, final);
      if (parsed === null) break;
      row++;
      rows.push({ row, values: parsed.values });
      pos = parsed.next;
      if (parsed.endsWithCr && !final) skipLf = true;
    }
    pending = pos < n ? buf.slice(pos) : '';
    return finish(rows);

    /**
     * The fields of the line buf[start, end) when each quoted field on it closes on it
     * and is followed by a delimiter or the line's end; null otherwise (a field over
     * several lines, text after a closing quote): then parseQuotedRecord reads it.
     */
    function splitQuotedLine(buf: string, start: number, end: number): string[] | null {
      const values: string[] = [];
      let i = start;
      for (;;) {
        if (i < end && buf.charCodeAt(i) === QUOTE) {
          let field = '';
          let from = i + 1;
          let q = buf.indexOf('"', from);
          while (q !== -1 && q + 1 < end && buf.charCodeAt(q + 1) === QUOTE) {
            field += buf.slice(from, q + 1);
            from = q + 2;
            q = buf.indexOf('"', from);
          }
          if (q === -1 || q >= end) return null;
          field += buf.slice(from, q);
          values.push(field);
          i = q + 1;
          if (i === end) return values;
          if (buf.charCodeAt(i) !== delim) return null;
          i++;
          continue;
        }
        if (next !== -1 && next < i) next = buf.indexOf(delimiter, i);
        const to = next === -1 || next > end ? end : next;
        values.push(buf.slice(i, to));
        if (to === end) return values;
        i = to + 1;
      }
    }
  }

  function finish(rows: TableRow[]): TableRow[] {
    if (pending.length > MAX_RECORD_CHARS) {
      throw new Error(`Row ${row + 1} is over ${MAX_RECORD_CHARS / 2 ** 20} M characters long; a quoted field probably lacks its closing quote.`);
    }
    return rows;
  }

  /** Parses one record that holds a quote; null when it may continue past the buffer. */
  function parseQuotedRecord(buf: string, start: number, final: boolean): Parsed | null {
    const n = buf.length;
    const values: string[] = [];
    let i = start;
    for (;;) {
      let field = '';
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q === -1) {
            // Unterminated quote: at the end of input it runs to the end.
            if (!final) return null;
            field += buf.slice(from);
            i = n;
            break;
          }
          if (q + 1 >= n && !final) return null; // maybe the first half of a `""`
          if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
            field += buf.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          field += buf.slice(from, q);
          i = q + 1;
          break;
        }
      }
      // Unquoted text (or text after a closing quote) up to a delimiter or line end.
      const from = i;
      let c = -1;
      while (i < n) {
        c = buf.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      if (i > from) field += buf.slice(from, i);
      values.push(field);
      if (i >= n) {
        if (!final) return null;
        return { values, next: n, endsWithCr: false };
      }
      if (c === delim) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 < n) return { values, next: buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1, endsWithCr: false };
        return { values, next: n, endsWithCr: true };
      }
      return { values, next: i + 1, endsWithCr: false };
    }
  }

  return {
    push(text: string): TableRow[] {
      if (ended) throw new Error('CSV parser: push() after end().');
      if (text.length === 0) return [];
      return parse(pending.length > 0 ? pending + text : text, false);
    },
    end(): TableRow[] {
      if (ended) return [];
      ended = true;
      const rows = pending.length > 0 ? parse(pending, true) : [];
      pending = '';
      return rows;
    },
  };
}
