import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker.js';
import type { BuyingPoint, CatalogProduct } from '../../../shared/catalog/catalog.js';
import type { GatewayProduct } from './catalog.js';
import type { HistoryResult, ImportRequest } from './catalog-history.js';
import type { PlanWrite, PlanWriteResult } from './plans.js';
import type { FoldedLayers, SessionResults } from './recap-store.js';
import type { SessionUser } from '../../../shared/metrics/index.js';
import type { QuestionTallyState } from '../../../shared/recap/questions.js';
import type { AppendBatch, AppendResult, MomentRow, OpenedSession, SessionInfo, SessionKey, SuggestionMarkRow } from './types.js';
import { DatabaseOpenError } from './connection.js';
import type { WorkerMessage, WriterOp, WriterOps, WriterRequest, WriterWorkerData } from './writer-protocol.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The main-side handle of the store's writer thread. Every method is a
 * request answered by the worker in call order; a failed request rejects its
 * own promise and leaves the writer usable.
 */
export class StoreWriter {
  readonly file: string;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Why requests are refused, once the writer is closed or its thread died. */
  #stopped: string | null = null;
  readonly #exited: Promise<void>;

  private constructor(file: string, worker: Worker) {
    this.file = file;
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'reply') this.#settle(message.id, message.ok ? { value: message.value } : { error: message.error });
    });
    worker.on('error', (error) => this.#stop(`store writer for ${file} failed: ${error.message}`));
    worker.on('exit', (code) => this.#stop(`store writer for ${file} stopped (exit code ${code})`));
  }

  /** Starts the writer thread, which opens (or creates) the file and migrates it. */
  static async open(file: string): Promise<StoreWriter> {
    const workerData: WriterWorkerData = { file };
    // A small young generation: the thread turns over a frame's worth of strings per batch, and a
    // large nursery only lets garbage pile up in the process's memory between collections.
    const worker = startWorker(new URL('./writer.worker.js', import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    await new Promise<void>((resolve, reject) => {
      const settle = (failure: string | null): void => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (failure === null) resolve();
        else reject(new DatabaseOpenError(failure));
      };
      const onMessage = (message: WorkerMessage): void => {
        if (message.kind === 'ready') settle(null);
        else if (message.kind === 'failed') settle(message.error);
      };
      const onError = (error: Error): void => settle(`cannot open database ${file}: writer thread failed: ${error.message}`);
      const onExit = (code: number): void => settle(`cannot open database ${file}: writer thread exited with code ${code}`);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    return new StoreWriter(file, worker);
  }

  /** Inserts or finds (room, sessionId); tells where to resume and the newest engine snapshot. */
  openSession(info: SessionInfo): Promise<OpenedSession> {
    return this.#request('openSession', { info });
  }

  /** Stores a batch and its side rows in one transaction; resolves once committed. */
  append(batch: AppendBatch): Promise<AppendResult> {
    return this.#request('append', { batch });
  }

  async updateProducts(key: SessionKey, productsJson: string): Promise<void> {
    await this.#request('updateProducts', { key, productsJson });
  }

  async endSession(key: SessionKey, endedAt: number): Promise<void> {
    await this.#request('endSession', { key, endedAt });
  }

  addMoment(key: SessionKey, at: number, note: string | null): Promise<MomentRow> {
    return this.#request('addMoment', { key, at, note });
  }

  async markAnswered(key: SessionKey, commentId: string, answered: boolean, at: number): Promise<void> {
    await this.#request('markAnswered', { key, commentId, answered, at });
  }

  async markSuggestion(key: SessionKey, mark: SuggestionMarkRow): Promise<void> {
    await this.#request('markSuggestion', { key, mark });
  }

  /** Merges a file's catalog into the stored one or replaces it, keeping the one before for undo (catalog-history.ts). */
  importCatalog(request: ImportRequest): Promise<HistoryResult> {
    return this.#request('importCatalog', { request });
  }

  /** Restores the catalog as it was before an entry of the import history. */
  undoCatalogImport(importId: number, revision?: string): Promise<HistoryResult> {
    return this.#request('undoCatalogImport', revision === undefined ? { importId } : { importId, revision });
  }

  async upsertProduct(product: CatalogProduct): Promise<void> {
    await this.#request('upsertProduct', { product });
  }

  async upsertBuyingPoint(point: BuyingPoint): Promise<void> {
    await this.#request('upsertBuyingPoint', { point });
  }

  /** Whether a point with this id was there. */
  deleteBuyingPoint(pointId: string): Promise<boolean> {
    return this.#request('deleteBuyingPoint', { pointId });
  }

  /** Adds a session's products to the catalog; the merchant's data on products already there is kept. */
  async mergeGatewayProducts(products: GatewayProduct[]): Promise<void> {
    await this.#request('mergeGatewayProducts', { products });
  }

  /** One write of the plan store (plans.ts): a save, a checklist tick, segment boundaries... */
  planWrite(write: PlanWrite): Promise<PlanWriteResult> {
    return this.#request('planWrite', { write });
  }

  /** Stores the session's question tally as it stands (it replaces the one stored before). */
  async saveQuestions(key: SessionKey, state: QuestionTallyState): Promise<void> {
    await this.#request('saveQuestions', { key, state });
  }

  /** Folds an ended session's users into the user layers and stores its results, once (recap-store.ts). */
  foldLayers(key: SessionKey, users: SessionUser[], results: SessionResults): Promise<FoldedLayers> {
    return this.#request('foldLayers', { key, users, results });
  }

  /** Lets queued requests finish, closes the database and ends the thread. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#stopped === null) await this.#request('close', {});
    await this.#exited;
  }

  #request<Op extends WriterOp>(op: Op, args: WriterOps[Op]['args']): Promise<WriterOps[Op]['result']> {
    if (this.#stopped !== null) return Promise.reject(new Error(this.#stopped));
    const id = this.#nextId++;
    // TypeScript cannot see that {id, op, ...args} of one Op is a member of the union.
    const request = { id, op, ...args } as WriterRequest;
    if (op === 'close') this.#stopped = `store writer for ${this.file} is closed`;
    return new Promise<WriterOps[Op]['result']>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage(request);
    });
  }

  #settle(id: number, outcome: { value: unknown } | { error: string }): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if ('error' in outcome) pending.reject(new Error(outcome.error));
    else pending.resolve(outcome.value);
  }

  #stop(reason: string): void {
    this.#stopped ??= reason;
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
  }
}
