/**
 * The recap as one self-contained HTML page for print: headline, the tables
 * (the same ones the XLSX and CSV carry), the suggestions, and per-minute
 * charts drawn by uPlot (the project's chart library, inlined so the page
 * needs nothing else). A headless Chromium or Electron's printToPDF turns it
 * into the PDF. Every text is HTML-escaped: questions and lines come from
 * viewers and the live team.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Recap } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/api/settings.js';
import { describeAdvice } from '../../../shared/recap/advice.js';
import { numberFormats, type WanDecimals } from '../../../shared/format/numbers.js';
import { cellDisplay, clockTime, recapTablesOf } from './tables.js';

const require = createRequire(import.meta.url);
let uplot: { script: string; style: string } | null = null;
const uplotAssets = () =>
  (uplot ??= {
    script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    style: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a <script> element: nothing in it may close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const COPY = {
  'zh-CN': { title: '直播复盘', advice: '下次可以这样做', charts: '分钟走势', online: '在线人数', orders: '成交订单', gmv: '成交金额(元)', comments: '评论', clicks: '商品点击', none: '无', session: '场次', duration: '时长', minutes: '分钟' },
  en: { title: 'Live session recap', advice: 'For next time', charts: 'Per minute', online: 'Online viewers', orders: 'Paid orders', gmv: 'GMV (yuan)', comments: 'Comments', clicks: 'Product clicks', none: 'none', session: 'Session', duration: 'Length', minutes: 'min' },
} as const;

/** `wanDecimals`: the decimals of compact figures, the user's display setting. */
export function recapReportHtml(recap: Recap, lang: Language, wanDecimals: WanDecimals = 1): string {
  const copy = COPY[lang];
  const numbers = numberFormats(lang, { wanDecimals });
  const { script, style } = uplotAssets();
  const tables = recapTablesOf(recap, lang)
    .map(
      (table) => `<section><h2>${escapeHtml(table.title)}</h2>${
        table.rows.length === 0
          ? `<p class="empty">${copy.none}</p>`
          : `<table><thead><tr>${table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${table.rows
              .map((row) => `<tr>${row.map((cell) => `<td class="${cell.kind}">${escapeHtml(cellDisplay(cell, numbers))}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`
      }</section>`,
    )
    .join('');
  const advice = recap.advice.length ? `<ul>${recap.advice.map((a) => `<li>${escapeHtml(describeAdvice(a, lang))}</li>`).join('')}</ul>` : `<p class="empty">${copy.none}</p>`;
  const end = recap.session.endedAt ?? recap.minutes.at(-1)?.minute ?? recap.session.startedAt;
  const lengthMin = Math.round(((recap.session.endedAt ?? end) - recap.session.startedAt) / 60_000);
  const chartData = {
    x: recap.minutes.map((m) => m.minute * 60),
    series: [
      { label: copy.online, values: recap.minutes.map((m) => m.onlineViewers) },
      { label: copy.orders, values: recap.minutes.map((m) => m.paidOrders) },
      { label: copy.gmv, values: recap.minutes.map((m) => (m.gmv === null ? null : m.gmv / 100)) },
      { label: copy.comments, values: recap.minutes.map((m) => m.comments) },
      { label: copy.clicks, values: recap.minutes.map((m) => m.clicks) },
    ],
    bands: (recap.plan?.segments ?? []).flatMap((s) => (s.actualStartedAt === null ? [] : [{ from: s.actualStartedAt / 1000, to: (s.actualEndedAt ?? end) / 1000, title: s.title }])),
  };
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(`${copy.title} · ${recap.session.room.title}`)}</title>
<style>${style}
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d1d1f; margin: 24px; font-size: 11px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 18px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 2px; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #e3e3e3; padding: 2px 4px; text-align: left; } th { background: #f5f5f7; }
td.int, td.number, td.yuan, td.rate { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #666; } .empty { color: #888; } .chart { margin: 6px 0 12px; break-inside: avoid; }
.u-legend { font-size: 10px; }
</style></head><body>
<h1>${escapeHtml(copy.title)} · ${escapeHtml(recap.session.room.title)}</h1>
<p class="meta">${copy.session} ${escapeHtml(recap.session.id)} · ${new Date(recap.session.startedAt).toLocaleDateString(lang)} ${clockTime(recap.session.startedAt)} · ${copy.duration} ${lengthMin} ${copy.minutes}${recap.plan ? ` · ${escapeHtml(recap.plan.title)}` : ''}</p>
<section><h2>${copy.advice}</h2>${advice}</section>
<section><h2>${copy.charts}</h2><div id="charts"></div></section>
${tables}
<script type="application/json" id="chart-data">${scriptJson(chartData)}</script>
<script>${script}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var host = document.getElementById('charts');
  var bands = function (u) {
    var ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = 'rgba(255, 45, 85, 0.08)';
    data.bands.forEach(function (b) {
      var left = u.valToPos(b.from, 'x', true), right = u.valToPos(b.to, 'x', true);
      ctx.fillRect(left, u.bbox.top, Math.max(1, right - left), u.bbox.height);
    });
    ctx.restore();
  };
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var clock = function (u, values) { return values.map(function (v) { var d = new Date(v * 1000); return pad(d.getHours()) + ':' + pad(d.getMinutes()); }); };
  data.series.forEach(function (s, i) {
    var div = document.createElement('div');
    div.className = 'chart';
    host.appendChild(div);
    new uPlot({ width: 680, height: 120, title: s.label, legend: { show: false }, cursor: { show: false },
      axes: [{ values: clock, size: 28, incrs: [60, 120, 300, 600, 900, 1800, 3600] }, { size: 44 }],
      series: [{}, { label: s.label, stroke: ['#ff2d55', '#0a84ff', '#ff9f0a', '#30b158', '#8e8e93'][i], width: 1.5, points: { show: false } }],
      hooks: { drawClear: [bands] } }, [data.x, s.values], div);
  });
})();
</script>
</body></html>`;
}
