/**
 * The one place a UI's request is checked and turned into a call on the
 * core: every payload is parsed with its zod schema first, and every failure
 * becomes a reply with a code, never an exception across the transport.
 */
import {
  bridgeRequestSchemas,
  type BridgeErrorCode,
  type BridgeReply,
  type BridgeRequestName,
  type BridgeResponses,
} from '../../shared/api/bridge.js';
import type { SuggestionOutcome } from '../../shared/api/contract.js';
import type { RewriteLineInput, RewriteLineResult } from '../../shared/api/rewriter-api.js';
import type { SettingsUpdate, SettingsView } from '../../shared/api/settings.js';
import type { SaveBuyingPointInput, SaveProductInput } from '../../shared/catalog/catalog-api.js';
import type { CatalogFormat } from '../../shared/catalog/file-layout.js';
import type { ImportMode } from '../../shared/catalog/import.js';
import { CatalogImportGoneError, CatalogInputError, type ImportFileRequest } from '../core/catalog/catalog-api.js';
import { catalogTemplate } from '../core/catalog/files.js';
import { CoreUnavailableError, SuggestionNotFoundError, type Core } from '../core/api/core.js';
import { SessionNotFoundError } from '../core/recap/recap.js';
import { asRecapFile, exportRecap } from '../core/recap/export.js';
import { PdfUnavailableError, type PdfRenderer } from '../core/recap/pdf.js';
import type { ExportRecapRequest } from '../../shared/recap/recap-api.js';
import { PlanInputError, PlanNotFoundError, type PlanApi } from '../core/plan/plan-api.js';
import { NoPlanRunningError } from '../core/plan/plan-runner.js';
import { devicesElsewhere, DevicesUnavailableError } from './devices-elsewhere.js';
import { LocalOnlyError } from './request-context.js';
import { dataDesktopOnly, DesktopOnlyError } from './data-desktop-only.js';

export interface DispatchTarget {
  core: Core;
  settings(): SettingsView;
  updateSettings(update: SettingsUpdate): Promise<SettingsView>;
  /** The AI line rewriter with the current settings and API key. */
  rewriteLine(input: RewriteLineInput): Promise<RewriteLineResult>;
  /** How this host turns the recap's report into a PDF; a headless Chromium when not given. */
  renderPdf?: PdfRenderer;
}

type Handlers = { [N in BridgeRequestName]: (payload: never, target: DispatchTarget) => Promise<BridgeResponses[N]> | BridgeResponses[N] };

const handlers = {
  command: ({ name, input }: { name: Parameters<Core['command']>[0]; input: unknown }, { core }: DispatchTarget) => core.command(name, input),
  recap: ({ sessionId }: { sessionId?: string }, { core }: DispatchTarget) => core.recap(sessionId),
  listSessions: (_payload: Record<string, never>, { core }: DispatchTarget) => core.sessions(),
  exportRecap: async ({ sessionId, format, table, lang }: ExportRecapRequest, { core, settings, renderPdf }: DispatchTarget) =>
    asRecapFile(await exportRecap(core.recap(sessionId), { format, table, lang, wanDecimals: settings().wanDecimals }, renderPdf)),
  applyAdvice: ({ sessionId, adviceId }: { sessionId: string; adviceId: string }, { core }: DispatchTarget) => core.applyAdvice(sessionId, adviceId),
  commentHistory: ({ beforeSeq, afterSeq, limit }: { beforeSeq?: number; afterSeq?: number; limit: number }, { core }: DispatchTarget) => core.commentHistory(beforeSeq, limit, afterSeq),
  async markComment({ commentId, answered }: { commentId: string; answered: boolean }, { core }: DispatchTarget) {
    await core.markComment(commentId, answered);
    return { commentId, answered };
  },
  markMoment: ({ note }: { note?: string }, { core }: DispatchTarget) => core.markMoment(note ?? null),
  markSuggestion: ({ suggestionId, outcome }: { suggestionId: string; outcome: SuggestionOutcome }, { core }: DispatchTarget) =>
    core.markSuggestion(suggestionId, outcome),
  getCatalog: (_payload: Record<string, never>, { core }: DispatchTarget) => core.catalog().get(),
  saveProduct: (input: SaveProductInput, { core }: DispatchTarget) => core.catalog().saveProduct(input),
  saveBuyingPoint: (input: SaveBuyingPointInput, { core }: DispatchTarget) => core.catalog().saveBuyingPoint(input),
  deleteBuyingPoint: ({ id }: { id: string }, { core }: DispatchTarget) => core.catalog().deleteBuyingPoint(id),
  proposeBuyingPoints: ({ productId }: { productId: string }, { core }: DispatchTarget) => core.catalog().proposeBuyingPoints(productId),
  previewCatalogImport: ({ format, data, mode }: { format: CatalogFormat; data: Uint8Array; mode: ImportMode }, { core }: DispatchTarget) =>
    core.catalog().previewImport(format, data, mode),
  importCatalog: (request: ImportFileRequest, { core }: DispatchTarget) => core.catalog().importFile(request),
  catalogImports: (_payload: Record<string, never>, { core }: DispatchTarget) => core.catalog().imports(),
  previewCatalogUndo: ({ importId }: { importId: number }, { core }: DispatchTarget) => core.catalog().previewUndo(importId),
  undoCatalogImport: ({ importId, revision }: { importId: number; revision?: string }, { core }: DispatchTarget) => core.catalog().undoImport(importId, revision),
  exportCatalog: async ({ format }: { format: CatalogFormat }, { core }: DispatchTarget) => ({ format, data: await core.catalog().exportFile(format) }),
  listPlans: (_payload: Record<string, never>, { core }: DispatchTarget) => core.plan().list(),
  getPlan: ({ id }: { id: number }, { core }: DispatchTarget) => core.plan().detail(id),
  planTemplates: (_payload: Record<string, never>, { core }: DispatchTarget) => core.plan().templates(),
  createPlan: (request: Parameters<PlanApi['create']>[0], { core }: DispatchTarget) => core.plan().create(request),
  savePlan: ({ id, plan }: { id: number; plan: unknown }, { core }: DispatchTarget) => core.plan().save(id, plan),
  deletePlan: ({ id }: { id: number }, { core }: DispatchTarget) => core.plan().remove(id),
  savePlanAsTemplate: ({ id, title }: { id: number; title: string }, { core }: DispatchTarget) => core.plan().saveAsTemplate(id, title),
  exportPlan: ({ id }: { id: number }, { core }: DispatchTarget) => core.plan().exportFile(id),
  importPlan: ({ data }: { data: string }, { core }: DispatchTarget) => core.plan().importFile(data),
  usePlan: ({ id }: { id: number | null }, { core }: DispatchTarget) => core.plan().use(id),
  tickChecklistItem: ({ planId, itemId, done, value }: { planId: number; itemId: string; done: boolean; value?: string }, { core }: DispatchTarget) =>
    core.plan().tick(planId, itemId, done, value),
  advanceSegment: (_payload: Record<string, never>, { core }: DispatchTarget) => core.advanceSegment(),
  confirmStart: ({ by }: { by: string }, { core }: DispatchTarget) => core.confirmStart(by),
  // The template needs no store: it is served even while no source runs.
  catalogTemplate: async ({ format }: { format: CatalogFormat }) => ({ format, data: await catalogTemplate(format) }),
  getSettings: (_payload: Record<string, never>, target: DispatchTarget) => target.settings(),
  updateSettings: (update: SettingsUpdate, target: DispatchTarget) => target.updateSettings(update),
  rewriteLine: (input: RewriteLineInput, target: DispatchTarget) => target.rewriteLine(input),
  ...dataDesktopOnly,
  ...devicesElsewhere,
} satisfies Handlers;

const isRequestName = (name: string): name is BridgeRequestName => Object.hasOwn(bridgeRequestSchemas, name);

const failure = (code: BridgeErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

export async function dispatch(name: string, payload: unknown, target: DispatchTarget): Promise<BridgeReply<BridgeRequestName>> {
  if (typeof name !== 'string' || !isRequestName(name)) return failure('bad_request', `unknown request ${String(name)}`);
  const parsed = bridgeRequestSchemas[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure('bad_request', `${name}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`);
  }
  try {
    // The schema of `name` produced `parsed.data`, so it is the payload its handler takes.
    const handler = handlers[name] as (payload: unknown, target: DispatchTarget) => unknown;
    return { ok: true, value: (await handler(parsed.data, target)) as BridgeResponses[BridgeRequestName] };
  } catch (error) {
    if (error instanceof SessionNotFoundError || error instanceof SuggestionNotFoundError || error instanceof CatalogImportGoneError || error instanceof PlanNotFoundError) return failure('not_found', error.message);
    if (error instanceof CoreUnavailableError || error instanceof NoPlanRunningError || error instanceof PdfUnavailableError) return failure('unavailable', error.message);
    if (error instanceof DesktopOnlyError) return failure('unavailable', error.message);
    if (error instanceof DevicesUnavailableError) return failure('unavailable', error.message);
    if (error instanceof CatalogInputError || error instanceof PlanInputError) return failure('bad_request', error.message);
    if (error instanceof LocalOnlyError) return failure('forbidden', error.message);
    return failure('internal', error instanceof Error ? error.message : String(error));
  }
}
