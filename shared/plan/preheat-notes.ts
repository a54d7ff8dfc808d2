/**
 * The pre-heat notes (预热笔记) a team published before the stream, read from
 * a CSV export (a header row naming 链接 / 点赞 / 收藏, or link / likes /
 * collects, then one note a row): how many, and their likes and collects,
 * for the checklist's notes item.
 */
import { parseCsv } from '../format/csv.js';

export interface NotesSummary {
  count: number;
  likes: number;
  collects: number;
  links: string[];
}

export type NotesRead = { ok: true; summary: NotesSummary } | { ok: false; row: number; problem: 'badCsv' | 'noLinkColumn' | 'badNumber' | 'noNotes'; detail: string };

const columns = {
  link: ['链接', '笔记链接', 'link', 'url'],
  likes: ['点赞', '点赞数', 'likes'],
  collects: ['收藏', '收藏数', 'collects', 'saves'],
} as const;

const find = (header: readonly string[], names: readonly string[]) => header.findIndex((cell) => names.includes(cell.trim().toLowerCase()));

/** Counts like 1.2万 or 3,400 as people type them. */
function countOf(cell: string): number | null {
  const text = cell.trim().replace(/,/g, '');
  if (text === '') return 0;
  const match = /^(\d+(?:\.\d+)?)(万|w|k)?$/i.exec(text);
  if (!match) return null;
  const scale = match[2] === undefined ? 1 : match[2].toLowerCase() === 'k' ? 1_000 : 10_000;
  return Math.round(Number(match[1]) * scale);
}

export function readNotesCsv(text: string): NotesRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, row: parsed.row, problem: 'badCsv', detail: parsed.message };
  const [header = [], ...rows] = parsed.records;
  const link = find(header, columns.link);
  if (link < 0) return { ok: false, row: 1, problem: 'noLinkColumn', detail: columns.link.join(' / ') };
  const likes = find(header, columns.likes);
  const collects = find(header, columns.collects);
  const summary: NotesSummary = { count: 0, likes: 0, collects: 0, links: [] };
  for (const [i, row] of rows.entries()) {
    const url = row[link]?.trim() ?? '';
    if (url === '') continue;
    const liked = likes < 0 ? 0 : countOf(row[likes] ?? '');
    const kept = collects < 0 ? 0 : countOf(row[collects] ?? '');
    if (liked === null || kept === null) return { ok: false, row: i + 2, problem: 'badNumber', detail: liked === null ? (row[likes] ?? '') : (row[collects] ?? '') };
    summary.count++;
    summary.likes += liked;
    summary.collects += kept;
    summary.links.push(url);
  }
  return summary.count === 0 ? { ok: false, row: 2, problem: 'noNotes', detail: '' } : { ok: true, summary };
}
