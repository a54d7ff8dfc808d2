/**
 * Suggestions for next time, by rule, each with the figures that triggered
 * it so an operator can check it, and — where it maps onto the plan — the
 * change to make to the next plan (a checklist task to write the missing
 * buying point, a segment to lengthen). Rules, not a model: every line can
 * be traced to a number on the same recap.
 */
import { numberFormats } from '../format/numbers.js';
import { commentIntentLabels, type CommentIntent } from '../comments/intents.js';
import type { MetricValues, ProductStats } from '../metrics/index.js';
import type { SegmentKind } from '../plan/plan.js';
import type { QuestionCluster } from './questions.js';

/** Intents that a buying point answers (not "where is the link" or "I bought it"). */
const OBJECTIONS: ReadonlySet<CommentIntent> = new Set(['spec', 'suitability', 'efficacy', 'ingredient', 'usage', 'shipping', 'aftersales', 'authenticity', 'stock', 'promotion', 'price']);
const MIN_CLICKS = 20;
/** A product converts weakly below this share of the session's click → buy rate. */
const WEAK_SHARE = 0.6;
const MIN_ASKED = 5;
const STRONG_SEGMENT = 1.5;
const IDLE_CARD_MS = 5 * 60_000;
const LENGTHEN_SHARE = 0.2;

export type AdviceAction =
  | { kind: 'addChecklistItem'; title: string }
  | { kind: 'lengthenSegment'; segmentKind: SegmentKind; segmentTitle: string; bySec: number };

export type Advice =
  | { id: string; rule: 'weakConversion'; productId: string; title: string; clickBuy: number; sessionClickBuy: number; objection: { intent: CommentIntent; asked: number; answered: boolean } | null; action: AdviceAction | null }
  | { id: string; rule: 'unanswered'; productId: string | null; title: string | null; intent: CommentIntent; text: string; asked: number; answered: number; action: AdviceAction | null }
  | { id: string; rule: 'strongSegment'; segmentKind: SegmentKind; segmentTitle: string; gmvPerMinute: number; sessionGmvPerMinute: number; action: AdviceAction | null }
  | { id: string; rule: 'idleCard'; productId: string; title: string; minutesOnAir: number; paidOrders: number; action: null };

export interface AdviceInput {
  totals: MetricValues;
  durationMs: number;
  products: readonly ProductStats[];
  questions: readonly QuestionCluster[];
  /** Segments that ran, with the GMV of their minutes. */
  segments: readonly { kind: SegmentKind; title: string; ranMs: number; gmv: number }[];
  /** Whether a next plan exists to change. */
  hasNextPlan: boolean;
}

export function adviseNextTime(input: AdviceInput): Advice[] {
  const advice: Advice[] = [];
  const titleOf = (productId: string | null) => input.products.find((p) => p.productId === productId)?.title ?? productId;
  const pointTask = (title: string | null, intent: CommentIntent): AdviceAction | null =>
    input.hasNextPlan ? { kind: 'addChecklistItem', title: `补充买点：${title ?? '全场'} · ${commentIntentLabels[intent]}` } : null;

  const sessionClickBuy = input.totals.clickBuyRate;
  for (const product of input.products) {
    if (sessionClickBuy === null || product.clickUsers < MIN_CLICKS) continue;
    const clickBuy = product.buyers / product.clickUsers;
    if (clickBuy >= WEAK_SHARE * sessionClickBuy) continue;
    const top = input.questions.filter((q) => q.productId === product.productId && OBJECTIONS.has(q.intent)).sort((a, b) => b.asked - a.asked)[0];
    const title = product.title ?? product.productId;
    advice.push({
      id: `weak:${product.productId}`,
      rule: 'weakConversion',
      productId: product.productId,
      title,
      clickBuy,
      sessionClickBuy,
      objection: top ? { intent: top.intent, asked: top.asked, answered: top.answeredBy !== null } : null,
      action: top && top.answeredBy === null ? pointTask(title, top.intent) : null,
    });
  }

  for (const question of [...input.questions].sort((a, b) => b.asked - a.asked)) {
    if (question.asked < MIN_ASKED || question.answered * 2 >= question.asked) continue;
    const title = question.productId === null ? null : titleOf(question.productId);
    advice.push({ id: `unanswered:${question.intent}:${question.productId ?? ''}:${question.text}`, rule: 'unanswered', productId: question.productId, title, intent: question.intent, text: question.text, asked: question.asked, answered: question.answered, action: pointTask(title, question.intent) });
    if (advice.filter((a) => a.rule === 'unanswered').length >= 3) break;
  }

  const sessionGmvPerMinute = input.durationMs > 0 ? (input.totals.gmv ?? 0) / (input.durationMs / 60_000) : 0;
  for (const segment of input.segments) {
    if (segment.ranMs < 60_000 || sessionGmvPerMinute <= 0) continue;
    const gmvPerMinute = segment.gmv / (segment.ranMs / 60_000);
    if (gmvPerMinute < STRONG_SEGMENT * sessionGmvPerMinute) continue;
    const bySec = Math.max(60, Math.round((segment.ranMs / 1000) * LENGTHEN_SHARE / 60) * 60);
    advice.push({
      id: `strong:${segment.kind}:${segment.title}`,
      rule: 'strongSegment',
      segmentKind: segment.kind,
      segmentTitle: segment.title,
      gmvPerMinute,
      sessionGmvPerMinute,
      action: input.hasNextPlan ? { kind: 'lengthenSegment', segmentKind: segment.kind, segmentTitle: segment.title, bySec } : null,
    });
  }

  for (const product of input.products) {
    if (product.timeOnAirMs < IDLE_CARD_MS || product.onAirPaidOrders > 0) continue;
    advice.push({ id: `idle:${product.productId}`, rule: 'idleCard', productId: product.productId, title: product.title ?? product.productId, minutesOnAir: Math.round(product.timeOnAirMs / 60_000), paidOrders: product.onAirPaidOrders, action: null });
  }
  return advice;
}

/** One suggestion as a sentence, zh-CN or English, its figures in the one number format (shared/format/numbers.ts). */
export function describeAdvice(advice: Advice, lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  const { rate: pct, money: yuan, count } = numberFormats(lang);
  switch (advice.rule) {
    case 'weakConversion': {
      const head = zh
        ? `「${advice.title}」点击-成交转化 ${pct(advice.clickBuy)}，全场 ${pct(advice.sessionClickBuy)}`
        : `"${advice.title}" click → buy ${pct(advice.clickBuy)} vs ${pct(advice.sessionClickBuy)} for the session`;
      const o = advice.objection;
      if (!o) return head;
      const label = commentIntentLabels[o.intent];
      return zh
        ? `${head}；最多的顾虑：${label}，${count(o.asked)} 次提问；${o.answered ? '已有话术回答' : '没有买点回答它'}`
        : `${head}; top objection: ${o.intent} (${label}), ${count(o.asked)} questions; ${o.answered ? 'a talking point answered it' : 'no buying point answers it'}`;
    }
    case 'unanswered':
      return zh
        ? `「${advice.text}」（${commentIntentLabels[advice.intent]}${advice.title ? ` · ${advice.title}` : ''}）被问 ${count(advice.asked)} 次，只回答了 ${count(advice.answered)} 次`
        : `"${advice.text}" (${advice.intent}${advice.title ? ` · ${advice.title}` : ''}) asked ${count(advice.asked)} times, answered ${count(advice.answered)}`;
    case 'strongSegment':
      return zh
        ? `环节「${advice.segmentTitle}」每分钟成交 ${yuan(advice.gmvPerMinute)}，全场 ${yuan(advice.sessionGmvPerMinute)}：下次可以拉长`
        : `Segment "${advice.segmentTitle}" sold ${yuan(advice.gmvPerMinute)} a minute vs ${yuan(advice.sessionGmvPerMinute)} for the session: worth lengthening`;
    case 'idleCard':
      return zh
        ? `「${advice.title}」讲解 ${count(advice.minutesOnAir)} 分钟，期间 0 单：换讲法或缩短`
        : `"${advice.title}" was on air ${count(advice.minutesOnAir)} min with no orders: change the pitch or shorten it`;
  }
}
