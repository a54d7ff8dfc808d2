import type { Catalog } from '../../../../shared/catalog/catalog.js';
import type { PlanCheck } from '../../../../shared/plan/check.js';
import { goalLabels, productRoleLabels } from '../../../../shared/plan/labels.js';
import { planGoalKeys, productRoles, rateGoalKeys, type LineupItem, type PlanGoalKey } from '../../../../shared/plan/plan.js';
import { useI18n } from '../../app-context.js';
import { epochOfLocalInput, fenOf, localInputOf, yuanOf, type Draft } from './plan-draft.js';
import { ProblemNote } from './ProblemNote.js';

/** The plan's head (title, room, start, length), its goals in the units a team thinks in, and the product line-up. */
export function PlanHeadEditor({ draft, onChange }: { draft: Draft; onChange(draft: Draft): void }) {
  const { t, language } = useI18n();
  const lang = language === 'zh-CN' ? 'zh' : 'en';
  const goal = (key: PlanGoalKey) => {
    const value = draft.goals[key];
    if (value === undefined) return '';
    if (key === 'gmv') return String(value / 100);
    return String(rateGoalKeys.has(key) ? Math.round(value * 1000) / 10 : value);
  };
  const setGoal = (key: PlanGoalKey, text: string) => {
    const goals = { ...draft.goals };
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0) delete goals[key];
    else goals[key] = key === 'gmv' ? Math.round(n * 100) : rateGoalKeys.has(key) ? n / 100 : Math.round(n);
    onChange({ ...draft, goals });
  };
  return (
    <section className="panel plan__section" data-testid="plan-head">
      <div className="plan__grid">
        <label className="field">
          <span className="field__label">{t('plan.title')}</span>
          <input className="input" data-testid="plan-title" value={draft.title} maxLength={120} onChange={(e) => onChange({ ...draft, title: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t('plan.room')}</span>
          <input className="input" value={draft.room} maxLength={128} placeholder={t('plan.room.any')} onChange={(e) => onChange({ ...draft, room: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t('plan.scheduledStart')}</span>
          <input
            className="input num"
            type="datetime-local"
            data-testid="plan-start"
            value={localInputOf(draft.scheduledStart)}
            onChange={(e) => onChange({ ...draft, scheduledStart: epochOfLocalInput(e.target.value) })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('plan.duration')}</span>
          <input className="input num" type="number" min={1} data-testid="plan-duration" value={draft.durationMin} onChange={(e) => onChange({ ...draft, durationMin: Math.round(Number(e.target.value)) })} />
        </label>
        <label className="field field--inline">
          <input type="checkbox" checked={draft.autoAdvance} onChange={(e) => onChange({ ...draft, autoAdvance: e.target.checked })} />
          <span>{t('plan.autoAdvance')}</span>
        </label>
      </div>
      <h3 className="panel__title">{t('plan.goals')}</h3>
      <div className="plan__grid plan__grid--goals">
        {planGoalKeys.map((key) => (
          <label key={key} className="field">
            <span className="field__label">
              {goalLabels[key][lang]} <span className="field__unit">{t(key === 'gmv' ? 'plan.unit.yuan' : rateGoalKeys.has(key) ? 'plan.unit.percent' : 'plan.unit.people')}</span>
            </span>
            <input className="input num" type="number" min={0} step="any" data-testid={`plan-goal-${key}`} value={goal(key)} onChange={(e) => setGoal(key, e.target.value)} />
          </label>
        ))}
      </div>
    </section>
  );
}

export function LineupEditor({ draft, catalog, check, onChange }: { draft: Draft; catalog: Catalog; check: PlanCheck; onChange(draft: Draft): void }) {
  const { t, language } = useI18n();
  const lang = language === 'zh-CN' ? 'zh' : 'en';
  const update = (index: number, change: Partial<LineupItem>) => onChange({ ...draft, lineup: draft.lineup.map((l, i) => (i === index ? { ...l, ...change } : l)) });
  const available = catalog.products.filter((p) => !draft.lineup.some((l) => l.productId === p.id));
  return (
    <section className="panel plan__section" data-testid="plan-lineup">
      <h3 className="panel__title">{t('plan.lineup')}</h3>
      {draft.lineup.length === 0 ? <p className="empty">{catalog.products.length === 0 ? t('plan.lineup.noCatalog') : t('plan.lineup.empty')}</p> : null}
      <ol className="plan__lineup">
        {draft.lineup.map((item, index) => {
          const product = catalog.products.find((p) => p.id === item.productId);
          const points = catalog.buyingPoints.filter((b) => b.productId === item.productId && b.status === 'accepted');
          return (
            <li key={item.productId} className="plan__lineup-item" data-testid="plan-lineup-item" data-product-id={item.productId}>
              <div className="plan__lineup-head">
                <span className="plan__lineup-title">{product?.title ?? item.productId}</span>
                <select className="input" aria-label={t('plan.lineup.role')} value={item.role} onChange={(e) => update(index, { role: e.target.value as LineupItem['role'] })}>
                  {productRoles.map((role) => (
                    <option key={role} value={role}>
                      {productRoleLabels[role][lang]}
                    </option>
                  ))}
                </select>
                <label className="plan__minutes">
                  <span>{t('plan.lineup.price')}</span>
                  <input className="input num" type="number" min={0} step="0.01" defaultValue={yuanOf(item.plannedPrice)} onChange={(e) => update(index, { plannedPrice: fenOf(e.target.value) })} />
                </label>
                <label className="plan__minutes">
                  <span>{t('plan.lineup.stock')}</span>
                  <input className="input num" type="number" min={0} step={1} value={item.stock ?? ''} onChange={(e) => update(index, { stock: e.target.value === '' ? null : Math.max(0, Math.round(Number(e.target.value))) })} />
                </label>
                <input className="input" aria-label={t('plan.lineup.coupon')} placeholder={t('plan.lineup.coupon')} maxLength={40} value={item.coupon} onChange={(e) => update(index, { coupon: e.target.value })} />
                <button type="button" className="button button--small button--ghost" onClick={() => onChange({ ...draft, lineup: draft.lineup.filter((_, i) => i !== index) })}>
                  {t('plan.remove')}
                </button>
              </div>
              {points.length > 0 ? (
                <fieldset className="plan__chips">
                  <legend>{t('plan.lineup.points')}</legend>
                  {points.map((b) => (
                    <label key={b.id} className="plan__chip plan__chip--point">
                      <input
                        type="checkbox"
                        checked={item.buyingPointIds.includes(b.id)}
                        onChange={() => update(index, { buyingPointIds: item.buyingPointIds.includes(b.id) ? item.buyingPointIds.filter((id) => id !== b.id) : [...item.buyingPointIds, b.id] })}
                      />
                      {b.line}
                    </label>
                  ))}
                </fieldset>
              ) : (
                <p className="field__hint">{t('plan.lineup.noPoints')}</p>
              )}
              <ProblemNote problems={check.errors.filter((p) => p.path.startsWith(`lineup[${index}]`))} />
            </li>
          );
        })}
      </ol>
      {available.length > 0 ? (
        <div className="plan__add-row">
          <label className="field__label" htmlFor="plan-add-product">
            {t('plan.lineup.add')}
          </label>
          <select
            id="plan-add-product"
            className="input"
            data-testid="plan-add-product"
            value=""
            onChange={(e) => {
              const product = catalog.products.find((p) => p.id === e.target.value);
              if (product) onChange({ ...draft, lineup: [...draft.lineup, { productId: product.id, role: 'traffic', plannedPrice: product.price, coupon: product.coupon, stock: null, buyingPointIds: [] }] });
            }}
          >
            <option value="">{t('plan.lineup.addPick')}</option>
            {available.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}
