/**
 * Messages between `StoreWriter` (main side) and `writer.worker.ts`. Each
 * request carries an id; the worker answers every request exactly once, in
 * the order the requests arrived.
 */
import type { BuyingPoint, CatalogProduct } from '../../../shared/catalog/catalog.js';
import type { GatewayProduct } from './catalog.js';
import type { HistoryResult, ImportRequest } from './catalog-history.js';
import type { PlanWrite, PlanWriteResult } from './plans.js';
import type { FoldedLayers, SessionResults } from './recap-store.js';
import type { SessionUser } from '../../../shared/metrics/index.js';
import type { QuestionTallyState } from '../../../shared/recap/questions.js';
import type { AppendBatch, AppendResult, MomentRow, SuggestionMarkRow, OpenedSession, SessionInfo, SessionKey } from './types.js';

/** Each operation's arguments and the value its reply carries. */
export interface WriterOps {
  openSession: { args: { info: SessionInfo }; result: OpenedSession };
  append: { args: { batch: AppendBatch }; result: AppendResult };
  updateProducts: { args: { key: SessionKey; productsJson: string }; result: null };
  endSession: { args: { key: SessionKey; endedAt: number }; result: null };
  addMoment: { args: { key: SessionKey; at: number; note: string | null }; result: MomentRow };
  markAnswered: { args: { key: SessionKey; commentId: string; answered: boolean; at: number }; result: null };
  markSuggestion: { args: { key: SessionKey; mark: SuggestionMarkRow }; result: null };
  importCatalog: { args: { request: ImportRequest }; result: HistoryResult };
  undoCatalogImport: { args: { importId: number; revision?: string }; result: HistoryResult };
  upsertProduct: { args: { product: CatalogProduct }; result: null };
  upsertBuyingPoint: { args: { point: BuyingPoint }; result: null };
  deleteBuyingPoint: { args: { pointId: string }; result: boolean };
  mergeGatewayProducts: { args: { products: GatewayProduct[] }; result: null };
  planWrite: { args: { write: PlanWrite }; result: PlanWriteResult };
  saveQuestions: { args: { key: SessionKey; state: QuestionTallyState }; result: null };
  foldLayers: { args: { key: SessionKey; users: SessionUser[]; results: SessionResults }; result: FoldedLayers };
  close: { args: Record<string, never>; result: null };
}

export type WriterOp = keyof WriterOps;

export type WriterRequest = { [Op in WriterOp]: { id: number; op: Op } & WriterOps[Op]['args'] }[WriterOp];

export type WriterReply =
  | { kind: 'reply'; id: number; ok: true; value: WriterOps[WriterOp]['result'] }
  | { kind: 'reply'; id: number; ok: false; error: string };

/** Everything the worker posts: first `ready` or `failed` (opening the file), then replies. */
export type WorkerMessage = { kind: 'ready' } | { kind: 'failed'; error: string } | WriterReply;

export interface WriterWorkerData {
  file: string;
}
