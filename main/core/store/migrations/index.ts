import { initial } from './001-initial.js';
import { rejectsOnce } from './002-rejects-once.js';
import { annotations } from './003-annotations.js';
import { catalog } from './004-catalog.js';
import { suggestionMarks } from './005-suggestion-marks.js';
import { productCoupons } from './006-product-coupons.js';
import { catalogImports } from './007-catalog-imports.js';
import { plans } from './008-plans.js';
import { recap } from './009-recap.js';
import { suggestionText } from './010-suggestion-text.js';
import { devices } from './011-devices.js';
import type { Migration } from './migration.js';

/** Every migration, in version order. Append new ones; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial, rejectsOnce, annotations, catalog, suggestionMarks, productCoupons, catalogImports, plans, recap, suggestionText, devices];

export { LIVECUE_APPLICATION_ID } from './001-initial.js';
export { migrate, schemaVersion, latestVersion, refuseNewer } from './migrate.js';
export type { Migration } from './migration.js';
