import { useState } from 'react';
import { buyingPointStatuses, type CatalogProduct } from '../../../../shared/catalog/catalog.js';
import { checkCatalogLine } from '../../../../shared/copilot/compliance.js';
import { useI18n } from '../../app-context.js';
import type { DraftPoint } from './draft-point.js';
import { FlagChips } from './FlagChips.js';
import { LineRewrite } from './LineRewrite.js';

const textFields = ['audience', 'scenario', 'pain', 'benefit', 'proof'] as const;

interface BuyingPointCardProps {
  point: DraftPoint;
  product: CatalogProduct;
  onSave(point: DraftPoint): Promise<string | null>;
  onDelete?(): void;
}

/**
 * One scenario card (人群, 场景, 痛点, 利益点, 证据, 话术). The line is checked
 * as it is typed (真诚经营): a flagged line shows the words that fired and
 * cannot be set accepted until it is rewritten — by hand, or with the AI
 * line rewriter when it is on.
 */
export function BuyingPointCard({ point, product, onSave, onDelete }: BuyingPointCardProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DraftPoint>(point);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const flags = checkCatalogLine(draft.line, product);
  const flagged = flags.length > 0;
  const blocked = flagged && draft.status === 'accepted';
  const edit = (change: Partial<DraftPoint>) => setDraft((d) => ({ ...d, ...change }));

  const save = async (status: DraftPoint['status'] = draft.status) => {
    setSaving(true);
    setError(await onSave({ ...draft, status }));
    setSaving(false);
  };
  const proposed = point.status === 'proposed' && point.origin !== 'merchant';

  return (
    <article className={`bp-card ${flagged ? 'bp-card--flagged' : ''}`} data-testid="bp-card" data-status={draft.status} data-origin={draft.origin}>
      {draft.origin !== 'merchant' ? (
        <p className="bp-card__origin" data-testid="bp-origin">
          <span className={`bp-origin bp-origin--${draft.origin}`}>{t(`catalog.origin.${draft.origin}`)}</span>
          {draft.originNote ? <span className="bp-card__origin-note">{draft.originNote}</span> : null}
        </p>
      ) : null}
      <div className="bp-card__grid">
        {textFields.map((field) => (
          <label key={field} className="field">
            <span className="field__label">{t(`catalog.point.${field}`)}</span>
            <input className="input" value={draft[field]} maxLength={field === 'proof' ? 300 : 200} data-testid={`bp-${field}`} onChange={(e) => edit({ [field]: e.target.value })} />
          </label>
        ))}
      </div>
      <label className="field">
        <span className="field__label">{t('catalog.point.line')}</span>
        <textarea className="input bp-card__line" value={draft.line} maxLength={300} rows={2} data-testid="bp-line" onChange={(e) => edit({ line: e.target.value })} />
      </label>
      <LineRewrite product={product} point={draft} onAccept={(line) => edit({ line })} />
      {flagged ? (
        <p className="bp-card__flags" data-testid="bp-flags">
          <FlagChips flags={flags} />
          <span className="bp-card__hint">{t('catalog.flag.cannotAccept')}</span>
        </p>
      ) : null}
      <div className="bp-card__actions">
        <label className="field bp-card__status">
          <span className="field__label">{t('catalog.point.status')}</span>
          <select className="input" value={draft.status} data-testid="bp-status" onChange={(e) => edit({ status: e.target.value as DraftPoint['status'] })}>
            {buyingPointStatuses.map((status) => (
              <option key={status} value={status} disabled={status === 'accepted' && flagged}>
                {t(`catalog.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={saving || blocked || draft.line.trim() === ''} data-testid="bp-save" onClick={() => void save()}>
          {t('catalog.point.save')}
        </button>
        {proposed ? (
          <>
            <button type="button" className="button" disabled={saving || flagged || draft.line.trim() === ''} data-testid="bp-accept" onClick={() => void save('accepted')}>
              {t('catalog.point.accept')}
            </button>
            <button type="button" className="button button--ghost" disabled={saving} data-testid="bp-reject" onClick={() => void save('rejected')}>
              {t('catalog.point.reject')}
            </button>
          </>
        ) : null}
        {onDelete ? (
          <button type="button" className="button button--ghost" data-testid="bp-delete" onClick={onDelete}>
            {t('catalog.point.delete')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}
