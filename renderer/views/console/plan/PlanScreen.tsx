import '../../../styles/plan.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Catalog } from '../../../../shared/catalog/catalog.js';
import { checkPlan, describePlanProblem, type PlanProblem } from '../../../../shared/plan/check.js';
import { validatePlan } from '../../../../shared/plan/plan-file.js';
import type { ChecklistItem, Plan } from '../../../../shared/plan/plan.js';
import { MAX_PLAN_FILE_BYTES } from '../../../../shared/plan/plan-api.js';
import { readiness } from '../../../../shared/plan/readiness.js';
import { useAppStore, useBridge, useI18n } from '../../app-context.js';
import { StatusPanel } from '../../common/StatusPanel.js';
import { saveBlob } from '../../common/files.js';
import { ChecklistEditor } from './ChecklistEditor.js';
import { LineupEditor, PlanHeadEditor } from './PlanEditor.js';
import type { Draft } from './plan-draft.js';
import { RundownEditor } from './RundownEditor.js';

type Load = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; plans: Plan[]; templates: Plan[]; catalog: Catalog };
type Message = { tone: 'info' | 'error'; text: string; problems?: PlanProblem[] };

const bodyOf = ({ title, room, scheduledStart, durationMin, autoAdvance, goals, lineup, segments, checklist }: Plan): Draft => ({
  title,
  room,
  scheduledStart,
  durationMin,
  autoAdvance,
  goals,
  lineup,
  segments,
  checklist,
});

/** 直播计划: every plan of this store, one open in the editor; new from a template, a copy, or a JSON file. */
export function PlanScreen() {
  const i18n = useI18n();
  const { t, fmt, language } = i18n;
  const bridge = useBridge();
  const cart = useAppStore((s) => s.snapshot?.products ?? null);
  const hasSession = useAppStore((s) => s.snapshot?.session != null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const fetchAll = useCallback(async (): Promise<Load> => {
    const [plans, templates, catalog] = await Promise.all([bridge.request('listPlans', {}), bridge.request('planTemplates', {}), bridge.request('getCatalog', {})]);
    if (!plans.ok) return { state: 'failed', error: plans.error.message };
    if (!templates.ok) return { state: 'failed', error: templates.error.message };
    if (!catalog.ok) return { state: 'failed', error: catalog.error.message };
    return { state: 'ready', plans: plans.value.filter((p) => !p.template), templates: templates.value, catalog: catalog.value };
  }, [bridge]);
  const reload = useCallback(async () => {
    const next = await fetchAll();
    setLoad(next);
    return next;
  }, [fetchAll]);
  useEffect(() => {
    let mounted = true;
    void fetchAll().then((next) => {
      if (!mounted) return;
      setLoad(next);
      if (next.state === 'ready' && next.plans[0]) {
        setSelected(next.plans[0].id);
        setDraft(bodyOf(next.plans[0]));
      }
    });
    return () => {
      mounted = false;
    };
  }, [fetchAll]);

  const open = (plan: Plan) => {
    if (dirty && !window.confirm(t('plan.discard'))) return;
    setSelected(plan.id);
    setDraft(bodyOf(plan));
    setDirty(false);
    setMessage(null);
  };
  const edit = (next: Draft) => {
    setDraft(next);
    setDirty(true);
  };
  const reopen = async (id: number) => {
    const next = await reload();
    const plan = next.state === 'ready' ? next.plans.find((p) => p.id === id) : undefined;
    if (plan) {
      setSelected(plan.id);
      setDraft(bodyOf(plan));
      setDirty(false);
    }
  };
  const failed = (error: string) => setMessage({ tone: 'error', text: t('plan.failed', { error }) });

  const catalog = useMemo<Catalog>(() => (load.state === 'ready' ? load.catalog : { products: [], buyingPoints: [] }), [load]);
  const check = useMemo(() => (draft ? checkPlan(draft, catalog) : null), [draft, catalog]);
  const ready = useMemo(() => (draft ? readiness(draft, catalog, hasSession ? cart : null) : null), [draft, catalog, cart, hasSession]);

  const save = useCallback(async () => {
    if (selected === null || !draft) return;
    const local = validatePlan(draft, catalog);
    if (!local.ok) return setMessage({ tone: 'error', text: t('plan.invalid', { count: local.problems.length }), problems: local.problems });
    const reply = await bridge.request('savePlan', { id: selected, plan: draft });
    if (!reply.ok) return setMessage({ tone: 'error', text: t('plan.failed', { error: reply.error.message }) });
    if (!reply.value.saved) return setMessage({ tone: 'error', text: t('plan.invalid', { count: reply.value.problems.length }), problems: reply.value.problems });
    setDirty(false);
    setMessage({ tone: 'info', text: t('plan.saved') });
    await reload();
  }, [selected, draft, catalog, bridge, reload, t]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const create = async (from: { template: number } | { plan: number } | null) => {
    if (dirty && !window.confirm(t('plan.discard'))) return;
    const reply = await bridge.request('createPlan', { from });
    if (!reply.ok) return failed(reply.error.message);
    setMessage({ tone: 'info', text: t('plan.created', { title: reply.value.title }) });
    await reopen(reply.value.id);
  };
  const tick = async (item: ChecklistItem, done: boolean, value: string) => {
    if (selected === null || !draft) return;
    setDraft({ ...draft, checklist: draft.checklist.map((c) => (c.id === item.id ? { ...c, done, value } : c)) });
    const reply = await bridge.request('tickChecklistItem', { planId: selected, itemId: item.id, done, value });
    if (!reply.ok) failed(reply.error.message);
  };
  const importFile = async (file: File) => {
    // Checked here too: the file need not be read, and the reason is said in the console's language.
    if (file.size > MAX_PLAN_FILE_BYTES) return setMessage({ tone: 'error', text: t('plan.importTooLarge', { name: file.name, size: Math.ceil(file.size / 1000), limit: MAX_PLAN_FILE_BYTES / 1000 }) });
    const reply = await bridge.request('importPlan', { data: await file.text() });
    if (!reply.ok) return failed(reply.error.message);
    if (!reply.value.imported) return setMessage({ tone: 'error', text: t('plan.importFailed', { name: file.name, count: reply.value.problems.length }), problems: reply.value.problems });
    setMessage({ tone: 'info', text: t('plan.imported', { title: reply.value.plan.title }) });
    await reopen(reply.value.plan.id);
  };
  const exportPlan = async (id: number) => {
    const reply = await bridge.request('exportPlan', { id });
    if (!reply.ok) return failed(reply.error.message);
    saveBlob(new Blob([reply.value.data], { type: 'application/json' }), reply.value.fileName);
  };
  const run = async (request: () => ReturnType<typeof bridge.request>, done: string) => {
    const reply = await request();
    if (!reply.ok) return failed(reply.error.message);
    setMessage({ tone: 'info', text: done });
    await reload();
  };

  if (load.state !== 'ready') {
    return (
      <main className="plan">
        <StatusPanel tone={load.state === 'failed' ? 'critical' : 'neutral'} title={load.state === 'failed' ? t('plan.loadFailed', { error: load.error }) : t('plan.loading')} />
      </main>
    );
  }
  const plan = load.plans.find((p) => p.id === selected) ?? null;
  return (
    <main className="plan" data-testid="plan-screen">
      <div className="plan__toolbar">
        <label className="field__label" htmlFor="plan-new">
          {t('plan.new')}
        </label>
        <select
          id="plan-new"
          className="input"
          data-testid="plan-new"
          value=""
          onChange={(e) => {
            const value = e.target.value;
            if (value === 'blank') void create(null);
            else if (value !== '') void create({ template: Number(value) });
          }}
        >
          <option value="">{t('plan.new.pick')}</option>
          {load.templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.builtIn ? t('plan.new.builtIn', { title: template.title, minutes: template.durationMin }) : t('plan.new.saved', { title: template.title })}
            </option>
          ))}
          <option value="blank">{t('plan.new.blank')}</option>
        </select>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="plan-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="button" data-testid="plan-import" onClick={() => fileInput.current?.click()}>
          {t('plan.import')}
        </button>
        {plan && draft ? (
          <>
            <span className="plan__toolbar-gap" />
            <span className={`plan__dirty ${dirty ? 'plan__dirty--on' : ''}`} data-testid="plan-dirty">
              {dirty ? t('plan.unsaved') : t('plan.allSaved')}
            </span>
            <button type="button" className="button button--primary" data-testid="plan-save" onClick={() => void save()}>
              {t('plan.save')} <kbd className="button__key">Ctrl S</kbd>
            </button>
            <button
              type="button"
              className="button"
              data-testid="plan-use"
              disabled={plan.sessionKey !== null || plan.next}
              onClick={() => void run(() => bridge.request('usePlan', { id: plan.id }), t('plan.used', { title: plan.title }))}
            >
              {plan.next ? t('plan.isNext') : t('plan.use')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => void create({ plan: plan.id })}>
              {t('plan.duplicate')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                const title = window.prompt(t('plan.templateName'), plan.title);
                if (title) void run(() => bridge.request('savePlanAsTemplate', { id: plan.id, title }), t('plan.templateSaved', { title }));
              }}
            >
              {t('plan.saveAsTemplate')}
            </button>
            <button type="button" className="button button--ghost" data-testid="plan-export" onClick={() => void exportPlan(plan.id)}>
              {t('plan.export')}
            </button>
            <button
              type="button"
              className="button button--ghost button--danger"
              disabled={plan.sessionKey !== null}
              onClick={() => {
                if (!window.confirm(t('plan.deleteConfirm', { title: plan.title }))) return;
                void bridge.request('deletePlan', { id: plan.id }).then(async (reply) => {
                  if (!reply.ok) return failed(reply.error.message);
                  setSelected(null);
                  setDraft(null);
                  setDirty(false);
                  await reload();
                });
              }}
            >
              {t('plan.delete')}
            </button>
          </>
        ) : null}
      </div>
      {message ? (
        <div className={`plan__message plan__message--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="plan-message">
          <p>{message.text}</p>
          {message.problems ? (
            <ul className="plan__problems">
              {message.problems.slice(0, 50).map((p, i) => (
                <li key={`${p.path}-${i}`}>{describePlanProblem(p, language)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {load.plans.length === 0 && !draft ? (
        <StatusPanel tone="neutral" title={t('plan.none')}>
          <p>{t('plan.none.body')}</p>
        </StatusPanel>
      ) : (
        <div className="plan__body">
          <ul className="plan__list panel" data-testid="plan-list">
            {load.plans.map((p) => (
              <li key={p.id}>
                <button type="button" className={`plan__list-item ${p.id === selected ? 'plan__list-item--active' : ''}`} data-testid="plan-list-item" data-plan-id={p.id} onClick={() => open(p)}>
                  <span className="plan__list-title">{p.title}</span>
                  <span className="plan__list-meta num">
                    {p.scheduledStart === null ? t('plan.unscheduled') : new Date(p.scheduledStart).toLocaleString(language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })} ·{' '}
                    {t('plan.minutes', { n: p.durationMin })}
                    {p.next ? ` · ${t('plan.badge.next')}` : ''}
                    {p.sessionKey !== null ? ` · ${t('plan.badge.ran')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {draft && check && ready ? (
            <div className="plan__editor" data-testid="plan-editor">
              <PlanHeadEditor draft={draft} onChange={edit} />
              <LineupEditor draft={draft} catalog={catalog} check={check} onChange={edit} />
              <RundownEditor draft={draft} catalog={catalog} check={check} onChange={edit} />
              <ChecklistEditor draft={draft} catalog={catalog} readiness={ready} onChange={edit} onTick={(item, done, value) => void tick(item, done, value)} />
              <p className="field__hint">{t('plan.savedAt', { time: plan ? fmt.clock(plan.updatedAt) : '—' })}</p>
            </div>
          ) : null}
        </div>
      )}
    </main>
  );
}
