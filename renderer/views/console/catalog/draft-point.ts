import type { BuyingPoint } from '../../../../shared/catalog/catalog.js';

/** A buying point as the editor holds it: no id until the host has stored it. */
export type DraftPoint = Omit<BuyingPoint, 'id'> & { id?: string };
