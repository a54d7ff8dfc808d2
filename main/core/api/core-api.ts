/**
 * What a host asks of the core besides its state: commands to the live room,
 * the team's marks, stored comments, recaps, the catalog and the plans.
 */
import { randomUUID } from 'node:crypto';
import {
  apiCommandSchemas,
  type ApiCommandInput,
  type ApiCommandName,
  type ApiCommandResult,
  type CommentView,
  type Moment,
  type SuggestionMark,
  type SuggestionOutcome,
} from '../../../shared/api/contract.js';
import type { PlanLiveView } from '../../../shared/plan/plan-api.js';
import type { Command } from '../../../shared/protocol/index.js';
import { eventSchemas } from '../../../shared/protocol/index.js';
import type { AppliedAdvice } from '../../../shared/recap/recap-api.js';
import type { CatalogApi } from '../catalog/catalog-api.js';
import type { IngestPipeline } from '../ingest/pipeline.js';
import type { PlanApi } from '../plan/plan-api.js';
import type { PlanRunner } from '../plan/plan-runner.js';
import { applyAdvice } from '../recap/apply-advice.js';
import { buildRecap, sessionSummaries, type Recap, type SessionSummary } from '../recap/recap.js';
import type { RecapKeeper } from '../recap/recap-keeper.js';
import type { LiveSource } from '../source/types.js';
import type { StoreReader } from '../store/reader.js';
import type { StoreWriter } from '../store/writer.js';
import type { SessionAnnotations } from './annotations.js';
import type { CopilotRunner } from './copilot-runner.js';

export interface CoreApi {
  command<N extends ApiCommandName>(name: N, input: unknown): Promise<ApiCommandResult>;
  recap(sessionId?: string): Recap;
  /** Every stored session, newest first, with its headline figures. */
  sessions(): SessionSummary[];
  /** Makes the change a recap's suggestion proposes to the plan marked for the next session. */
  applyAdvice(sessionId: string, adviceId: string): Promise<AppliedAdvice>;
  /** Marks a moment at the live room's current time; fails when no session is being recorded. */
  markMoment(note: string | null): Promise<Moment>;
  markComment(commentId: string, answered: boolean): Promise<void>;
  /** Marks a talking point used or dismissed: it leaves the list, cools down, and is stored for the recap. */
  markSuggestion(suggestionId: string, outcome: SuggestionOutcome): Promise<SuggestionMark>;
  /** Stored comments of the current session after `afterSeq` and before `beforeSeq` (default: all), newest first. */
  commentHistory(beforeSeq: number | undefined, limit: number, afterSeq?: number): CommentView[];
  /** The merchant's catalog (商品库): products and buying points, import and export. A method, so a stand-in core can refuse it. */
  catalog(): CatalogApi;
  /** The live plans (直播计划): editing, templates, files, the checklist. */
  plan(): PlanApi;
  /** The assistant moves the rundown on to the next segment. */
  advanceSegment(): Promise<PlanLiveView>;
  /** Records who started the stream with critical checklist items open. */
  confirmStart(by: string): Promise<PlanLiveView>;
}

export interface CoreApiParts {
  source: Pick<LiveSource, 'command'>;
  writer: StoreWriter;
  reader: StoreReader;
  pipeline: IngestPipeline;
  annotations: SessionAnnotations;
  recapKeeper: RecapKeeper;
  copilot: CopilotRunner;
  catalog: CatalogApi;
  plans: PlanApi;
  planRunner: PlanRunner;
}

/** A request the core cannot serve in its current state (e.g. before the first session). */
export class CoreUnavailableError extends Error {}

/** A talking point that is not (or no longer) shown. */
export class SuggestionNotFoundError extends Error {}

export function createCoreApi(parts: CoreApiParts): CoreApi {
  const { source, writer, reader, pipeline, annotations, recapKeeper, copilot, catalog, plans, planRunner } = parts;
  const activeSession = () => {
    const active = pipeline.active;
    if (!active) throw new CoreUnavailableError('no live session is being recorded yet');
    return active;
  };

  return {
    async command(name, input) {
      const schema = apiCommandSchemas[name];
      const parsed = schema?.safeParse(input);
      if (!parsed?.success) {
        return { ok: false, error: { code: 'bad_input', message: parsed?.error.issues[0]?.message ?? `unknown command ${name}` } };
      }
      // parsed.data is exactly ApiCommandInput<N>; TypeScript cannot relate the lookup to N.
      const convert = toGatewayCommand[name] as (input: unknown, id: string) => Command;
      return source.command(convert(parsed.data, randomUUID()));
    },
    recap: (sessionId) => buildRecap(reader, sessionId),
    sessions: () => sessionSummaries(reader),
    applyAdvice: (sessionId, adviceId) => applyAdvice(buildRecap(reader, sessionId), adviceId, reader, plans),
    async markMoment(note) {
      const active = activeSession();
      annotations.follow(active.key);
      return annotations.markMoment(active.key, active.engine.now(), note);
    },
    async markComment(commentId, answered) {
      const active = activeSession();
      annotations.follow(active.key);
      await annotations.markAnswered(active.key, commentId, answered, active.engine.now());
      copilot.markAnswered(active.key, commentId, answered);
      if (answered) recapKeeper.answered(active, [commentId], { line: null });
      else recapKeeper.unanswered(active, commentId);
    },
    async markSuggestion(suggestionId, outcome) {
      const active = activeSession();
      const now = active.engine.now();
      const taken = copilot.take(active.key, suggestionId, outcome, now);
      if (!taken) throw new SuggestionNotFoundError(`no talking point ${suggestionId} is shown`);
      const { suggestion, answers } = taken;
      const mark: SuggestionMark = { suggestionId, kind: suggestion.kind, line: suggestion.line, reason: suggestion.reason, outcome, at: now, text: suggestion.text };
      await writer.markSuggestion(active.key, { ...mark, text: JSON.stringify(mark.text) });
      if (outcome === 'used') {
        // The questions it answers are answered too, and stored as such.
        recapKeeper.answered(active, [...suggestion.sources, ...answers], { line: suggestion.line });
        annotations.follow(active.key);
        for (const commentId of answers) await annotations.markAnswered(active.key, commentId, true, now);
      }
      // A planned buying point used is one the overlay no longer lists as still to hit.
      planRunner.invalidate();
      return mark;
    },
    catalog: () => catalog,
    plan: () => plans,
    advanceSegment: () => planRunner.advance(),
    confirmStart: (by) => planRunner.confirmStart(by),
    commentHistory(beforeSeq, limit, afterSeq) {
      const active = pipeline.active;
      if (!active) return [];
      return reader.commentsBefore(active.key, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit, afterSeq).flatMap((row) => {
        // Bodies were validated when stored; a row that no longer parses is skipped, not shown half-read.
        const parsed = eventSchemas.comment.safeParse(JSON.parse(row.body));
        return parsed.success ? [{ ...pipeline.comments.describe({ ...parsed.data, seq: row.seq }, active.products), answered: row.answered === 1 }] : [];
      });
    },
  };
}

/** Each API command as the gateway command it becomes, with a fresh id (the gateway's idempotency key). */
const toGatewayCommand: { [N in ApiCommandName]: (input: ApiCommandInput<N>, id: string) => Command } = {
  pinProduct: ({ productId }, id) => ({ id, type: 'card.pin', productId }),
  unpinProduct: (_input, id) => ({ id, type: 'card.unpin' }),
  pushCoupon: ({ couponId }, id) => ({ id, type: 'coupon.push', couponId }),
  pinComment: ({ commentId }, id) => ({ id, type: 'comment.pin', commentId }),
};
