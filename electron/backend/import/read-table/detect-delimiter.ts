import { createCsvParser } from './csv-parser';

export type Delimiter = ',' | ';' | '\t' | '|';

/** Candidates in order of preference when two fit equally well. */
const CANDIDATES: readonly Delimiter[] = ['\t', ';', ',', '|'];
/** How many records of the sample are looked at. */
const SAMPLE_RECORDS = 50;
/** How much of the sample is parsed (50 records fit unless lines are very long). */
const SAMPLE_CHARS = 256 * 1024;

/**
 * Guesses the field delimiter of a CSV text from its first ~50 records: the candidate
 * whose most common field count (above 1) holds for the largest share of records.
 * Delimiters inside quoted fields do not count, so `;`-separated files with decimal
 * commas come out as `;`. Ties go to tab, then `;`, then `,`, then `|`; a file with
 * one column comes out as `,`.
 *
 * @param sample the start of the file, already decoded
 * @param whole whether `sample` is the whole file; if not, a last record without a line
 *   break after it may be cut short, so it is not looked at
 */
export function detectDelimiter(sample: string, whole = true): Delimiter {
  const text = sample.length > SAMPLE_CHARS ? sample.slice(0, SAMPLE_CHARS) : sample;
  const complete = whole && sample.length <= SAMPLE_CHARS;
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const score = consistency(text, candidate, complete);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The share (0–1) of records that have the most common field count above 1, or 0 when
 * no record splits into more than one field.
 */
function consistency(text: string, delimiter: Delimiter, complete: boolean): number {
  const parser = createCsvParser(delimiter);
  let records = parser.push(text);
  if (complete && records.length < SAMPLE_RECORDS) records = records.concat(parser.end());
  records = records.slice(0, SAMPLE_RECORDS);
  if (records.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.values.length, (counts.get(record.values.length) ?? 0) + 1);
  let most = 0;
  for (const [fields, times] of counts) {
    if (fields > 1 && times > most) most = times;
  }
  return most / records.length;
}
