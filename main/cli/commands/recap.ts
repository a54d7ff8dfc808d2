/** `livecue recap`: the recap of a stored session, as JSON or a short table. */
import { z } from 'zod';
import { metricKeys, metricLabels, type MetricKey } from '../../../shared/metrics/index.js';
import { segmentKindLabels } from '../../../shared/plan/labels.js';
import { buildRecap, SessionNotFoundError, type Recap } from '../../core/recap/recap.js';
import { openReader } from '../../core/store/reader.js';
import { parseFlags, required } from '../args.js';
import { UserError } from '../errors.js';
import { formatCount, formatRate, formatYuan } from '../format.js';

export const recapHelp = `livecue recap --db FILE [--session ID] [--json]
  Prints the recap of a stored session (the latest one without --session):
  every metric, the moments marked and the talking points used or dismissed;
  { session, totals, minutes, products, rejects, gaps, moments, suggestions, plan } with --json
  (plan: the live plan's segments planned against actual, or null).`;

export async function recap(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const flags = parseFlags(
    argv,
    { db: { type: 'string' }, session: { type: 'string' }, json: { type: 'boolean' } },
    z.object({ db: required('--db'), session: z.string().min(1).optional(), json: z.boolean().optional() }),
  );
  const reader = openReader(flags.db);
  try {
    let result: Recap;
    try {
      result = buildRecap(reader, flags.session);
    } catch (error) {
      if (error instanceof SessionNotFoundError) throw new UserError(`${flags.db}: ${error.message}`);
      throw error;
    }
    out.write(flags.json ? `${JSON.stringify(result)}\n` : formatRecap(result));
  } finally {
    reader.close();
  }
}

const money: ReadonlySet<MetricKey> = new Set(['gmv', 'refunds', 'netGmv', 'gpm', 'uvValue', 'aov']);
const rates: ReadonlySet<MetricKey> = new Set(['impressionViewRate', 'interactionRate', 'exposureClickRate', 'clickBuyRate', 'viewerConversion']);

function formatValue(key: MetricKey, value: number | null): string {
  if (money.has(key)) return formatYuan(value);
  if (rates.has(key)) return formatRate(value);
  if (value === null) return '—';
  return key === 'avgWatchSeconds' ? `${value.toFixed(0)} s` : formatCount(value);
}

/** Time into the session (h:mm:ss), as the team remembers it. */
function intoSession(at: number, startedAt: number): string {
  const seconds = Math.max(0, Math.round((at - startedAt) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

const outcomeMarks = { used: '✓ 已用 used     ', dismissed: '✗ 忽略 dismissed' } as const;

function formatRecap(r: Recap): string {
  const at = (time: number) => intoSession(time, r.session.startedAt);
  const used = r.suggestions.filter((s) => s.outcome === 'used').length;
  const lines = [
    `${r.session.room.title} · ${r.session.id} · ${new Date(r.session.startedAt).toLocaleString('zh-CN', { hour12: false })}`,
    `${formatCount(r.session.events)} events, ${r.rejects} rejected, ${r.gaps.length} gaps, ${r.minutes.length} minutes`,
    '',
    ...metricKeys.map((key) => `  ${metricLabels[key].zh.padEnd(10, '　')} ${metricLabels[key].en.padEnd(26)} ${formatValue(key, r.totals[key])}`),
    '',
    `时刻 Moments: ${r.moments.length}`,
    ...r.moments.map((m) => `  ${at(m.at)}  ${m.note ?? '—'}`),
    '',
    `话术 Talking points: ${used} used, ${r.suggestions.length - used} dismissed`,
    ...r.suggestions.map((s) => `  ${at(s.at)}  ${outcomeMarks[s.outcome]}  ${s.line}  (${s.reason})`),
    '',
    ...formatPlan(r),
  ];
  return `${lines.join('\n')}\n`;
}

/** Planned against actual, one line a segment: when it was meant to start and for how long, when it really ran. */
function formatPlan(r: Recap): string[] {
  if (!r.plan) return ['计划 Plan: none', ''];
  const clock = (seconds: number) => intoSession(r.session.startedAt + seconds * 1000, r.session.startedAt);
  return [
    `计划 Plan: ${r.plan.title}`,
    ...r.plan.segments.map((s) => {
      const actual = s.actualStartedAt === null ? 'did not run' : `${intoSession(s.actualStartedAt, r.session.startedAt)}–${s.actualEndedAt === null ? '…' : intoSession(s.actualEndedAt, r.session.startedAt)}${s.advancedBy === 'manual' ? ' (advanced by hand)' : ''}`;
      return `  ${(s.title || segmentKindLabels[s.kind].zh).padEnd(10, '　')} planned ${clock(s.plannedStartSec)} for ${Math.round(s.plannedDurationSec / 60)} min, ran ${actual}`;
    }),
    ...r.plan.overrides.map((o) => `  started with critical items open, confirmed by ${o.by} at ${at(o.at, r)}: ${o.openItems.join('、')}`),
    '',
  ];
}

const at = (time: number, r: Recap) => intoSession(time, r.session.startedAt);
