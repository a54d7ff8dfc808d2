/** `livecue recap`: the recap of a stored session, as text, JSON, CSV, XLSX or PDF. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { recapFormats, recapTables } from '../../../shared/recap/recap-api.js';
import { languages } from '../../../shared/api/settings.js';
import { describeAdvice } from '../../../shared/recap/advice.js';
import { exportRecap, recapFileName, writeFileAtomically } from '../../core/recap/export.js';
import { PdfUnavailableError } from '../../core/recap/pdf.js';
import { tableCsv } from '../../core/recap/files.js';
import { recapTablesOf } from '../../core/recap/tables.js';
import { ProgressLine } from '../progress.js';
import { metricKeys, metricLabels, type MetricKey } from '../../../shared/metrics/index.js';
import { segmentKindLabels } from '../../../shared/plan/labels.js';
import { buildRecap, SessionNotFoundError, type Recap } from '../../core/recap/recap.js';
import { openReader } from '../../core/store/reader.js';
import { parseFlags, required } from '../args.js';
import { UserError } from '../errors.js';
import { fmt } from '../format.js';

export const recapHelp = `livecue recap --db FILE [--session ID] [--format text|json|csv|xlsx|pdf] [--table NAME] [--out PATH] [--lang zh-CN|en]
  The recap (复盘) of a stored session (the latest one without --session).
  text (default): every metric, suggestions for next time, peaks, questions, moments, talking points, the plan.
  json (or --json): the whole recap { session, totals, counters, baseline, minutes, cards, products, funnel,
    traffic, peaks, questions, talkingPoints, layers, advice, rejects, gaps, moments, suggestions, plan }.
  csv: one table (--table summary|minutes|products|peaks|questions|talkingPoints|layers, summary by default)
    to stdout or --out FILE; without --table, --out DIR writes every table as DIR/<table>.csv. UTF-8 with a BOM.
  xlsx: one workbook, a sheet per table; pdf: the report with its charts (needs Chromium or Chrome).
    Written to --out, or to recap-<room>-<date>.<ext> here; never half-written.`;

export async function recap(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const flags = parseFlags(
    argv,
    {
      db: { type: 'string' },
      session: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      table: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
    },
    z.object({
      db: required('--db'),
      session: z.string().min(1).optional(),
      json: z.boolean().optional(),
      format: z.enum(['text', ...recapFormats, 'json']).optional(),
      table: z.enum(recapTables).optional(),
      out: z.string().min(1).optional(),
      lang: z.enum(languages).default('zh-CN'),
    }),
  );
  const format = flags.json ? 'json' : (flags.format ?? 'text');
  const reader = openReader(flags.db);
  let result: Recap;
  try {
    result = buildRecap(reader, flags.session);
  } catch (error) {
    if (error instanceof SessionNotFoundError) throw new UserError(`${flags.db}: ${error.message}`);
    throw error;
  } finally {
    reader.close();
  }
  if (format === 'text' || format === 'json') {
    const text = format === 'json' ? `${JSON.stringify(result)}\n` : formatRecap(result);
    if (flags.out) writeFileAtomically(flags.out, text);
    else out.write(text);
    return;
  }
  if (format === 'csv' && !flags.table && flags.out) {
    mkdirSync(flags.out, { recursive: true });
    for (const table of recapTablesOf(result, flags.lang)) writeFileAtomically(join(flags.out, `${table.name}.csv`), tableCsv(table));
    out.write(`wrote ${recapTables.length} tables to ${flags.out}\n`);
    return;
  }
  const progress = new ProgressLine();
  const slow = setTimeout(() => progress.update(`exporting the recap as ${format.toUpperCase()}…`), 1000);
  try {
    const file = await exportRecap(result, { format, table: flags.table, lang: flags.lang });
    if (format === 'csv' && !flags.out) {
      out.write(file.bytes);
      return;
    }
    const path = flags.out ?? recapFileName(result, format, flags.table);
    writeFileAtomically(path, file.bytes);
    out.write(`wrote ${path} (${fmt.count(file.bytes.length)} bytes)\n`);
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new UserError(error.message);
    throw error;
  } finally {
    clearTimeout(slow);
    progress.done();
  }
}

const money: ReadonlySet<MetricKey> = new Set(['gmv', 'refunds', 'netGmv', 'gpm', 'uvValue', 'aov']);
const rates: ReadonlySet<MetricKey> = new Set(['impressionViewRate', 'interactionRate', 'exposureClickRate', 'clickBuyRate', 'viewerConversion']);

function formatValue(key: MetricKey, value: number | null): string {
  if (money.has(key)) return fmt.money(value);
  if (rates.has(key)) return fmt.rate(value);
  return key === 'avgWatchSeconds' ? fmt.duration(value) : fmt.count(value);
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
    `${fmt.count(r.session.events)} events, ${r.rejects} rejected, ${r.gaps.length} gaps, ${r.minutes.length} minutes`,
    '',
    ...metricKeys.map((key) => `  ${metricLabels[key].zh.padEnd(10, '　')} ${metricLabels[key].en.padEnd(26)} ${formatValue(key, r.totals[key])}`),
    '',
    `时刻 Moments: ${r.moments.length}`,
    ...r.moments.map((m) => `  ${at(m.at)}  ${m.note ?? '—'}`),
    '',
    `话术 Talking points: ${used} used, ${r.suggestions.length - used} dismissed`,
    ...r.suggestions.map((s) => `  ${at(s.at)}  ${outcomeMarks[s.outcome]}  ${s.line}  (${s.reason})`),
    '',
    `建议 For next time: ${r.advice.length}`,
    ...r.advice.map((a) => `  ${describeAdvice(a, 'zh-CN')}`),
    '',
    `峰谷 Peaks and drops: ${r.peaks.length}`,
    ...r.peaks.slice(0, 6).map((p) => `  ${at(p.minute * 60_000)}  ${metricLabels[p.metric].zh} ${p.from} → ${p.to} (${p.change > 0 ? '+' : ''}${p.change}), ${p.happened.length} things before`),
    '',
    `提问 Questions: ${r.questions ? `${r.questions.total}, ${r.questions.answered} answered` : 'not tallied for this session'}`,
    ...(r.questions?.top.slice(0, 5) ?? []).map((q) => `  ×${q.asked}  ${q.text}`),
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
