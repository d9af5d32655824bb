import { csvField, csvQuoted } from '../csv/csv-field';

/** What the change list needs from a comparison. */
export interface DiffCsvInput {
  moved: {
    ids: readonly string[];
    names: readonly string[];
    from: Int32Array;
    to: Int32Array;
    repChanged: Uint8Array;
    measures: Record<string, Float64Array>;
  };
  /** Territory names on each side, by id. */
  territories: readonly { id: number; names: { before: string | null; after: string | null }; rep: { before: string | null; after: string | null } }[];
  /** rep id → name. */
  repNames: ReadonlyMap<string, string>;
  /** Measure columns, in order, with their header text. */
  measures: readonly { key: string; label: string }[];
  /** Start with a UTF-8 byte order mark (for Excel on Windows). */
  bom?: boolean;
}

const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 10 });

/**
 * The change list a CRM admin loads: one row per account whose territory or rep changes,
 * with both sides' territory and rep (ids exactly as stored, names guarded against
 * spreadsheet formulas), a moved flag and the account's measures in plain notation
 * (never exponent form; empty where missing). UTF-8, a header row, CRLF line ends.
 */
export function diffCsv(input: DiffCsvInput): string {
  const byId = new Map(input.territories.map((t) => [t.id, t]));
  const header = [
    'account_id',
    'account_name',
    'from_territory_id',
    'from_territory',
    'to_territory_id',
    'to_territory',
    'from_rep_id',
    'from_rep',
    'to_rep_id',
    'to_rep',
    'moved',
    'rep_changed',
    ...input.measures.map((m) => csvField(m.label)),
  ];
  const lines = [header.join(',')];
  const { moved } = input;
  for (let i = 0; i < moved.ids.length; i++) {
    const from = byId.get(moved.from[i]!);
    const to = byId.get(moved.to[i]!);
    const fromRep = from?.rep.before ?? null;
    const toRep = to?.rep.after ?? null;
    const cells = [
      csvQuoted(moved.ids[i]!),
      csvField(moved.names[i]!),
      moved.from[i]! < 0 ? '' : String(moved.from[i]),
      csvField(from?.names.before ?? ''),
      moved.to[i]! < 0 ? '' : String(moved.to[i]),
      csvField(to?.names.after ?? ''),
      fromRep === null ? '' : csvQuoted(fromRep),
      csvField(fromRep === null ? '' : (input.repNames.get(fromRep) ?? '')),
      toRep === null ? '' : csvQuoted(toRep),
      csvField(toRep === null ? '' : (input.repNames.get(toRep) ?? '')),
      moved.from[i] === moved.to[i] ? 'no' : 'yes',
      moved.repChanged[i] ? 'yes' : 'no',
      ...input.measures.map((m) => {
        const v = moved.measures[m.key]?.[i];
        return v === undefined || !Number.isFinite(v) ? '' : PLAIN.format(v);
      }),
    ];
    lines.push(cells.join(','));
  }
  return `${input.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
