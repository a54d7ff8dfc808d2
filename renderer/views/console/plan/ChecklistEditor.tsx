import { useRef, useState } from 'react';
import type { Catalog } from '../../../../shared/catalog/catalog.js';
import { readNotesCsv } from '../../../../shared/plan/preheat-notes.js';
import { autoCheckLabels } from '../../../../shared/plan/labels.js';
import { autoChecks, type ChecklistItem } from '../../../../shared/plan/plan.js';
import type { Readiness as ReadinessResult } from '../../../../shared/plan/readiness.js';
import { useI18n } from '../../app-context.js';
import { newId, type Draft } from './plan-draft.js';
import { describeFinding, itemTitle, ReadinessScore } from '../../common/Readiness.js';

/** The template's pre-heat notes item (预热笔记), whose figures can come from a CSV export of the notes. */
const NOTES_ITEM = 'notes';

/** Reads a CSV of the published notes and fills the item's figure (count, likes, collects), ticking it. */
function NotesImport({ onRead }: { onRead(value: string): void }) {
  const { t, fmt } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="plan__notes-import">
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="plan-notes-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file.text().then((text) => {
            const read = readNotesCsv(text);
            if (!read.ok) return setError(t(`plan.notes.${read.problem}`, { row: read.row, detail: read.detail }));
            setError(null);
            const { count, likes, collects } = read.summary;
            onRead(t('plan.notes.value', { count, likes: fmt.count(likes), collects: fmt.count(collects) }));
          });
        }}
      />
      <button type="button" className="button button--small" onClick={() => input.current?.click()}>
        {t('plan.notes.import')}
      </button>
      {error ? (
        <span className="plan__problem--error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The warm-up checklist (播前蓄水) and the readiness score. Ticking an item is
 * stored at once (it is the team's progress, not an edit of the plan); items
 * LiveCue checks itself show what it found instead of a tick box.
 */
export function ChecklistEditor({
  draft,
  catalog,
  readiness,
  onChange,
  onTick,
}: {
  draft: Draft;
  catalog: Catalog;
  readiness: ReadinessResult;
  onChange(draft: Draft): void;
  onTick(item: ChecklistItem, done: boolean, value: string): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const update = (index: number, change: Partial<ChecklistItem>) => onChange({ ...draft, checklist: draft.checklist.map((c, i) => (i === index ? { ...c, ...change } : c)) });
  const earnedTotal = readiness.items.reduce((sum, i) => sum + i.weight, 0);
  const missingChecks = autoChecks.filter((check) => !draft.checklist.some((c) => c.auto === check));
  return (
    <section className="panel plan__section" data-testid="plan-checklist">
      <div className="plan__section-head">
        <h3 className="panel__title">{t('plan.checklist')}</h3>
        <ReadinessScore readiness={readiness} />
      </div>
      {draft.checklist.length === 0 ? <p className="empty">{t('plan.checklist.empty')}</p> : null}
      <ul className="plan__checklist">
        {readiness.items.map((entry, index) => {
          const { item } = entry;
          return (
            <li key={item.id} className={`plan__check plan__check--${entry.state}`} data-testid="plan-check" data-item-id={item.id} data-state={entry.state}>
              <div className="plan__check-head">
                {item.auto ? (
                  <span className="plan__check-auto" aria-label={t(`plan.state.${entry.state}`)}>
                    {entry.state === 'done' ? '✓' : entry.state === 'failed' ? '✗' : '…'}
                  </span>
                ) : (
                  <input
                    type="checkbox"
                    aria-label={t('plan.checklist.tick', { title: item.title })}
                    data-testid="plan-check-tick"
                    checked={item.done}
                    onChange={(e) => onTick(item, e.target.checked, item.value)}
                  />
                )}
                {item.auto ? (
                  <span className="plan__check-title">{itemTitle(entry, language)}</span>
                ) : (
                  <input className="input plan__check-title" aria-label={t('plan.checklist.title')} value={item.title} maxLength={120} onChange={(e) => update(index, { title: e.target.value })} />
                )}
                <label className="plan__check-critical">
                  <input type="checkbox" checked={item.critical} onChange={(e) => update(index, { critical: e.target.checked })} />
                  {t('plan.checklist.critical')}
                </label>
                <input className="input plan__check-owner" aria-label={t('plan.checklist.owner')} placeholder={t('plan.checklist.owner')} value={item.owner} maxLength={40} onChange={(e) => update(index, { owner: e.target.value })} />
                <label className="plan__minutes">
                  <span>{t('plan.checklist.due')}</span>
                  <select className="input" value={item.dueBeforeMin} onChange={(e) => update(index, { dueBeforeMin: Number(e.target.value) })}>
                    {[...new Set([0, 15, 60, 120, 1440, item.dueBeforeMin])].sort((a, b) => a - b).map((m) => (
                      <option key={m} value={m}>
                        {t('plan.checklist.dueBefore', { time: m >= 60 ? t('plan.hours', { n: m / 60 }) : t('plan.minutes', { n: m }) })}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="plan__check-weight num" title={t('plan.checklist.weightHelp')}>
                  {t('plan.checklist.points', { earned: entry.earned, weight: entry.weight, total: earnedTotal })}
                </span>
                <button type="button" className="button button--small button--ghost" onClick={() => onChange({ ...draft, checklist: draft.checklist.filter((_, i) => i !== index) })}>
                  {t('plan.remove')}
                </button>
              </div>
              {item.id === NOTES_ITEM ? <NotesImport onRead={(value) => onTick(item, true, value)} /> : null}
              {item.auto ? (
                <p className="plan__check-finding">{entry.finding ? describeFinding(entry.finding, catalog, i18n) : t(`plan.state.${entry.state}`)}</p>
              ) : (
                <input
                  className="input plan__check-value"
                  aria-label={t('plan.checklist.value')}
                  placeholder={t('plan.checklist.value')}
                  value={item.value}
                  maxLength={200}
                  onChange={(e) => update(index, { value: e.target.value })}
                  onBlur={(e) => {
                    if (item.done) onTick(item, true, e.target.value);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <div className="plan__add-row">
        <button
          type="button"
          className="button"
          data-testid="plan-add-check"
          onClick={() => onChange({ ...draft, checklist: [...draft.checklist, { id: newId('c'), title: t('plan.checklist.new'), critical: false, owner: '', dueBeforeMin: 120, auto: null, value: '', done: false, doneAt: null }] })}
        >
          {t('plan.checklist.add')}
        </button>
        {missingChecks.map((check) => (
          <button
            key={check}
            type="button"
            className="button button--ghost"
            onClick={() => onChange({ ...draft, checklist: [...draft.checklist, { id: newId('c'), title: check, critical: true, owner: '', dueBeforeMin: 15, auto: check, value: '', done: false, doneAt: null }] })}
          >
            {t('plan.checklist.addAuto', { title: autoCheckLabels[check][language === 'zh-CN' ? 'zh' : 'en'] })}
          </button>
        ))}
      </div>
    </section>
  );
}
