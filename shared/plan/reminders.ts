/**
 * Reminders before a planned stream: the day before, two hours before and a
 * quarter of an hour before the scheduled start, each once. The desktop host
 * shows them as system notifications, the web host as an in-app banner.
 */
import type { Language } from '../api/settings.js';
import type { Readiness } from './readiness.js';

export const reminderLeads = [
  { key: 'T-24h', ms: 24 * 3_600_000 },
  { key: 'T-2h', ms: 2 * 3_600_000 },
  { key: 'T-15min', ms: 15 * 60_000 },
] as const;
export type ReminderKey = (typeof reminderLeads)[number]['key'];

/** The latest reminder whose time has come, while the stream has not started; null before the first and after the start. */
export function dueReminder(scheduledStart: number | null, now: number): ReminderKey | null {
  if (scheduledStart === null || now >= scheduledStart) return null;
  let due: ReminderKey | null = null;
  for (const lead of reminderLeads) if (now >= scheduledStart - lead.ms) due = lead.key;
  return due;
}

export function reminderText(title: string, scheduledStart: number, now: number, readiness: Readiness, language: Language): string {
  const minutes = Math.max(1, Math.round((scheduledStart - now) / 60_000));
  const left = minutes >= 120 ? (language === 'zh-CN' ? `${Math.round(minutes / 60)} 小时` : `${Math.round(minutes / 60)} h`) : language === 'zh-CN' ? `${minutes} 分钟` : `${minutes} min`;
  const open = readiness.blockers.length;
  if (language === 'zh-CN') return `距「${title}」开播还有 ${left}：${open > 0 ? `${open} 项关键准备未完成` : '关键准备都已完成'}（准备度 ${readiness.score}）`;
  return `"${title}" starts in ${left}: ${open > 0 ? `${open} critical item${open === 1 ? '' : 's'} still open` : 'every critical item is done'} (readiness ${readiness.score})`;
}
