/**
 * A rehearsal (彩排) runs a plan against the demo room in a database of its
 * own, so what a new host practises never mixes with real sessions: a fresh
 * file gets the real store's catalog and the plan to rehearse (marked for the
 * next session), and the real store is only read.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openReader } from '../store/reader.js';
import { StoreWriter } from '../store/writer.js';
import { bodyOf } from './plan-api.js';

export interface RehearsalStore {
  dbFile: string;
  planId: number;
  title: string;
}

/** A plan that cannot be rehearsed from this store (none chosen, or not there). */
export class RehearsalError extends Error {}

/** Copies the catalog and the plan (`planId`, or the one marked for the next session) into a new rehearsal database. */
export async function prepareRehearsal(realDb: string, planId: number | null, now = new Date()): Promise<RehearsalStore> {
  if (!existsSync(realDb)) throw new RehearsalError(`${realDb} does not exist yet: make a plan first (console → 直播计划, or livecue plan import)`);
  const reader = openReader(realDb);
  let source;
  let catalog;
  try {
    source = planId === null ? reader.nextPlan() : reader.plan(planId);
    catalog = reader.catalog();
  } finally {
    reader.close();
  }
  if (!source || source.template) {
    throw new RehearsalError(planId === null ? 'no plan is chosen for the next session: pass --plan ID or choose one (livecue plan use ID)' : `no plan ${planId} to rehearse`);
  }
  const folder = join(dirname(realDb), 'rehearsals');
  mkdirSync(folder, { recursive: true });
  const dbFile = join(folder, `rehearsal-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  const writer = await StoreWriter.open(dbFile);
  try {
    for (const product of catalog.products) await writer.upsertProduct(product);
    for (const point of catalog.buyingPoints) await writer.upsertBuyingPoint(point);
    const id = (await writer.planWrite({ kind: 'save', id: null, body: bodyOf(source), template: false, at: now.getTime() })) as number;
    await writer.planWrite({ kind: 'setNext', id });
    return { dbFile, planId: id, title: source.title };
  } finally {
    await writer.close();
  }
}
