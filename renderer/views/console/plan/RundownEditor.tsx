import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import type { Catalog } from '../../../../shared/catalog/catalog.js';
import type { PlanCheck } from '../../../../shared/plan/check.js';
import { segmentKindLabels } from '../../../../shared/plan/labels.js';
import { segmentKinds, type Segment } from '../../../../shared/plan/plan.js';
import { useI18n } from '../../app-context.js';
import { addSegment, minutesOf, moveSegment, secondsOf, type Draft } from './plan-draft.js';
import { ProblemNote } from './ProblemNote.js';

/**
 * The rundown (流程): segments in the order they run. Reordered by dragging a
 * row's handle, or entirely by keyboard — Space on the handle picks a row up,
 * the arrows move it, Space drops it (dnd-kit's keyboard sensor); Alt+↑/↓ on
 * any field of a row moves it at once. A move lays the rundown out again.
 */
export function RundownEditor({ draft, catalog, check, onChange }: { draft: Draft; catalog: Catalog; check: PlanCheck; onChange(draft: Draft): void }) {
  const { t, language } = useI18n();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = draft.segments.map((s) => s.id);
    onChange(moveSegment(draft, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  const update = (index: number, change: Partial<Segment>) =>
    onChange({ ...draft, segments: draft.segments.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const remove = (index: number) => onChange({ ...draft, segments: draft.segments.filter((_, i) => i !== index) });
  const { totals } = check;
  return (
    <section className="panel plan__section" data-testid="plan-rundown">
      <div className="plan__section-head">
        <h3 className="panel__title">{t('plan.rundown')}</h3>
        <span className={`plan__totals num ${totals.plannedSec > totals.planSec ? 'plan__totals--over' : ''}`} data-testid="plan-totals">
          {t('plan.rundown.totals', { planned: minutesOf(totals.plannedSec), plan: minutesOf(totals.planSec), unplanned: minutesOf(totals.unplannedSec) })}
        </span>
      </div>
      {draft.segments.length === 0 ? <p className="empty">{t('plan.rundown.empty')}</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: t('plan.rundown.dragHelp') } }}>
        <SortableContext items={draft.segments.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          <ol className="plan__segments">
            {draft.segments.map((segment, index) => (
              <SegmentRow
                key={segment.id}
                segment={segment}
                index={index}
                count={draft.segments.length}
                catalog={catalog}
                lineup={draft.lineup.map((l) => l.productId)}
                problems={[...check.errors, ...check.warnings].filter((p) => p.path === `segments[${index}]` || p.path.startsWith(`segments[${index}].`))}
                onChange={(change) => update(index, change)}
                onMove={(to) => onChange(moveSegment(draft, index, to))}
                onRemove={() => remove(index)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="plan__add-row">
        <label className="field__label" htmlFor="plan-add-segment">
          {t('plan.rundown.add')}
        </label>
        <select
          id="plan-add-segment"
          className="input"
          data-testid="plan-add-segment"
          value=""
          onChange={(e) => {
            if (e.target.value) onChange(addSegment(draft, e.target.value as Segment['kind']));
          }}
        >
          <option value="">{t('plan.rundown.addPick')}</option>
          {segmentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {segmentKindLabels[kind][language === 'zh-CN' ? 'zh' : 'en']}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

interface RowProps {
  segment: Segment;
  index: number;
  count: number;
  catalog: Catalog;
  lineup: string[];
  problems: Parameters<typeof ProblemNote>[0]['problems'];
  onChange(change: Partial<Segment>): void;
  onMove(to: number): void;
  onRemove(): void;
}

function SegmentRow({ segment, index, count, catalog, lineup, problems, onChange, onMove, onRemove }: RowProps) {
  const { t, language } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: segment.id });
  const label = segmentKindLabels[segment.kind][language === 'zh-CN' ? 'zh' : 'en'];
  const name = segment.title || label;
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(index + (event.key === 'ArrowUp' ? -1 : 1));
  };
  const products = catalog.products.filter((p) => lineup.includes(p.id) || segment.productIds.includes(p.id));
  const points = catalog.buyingPoints.filter((b) => b.status === 'accepted' && segment.productIds.includes(b.productId));
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  // A product taken out of the segment takes its buying points with it.
  const toggleProduct = (productId: string) =>
    onChange({
      productIds: toggle(segment.productIds, productId),
      buyingPointIds: segment.productIds.includes(productId)
        ? segment.buyingPointIds.filter((id) => catalog.buyingPoints.find((b) => b.id === id)?.productId !== productId)
        : segment.buyingPointIds,
    });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`plan__segment ${isDragging ? 'plan__segment--dragging' : ''} ${problems.some((p) => p.code !== 'overlap' && p.code !== 'gap') ? 'plan__segment--invalid' : ''}`}
      data-testid="plan-segment"
      data-segment-id={segment.id}
      onKeyDown={onKeyDown}
    >
      <div className="plan__segment-head">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="plan__handle"
          aria-label={t('plan.rundown.handle', { name, position: index + 1, count })}
          data-testid="plan-segment-handle"
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
        <span className="plan__segment-index num">{index + 1}</span>
        <select className="input plan__kind" aria-label={t('plan.rundown.kind')} value={segment.kind} onChange={(e) => onChange({ kind: e.target.value as Segment['kind'] })}>
          {segmentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {segmentKindLabels[kind][language === 'zh-CN' ? 'zh' : 'en']}
            </option>
          ))}
        </select>
        <input className="input plan__segment-title" aria-label={t('plan.rundown.title')} placeholder={label} value={segment.title} maxLength={80} onChange={(e) => onChange({ title: e.target.value })} />
        <label className="plan__minutes">
          <span>{t('plan.rundown.start')}</span>
          <input
            className="input num"
            type="number"
            min={0}
            step={1}
            value={minutesOf(segment.plannedStartSec)}
            data-testid="plan-segment-start"
            onChange={(e) => onChange({ plannedStartSec: secondsOf(Number(e.target.value)) })}
          />
        </label>
        <label className="plan__minutes">
          <span>{t('plan.rundown.duration')}</span>
          <input
            className="input num"
            type="number"
            step={1}
            value={minutesOf(segment.plannedDurationSec)}
            data-testid="plan-segment-duration"
            onChange={(e) => onChange({ plannedDurationSec: secondsOf(Number(e.target.value)) })}
          />
        </label>
        <button type="button" className="button button--small" aria-label={t('plan.rundown.up', { name })} disabled={index === 0} onClick={() => onMove(index - 1)}>
          ↑
        </button>
        <button type="button" className="button button--small" aria-label={t('plan.rundown.down', { name })} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          ↓
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onRemove}>
          {t('plan.remove')}
        </button>
      </div>
      {products.length > 0 ? (
        <fieldset className="plan__chips">
          <legend>{t('plan.rundown.products')}</legend>
          {products.map((p) => (
            <label key={p.id} className="plan__chip">
              <input type="checkbox" checked={segment.productIds.includes(p.id)} onChange={() => toggleProduct(p.id)} />
              {p.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      {points.length > 0 ? (
        <fieldset className="plan__chips">
          <legend>{t('plan.rundown.points')}</legend>
          {points.map((b) => (
            <label key={b.id} className="plan__chip plan__chip--point">
              <input type="checkbox" checked={segment.buyingPointIds.includes(b.id)} onChange={() => onChange({ buyingPointIds: toggle(segment.buyingPointIds, b.id) })} />
              {b.line}
            </label>
          ))}
        </fieldset>
      ) : null}
      <textarea className="input plan__note" rows={2} aria-label={t('plan.rundown.note')} placeholder={t('plan.rundown.note')} value={segment.note} maxLength={1000} onChange={(e) => onChange({ note: e.target.value })} />
      <ProblemNote problems={problems} />
    </li>
  );
}
