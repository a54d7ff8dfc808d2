/**
 * What the UI asks of the host. Each action reports its outcome as a notice,
 * so buttons and hotkeys behave alike and a failure is never silent.
 */
import type { BridgeReply, BridgeRequestName } from '../../shared/api/bridge.js';
import type { ApiCommandInput, ApiCommandName, SuggestionOutcome } from '../../shared/api/contract.js';
import type { SettingsUpdate } from '../../shared/api/settings.js';
import type { ClientBridge } from '../bridge/client-bridge.js';
import { rowMembers, type CommentRow } from '../comments/folded-comments.js';
import { i18nFor } from '../i18n/i18n.js';
import type { AppStore } from './app-state.js';
import { selectLanguage } from './selectors.js';
import { segmentKindLabels } from '../../shared/plan/labels.js';

export interface Actions {
  pinProduct(productId: string): Promise<void>;
  /** Pins the product at this 1-based position of the list (the hotkey digits). */
  pinProductAt(position: number): Promise<void>;
  unpinProduct(): Promise<void>;
  markMoment(): Promise<void>;
  /** Marks a co-pilot talking point used or dismissed (kept for the recap). */
  markSuggestion(suggestionId: string, outcome: SuggestionOutcome): Promise<void>;
  /** The same for the top talking point, the one the host sees (the hotkeys). */
  markTopSuggestion(outcome: SuggestionOutcome): Promise<void>;
  pinComment(commentId: string): Promise<void>;
  /** Marks every comment folded into the row, so a folded question does not come back unanswered. */
  markRowAnswered(row: CommentRow, answered: boolean): Promise<void>;
  /** Marks every question of a group (question-groups.ts) answered in one action. */
  markCommentsAnswered(ids: readonly string[], answered: boolean): Promise<void>;
  /** The live plan's rundown: on to the next segment (the N key, the console's button). */
  advanceSegment(): Promise<void>;
  /** Records who started the stream with critical checklist items open. */
  confirmStart(by: string): Promise<void>;
  loadSettings(): Promise<void>;
  /** Saves part of the settings; resolves with the host's validation message, or null when saved. */
  updateSettings(update: SettingsUpdate): Promise<string | null>;
}

type ErrorDetail = { code: string; message: string };

export function createActions(store: AppStore, bridge: ClientBridge): Actions {
  const notify = store.getState().showNotice;
  const fail = (error: ErrorDetail) => notify({ tone: 'error', message: 'notice.failed', params: {}, error });

  /** A gateway command: the host may succeed while the gateway says no, which is a failure too. */
  const command = async <N extends ApiCommandName>(name: N, input: ApiCommandInput<N>): Promise<boolean> => {
    const reply = await bridge.request('command', { name, input });
    const error = !reply.ok ? reply.error : !reply.value.ok ? reply.value.error : null;
    if (error) fail(error);
    return error === null;
  };

  const pinProduct = async (productId: string) => {
    const title = store.getState().snapshot?.products.find((p) => p.id === productId)?.title ?? productId;
    if (await command('pinProduct', { productId })) notify({ tone: 'info', message: 'notice.pinned', params: { title } });
  };

  const markSuggestion = async (suggestionId: string, outcome: SuggestionOutcome) => {
    const reply = await bridge.request('markSuggestion', { suggestionId, outcome });
    if (!reply.ok) return fail(reply.error);
    notify({ tone: 'info', message: outcome === 'used' ? 'notice.suggestionUsed' : 'notice.suggestionDismissed', params: {} });
  };

  const markCommentsAnswered = async (ids: readonly string[], answered: boolean) => {
    // Shown at once; the host's state stream confirms it, a failure puts it back.
    store.getState().setCommentsAnswered([...ids], answered);
    const replies = await Promise.all(ids.map((commentId) => bridge.request('markComment', { commentId, answered })));
    const failed = ids.filter((_, i) => !replies[i]!.ok);
    if (failed.length === 0) return;
    store.getState().setCommentsAnswered(failed, !answered);
    fail(firstError(replies)!);
  };

  return {
    pinProduct,
    markSuggestion,
    async markTopSuggestion(outcome) {
      const top = store.getState().snapshot?.suggestions[0];
      if (top) await markSuggestion(top.id, outcome);
      else notify({ tone: 'error', message: 'notice.noSuggestion', params: {} });
    },
    async pinProductAt(position) {
      const product = store.getState().snapshot?.products[position - 1];
      if (product) await pinProduct(product.id);
      else notify({ tone: 'error', message: 'notice.noProductAt', params: { n: position } });
    },
    async unpinProduct() {
      if (await command('unpinProduct', {})) notify({ tone: 'info', message: 'notice.unpinned', params: {} });
    },
    async markMoment() {
      const reply = await bridge.request('markMoment', {});
      if (!reply.ok) return fail(reply.error);
      const time = i18nFor(selectLanguage(store.getState())).fmt.clock(reply.value.at);
      notify({ tone: 'info', message: 'notice.momentMarked', params: { time } });
    },
    async pinComment(commentId) {
      if (await command('pinComment', { commentId })) notify({ tone: 'info', message: 'notice.commentPinned', params: {} });
    },
    markRowAnswered: (row, answered) => markCommentsAnswered(rowMembers(row).map((c) => c.id), answered),
    markCommentsAnswered,
    async advanceSegment() {
      if (!store.getState().snapshot?.plan?.runs.length) return notify({ tone: 'error', message: 'notice.noRundown', params: {} });
      const reply = await bridge.request('advanceSegment', {});
      if (!reply.ok) return fail(reply.error);
      const current = reply.value.runs.at(-1);
      const segment = reply.value.plan.segments.find((s) => s.id === current?.segmentId);
      if (current?.endedAt === null && segment) {
        const name = segment.title || segmentKindLabels[segment.kind][selectLanguage(store.getState()) === 'zh-CN' ? 'zh' : 'en'];
        notify({ tone: 'info', message: 'notice.segmentAdvanced', params: { name } });
      }
      else notify({ tone: 'info', message: 'notice.rundownFinished', params: {} });
    },
    async confirmStart(by) {
      const reply = await bridge.request('confirmStart', { by });
      if (!reply.ok) return fail(reply.error);
      notify({ tone: 'info', message: 'notice.startConfirmed', params: { by } });
    },
    async loadSettings() {
      store.getState().setSettingsLoad({ state: 'loading' });
      const reply = await bridge.request('getSettings', {});
      if (reply.ok) store.getState().setSettings(reply.value);
      else store.getState().setSettingsLoad({ state: 'failed', error: reply.error.message });
    },
    async updateSettings(update) {
      const reply = await bridge.request('updateSettings', update);
      if (!reply.ok) return reply.error.message;
      store.getState().setSettings(reply.value);
      notify({ tone: 'info', message: 'notice.settingsSaved', params: {} });
      return null;
    },
  };
}

function firstError<N extends BridgeRequestName>(replies: readonly BridgeReply<N>[]): ErrorDetail | null {
  for (const reply of replies) if (!reply.ok) return reply.error;
  return null;
}
