import { ScatterplotLayer } from '@deck.gl/layers';
import type { Rgba } from '../color';
import type { MapAccounts } from '../../stores/use-app-store';

export interface AccountLayerInput {
  accounts: MapAccounts;
  /** Territory each account counts for (override or cell). */
  territoryOf: Int32Array;
  /** Accounts placed by name (drawn with a dark ring). */
  overridden: Uint8Array;
  colorOf: ReadonlyMap<number, Rgba>;
  /** Values that size the points (null: all one size). */
  sizeBy: Float64Array | null;
  hovered: number | null;
  trigger: string;
}

/** One `data` object per account set, so re-renders do not rebuild every point's position. */
const dataOf = new WeakMap<object, { length: number }>();

/**
 * Account points: coloured by the territory they count for, area proportional to the
 * chosen measure (between 2 and 12 px radius), accounts placed by name ringed in black.
 */
export function buildAccountLayer(input: AccountLayerInput) {
  const { accounts, sizeBy } = input;
  let max = 0;
  if (sizeBy) for (const v of sizeBy) if (v > max) max = v;
  const radius = (i: number) => {
    if (!sizeBy || !(max > 0)) return 3.5;
    const v = sizeBy[i]!;
    return Number.isFinite(v) && v > 0 ? 2 + 10 * Math.sqrt(v / max) : 2;
  };
  return new ScatterplotLayer<unknown>({
    id: 'accounts',
    data: dataOf.get(accounts) ?? (dataOf.set(accounts, { length: accounts.ids.length }), dataOf.get(accounts)!),
    getPosition: (_: unknown, { index }: { index: number }) => [accounts.lon[index]!, accounts.lat[index]!],
    getRadius: (_: unknown, { index }: { index: number }) => radius(index) + (index === input.hovered ? 2 : 0),
    radiusUnits: 'pixels',
    getFillColor: (_: unknown, { index }: { index: number }) => input.colorOf.get(input.territoryOf[index]!) ?? [120, 120, 120, 255],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: (_: unknown, { index }: { index: number }) => (input.overridden[index] ? 2.5 : index === input.hovered ? 2 : 0.75),
    getLineColor: (_: unknown, { index }: { index: number }) => (input.overridden[index] || index === input.hovered ? [0, 0, 0, 255] : [255, 255, 255, 220]),
    pickable: true,
    updateTriggers: {
      getFillColor: input.trigger,
      getRadius: [input.trigger, input.hovered],
      getLineWidth: [input.trigger, input.hovered],
      getLineColor: [input.trigger, input.hovered],
    },
  } as never);
}
