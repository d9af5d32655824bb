import type { Rgba } from '../../../map/color';
import type { Basemap } from '../../../map/basemap-data';

export interface LegendItem {
  color: Rgba;
  label: string;
  /** e.g. "12 accounts · 1.2 M revenue" */
  detail?: string;
}

export interface MapPage {
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** [west, south, east, north] degrees: the on-screen extent; the map frame shows at least this, Web Mercator, aspect kept. */
  bounds: [number, number, number, number];
  cells: { h3: readonly string[]; fill: (cell: number) => Rgba };
  /** Territory outlines as lon/lat segments (cut edges). */
  outlines: { source: [number, number]; target: [number, number] }[];
  basemap: Basemap | null;
  repHomes: { lon: number; lat: number; name: string }[];
  accounts: { lon: number; lat: number; color: Rgba }[] | null;
  /** Territory labels in priority order (larger territories first); colliding later ones are skipped. */
  labels: { lon: number; lat: number; text: string }[];
  title: string;
  subtitle: string;
  /** already formatted */
  date: string;
  credit: string;
  legend: { title: string; items: LegendItem[] };
  /** Legend entry for the rep-home marker (shown when given and there are rep homes), e.g. "Rep home". */
  repHomeLabel?: string;
  /** Legend entry for the account dots (shown when given and accounts are drawn), e.g. "Account". */
  accountLabel?: string;
  /** The legend's overflow line; default `+ ${n} more`. */
  moreLabel?: (n: number) => string;
  /** Page direction: 'rtl' puts the legend on the left and right-aligns the texts. Default 'ltr'. */
  direction?: 'ltr' | 'rtl';
}

export interface MetricsPages {
  widthPx: number;
  heightPx: number;
  dpi: number;
  title: string;
  subtitle: string;
  date: string;
  /** Summary figures shown above the table: label → formatted value. */
  summary: { label: string; value: string }[];
  header: string[];
  /** Formatted cells; numeric columns are right-aligned (tell by `numeric[col]`). */
  rows: string[][];
  numeric: boolean[];
  /** Colour swatch per row (territory colour), optional. */
  swatches?: (Rgba | null)[];
  /** A totals row drawn bold under the table on the last page, optional. */
  totals?: string[];
  /** The footer; default `Page ${i} of ${n}`. */
  pageLabel?: (page: number, pages: number) => string;
  /** Page direction: 'rtl' lays the columns out right to left. Default 'ltr'. */
  direction?: 'ltr' | 'rtl';
}
