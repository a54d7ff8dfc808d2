/**
 * The store's writer thread: owns the only writing connection. Requests are
 * queued as they arrive and drained in order; consecutive appends found in
 * the queue are committed together (group commit) and answered one by one.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createAppender, type Appender } from './append.js';
import { createCatalogWriter } from './catalog.js';
import { createCatalogHistory } from './catalog-history.js';
import { openWriteConnection, type Connection } from './connection.js';
import { createPlanWriter } from './plans.js';
import { StoreReader } from './reader.js';
import { RecapRows } from './recap-store.js';
import { createSessionWriter } from './sessions.js';
import type { WorkerMessage, WriterOp, WriterOps, WriterRequest, WriterWorkerData } from './writer-protocol.js';

/** Bounds one group commit's transaction (and the wait of its first batch). */
const MAX_GROUP_ROWS = 50_000;

type AppendRequest = Extract<WriterRequest, { op: 'append' }>;

interface WriteHandlers {
  appender: Appender;
  handle(request: Exclude<WriterRequest, AppendRequest>): WriterOps[WriterOp]['result'];
}

function createHandlers(db: Connection): WriteHandlers {
  const sessions = createSessionWriter(db, new StoreReader(db));
  const catalog = createCatalogWriter(db);
  const history = createCatalogHistory(db, catalog);
  const plans = createPlanWriter(db);
  const recap = new RecapRows(db);
  return {
    appender: createAppender(db),
    handle(request) {
      switch (request.op) {
        case 'openSession':
          return sessions.open(request.info);
        case 'updateProducts':
          sessions.updateProducts(request.key, request.productsJson);
          return null;
        case 'endSession':
          sessions.end(request.key, request.endedAt);
          return null;
        case 'addMoment':
          return sessions.addMoment(request.key, request.at, request.note);
        case 'markAnswered':
          sessions.markAnswered(request.key, request.commentId, request.answered, request.at);
          return null;
        case 'markSuggestion':
          sessions.markSuggestion(request.key, request.mark);
          return null;
        case 'importCatalog':
          return history.importCatalog(request.request);
        case 'undoCatalogImport':
          return history.undo(request.importId, request.revision);
        case 'upsertProduct':
          catalog.upsertProduct(request.product);
          return null;
        case 'upsertBuyingPoint':
          catalog.upsertBuyingPoint(request.point);
          return null;
        case 'deleteBuyingPoint':
          return catalog.deleteBuyingPoint(request.pointId);
        case 'mergeGatewayProducts':
          catalog.mergeGatewayProducts(request.products);
          return null;
        case 'planWrite':
          return plans.write(request.write);
        case 'saveQuestions':
          recap.saveQuestions(request.key, request.state);
          return null;
        case 'foldLayers':
          return recap.fold(request.key, request.users, request.results);
        case 'close':
          db.close();
          return null;
      }
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function serve(port: MessagePort, file: string): Promise<void> {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  let handlers: WriteHandlers;
  try {
    handlers = createHandlers(await openWriteConnection(file));
  } catch (error) {
    post({ kind: 'failed', error: errorText(error) });
    port.close();
    return;
  }

  const queue: WriterRequest[] = [];
  let drainScheduled = false;

  /** Commits the run of appends starting at `from` as one group; returns how many requests it took. */
  function commitAppends(requests: readonly WriterRequest[], from: number): number {
    const group: AppendRequest[] = [];
    let rows = 0;
    for (let i = from; i < requests.length && rows < MAX_GROUP_ROWS; i++) {
      const request = requests[i];
      if (request?.op !== 'append') break;
      group.push(request);
      rows += request.batch.seqs.length;
    }
    for (const { item, outcome } of handlers.appender.appendGroup(group)) {
      post(outcome.ok ? { kind: 'reply', id: item.id, ok: true, value: outcome.result } : { kind: 'reply', id: item.id, ok: false, error: errorText(outcome.error) });
    }
    return group.length;
  }

  function drain(): void {
    drainScheduled = false;
    const requests = queue.splice(0);
    for (let i = 0; i < requests.length; ) {
      const request = requests[i];
      if (request === undefined) break;
      if (request.op === 'append') {
        i += commitAppends(requests, i);
        continue;
      }
      i++;
      try {
        post({ kind: 'reply', id: request.id, ok: true, value: handlers.handle(request) });
      } catch (error) {
        post({ kind: 'reply', id: request.id, ok: false, error: errorText(error) });
      }
      if (request.op === 'close') {
        // StoreWriter sends nothing after close; closing the port lets the thread exit.
        port.close();
        return;
      }
    }
  }

  port.on('message', (request: WriterRequest) => {
    queue.push(request);
    // Deferred so that requests already waiting in the port join this drain (and its group commit).
    if (!drainScheduled) {
      drainScheduled = true;
      setImmediate(drain);
    }
  });
  post({ kind: 'ready' });
}

if (!parentPort) throw new Error('writer.worker must run as a worker thread (use StoreWriter.open)');
await serve(parentPort, (workerData as WriterWorkerData).file);
