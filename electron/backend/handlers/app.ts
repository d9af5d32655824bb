import type { AboutInfo } from '../../../shared/contract/api';
import type { Handlers, HandlerContext } from './types';

/** Software and data the app itself ships (the workspace adds its own data credits). */
const APP_CREDITS: AboutInfo['credits'] = [
  { name: 'H3 (h3-js)', license: 'Apache-2.0', detail: 'Hexagonal hierarchical grid by Uber.' },
  { name: 'deck.gl', license: 'MIT', detail: 'WebGL map rendering.' },
  { name: 'SQLite (better-sqlite3)', license: 'Public domain / MIT', detail: 'The workspace file format.' },
  { name: 'Natural Earth (via world-atlas)', license: 'Public domain (world-atlas: ISC)', detail: 'Country outlines of the basemap.' },
  { name: 'US Census Bureau (via us-atlas)', license: 'Public domain (us-atlas: ISC)', detail: 'State outlines of the basemap.' },
];

export function appHandlers(ctx: HandlerContext): Pick<Handlers, 'app.about'> {
  return {
    'app.about': () => ({ name: 'Tessera', version: ctx.appVersion, credits: APP_CREDITS }),
  };
}
