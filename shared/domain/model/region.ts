import type { RegionId } from './ids';

/** A region: the hierarchy level above territories, into which territories roll up. */
export interface Region {
  id: RegionId;
  name: string;
}
