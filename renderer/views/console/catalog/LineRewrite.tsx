import { useState } from 'react';
import { REWRITE_TIMEOUT_MS, type RewriteFailure } from '../../../../shared/api/rewriter-api.js';
import type { CatalogProduct } from '../../../../shared/catalog/catalog.js';
import type { ComplianceFlag } from '../../../../shared/copilot/compliance.js';
import type { I18n } from '../../../i18n/i18n.js';
import { useAppStore, useBridge, useI18n } from '../../app-context.js';
import type { DraftPoint } from './draft-point.js';
import { FlagChips } from './FlagChips.js';

type RewriteState =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  /** `original` is the line as it was asked about: the merchant may type on meanwhile. */
  | { kind: 'suggested'; original: string; line: string; flags: ComplianceFlag[] }
  | { kind: 'failed'; message: string };

interface LineRewriteProps {
  product: CatalogProduct;
  point: DraftPoint;
  onAccept(line: string): void;
}

/**
 * 润色: asks the host's AI line rewriter for a better version of the line in
 * the editor and shows it beside the original, with its 真诚经营 flags.
 * Accept only puts it into the editor; the merchant still saves. Not shown
 * while the rewriter is off in settings.
 */
export function LineRewrite({ product, point, onAccept }: LineRewriteProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const bridge = useBridge();
  const enabled = useAppStore((s) => s.settings?.rewriter.enabled ?? false);
  const [state, setState] = useState<RewriteState>({ kind: 'idle' });
  if (!enabled) return null;

  const rewrite = async () => {
    setState({ kind: 'waiting' });
    const { audience, scenario, pain, benefit, proof, line } = point;
    const reply = await bridge.request('rewriteLine', {
      product: { title: product.title, category: product.category, sellingPoints: product.sellingPoints },
      point: { audience, scenario, pain, benefit, proof, line },
    });
    if (!reply.ok) return setState({ kind: 'failed', message: t('catalog.rewrite.failed', { error: reply.error.message }) });
    const result = reply.value;
    setState(result.rewritten ? { kind: 'suggested', original: line, line: result.line, flags: result.flags } : { kind: 'failed', message: failureMessage(i18n, result.failure) });
  };
  const waiting = state.kind === 'waiting';

  return (
    <div className="bp-rewrite">
      <div className="bp-rewrite__bar">
        <button type="button" className="button" disabled={waiting || point.line.trim() === ''} aria-busy={waiting} data-testid="bp-rewrite" onClick={() => void rewrite()}>
          {waiting ? <span className="spinner" aria-hidden="true" /> : null}
          {waiting ? t('catalog.rewrite.waiting') : t('catalog.rewrite')}
        </button>
        {state.kind === 'failed' ? (
          <span className="bp-rewrite__error" role="alert" data-testid="bp-rewrite-error">
            {state.message}
          </span>
        ) : null}
      </div>
      {state.kind === 'suggested' ? (
        <div className="bp-rewrite__compare" data-testid="bp-rewrite-suggestion">
          <div className="bp-rewrite__side">
            <span className="field__label">{t('catalog.rewrite.original')}</span>
            <p className="bp-rewrite__text">{state.original}</p>
          </div>
          <div className="bp-rewrite__side">
            <span className="field__label">{t('catalog.rewrite.suggestion')}</span>
            <p className="bp-rewrite__text" data-testid="bp-rewrite-line">
              {state.line}
            </p>
            {state.flags.length > 0 ? (
              <p className="bp-card__flags">
                <FlagChips flags={state.flags} />
                <span className="bp-card__hint">{t('catalog.rewrite.flagged')}</span>
              </p>
            ) : null}
          </div>
          <div className="bp-rewrite__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="bp-rewrite-accept"
              onClick={() => {
                onAccept(state.line);
                setState({ kind: 'idle' });
              }}
            >
              {t('catalog.rewrite.accept')}
            </button>
            <button type="button" className="button button--ghost" data-testid="bp-rewrite-discard" onClick={() => setState({ kind: 'idle' })}>
              {t('catalog.rewrite.discard')}
            </button>
            <span className="field__hint">{t('catalog.rewrite.acceptHint')}</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function failureMessage({ t }: I18n, failure: RewriteFailure): string {
  const { code, status, detail } = failure;
  switch (code) {
    case 'timeout':
      return t('catalog.rewrite.error.timeout', { seconds: REWRITE_TIMEOUT_MS / 1000 });
    case 'http_status':
      // A refused key is the common mistake; it gets its own hint.
      return status === 401 || status === 403 ? t('catalog.rewrite.error.auth', { status }) : t('catalog.rewrite.error.http_status', { status: status ?? '', detail });
    case 'disabled':
    case 'not_configured':
      return t(`catalog.rewrite.error.${code}`);
    case 'unreachable':
    case 'bad_response':
      return t(`catalog.rewrite.error.${code}`, { detail });
  }
}
