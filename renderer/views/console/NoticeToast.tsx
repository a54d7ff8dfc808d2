import { useEffect } from 'react';
import type { BridgeErrorCode } from '../../../shared/api/bridge.js';
import type { I18n, MessageKey } from '../../i18n/i18n.js';
import type { Notice } from '../../state/slices/ui-slice.js';
import { useAppStore, useI18n } from '../app-context.js';

const NOTICE_MS = 4_000;
const hostErrors: Record<BridgeErrorCode, MessageKey> = {
  bad_request: 'error.bad_request',
  not_found: 'error.not_found',
  unavailable: 'error.unavailable',
  internal: 'error.internal',
  forbidden: 'error.forbidden',
  rate_limited: 'error.rate_limited',
};
const isHostError = (code: string): code is BridgeErrorCode => Object.hasOwn(hostErrors, code);

/** The outcome of the last action, for a few seconds. */
export function NoticeToast() {
  const i18n = useI18n();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => dismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (notice === null) return null;
  return (
    <div className={`toast toast--${notice.tone}`} role="status" data-testid="notice">
      {noticeText(notice, i18n)}
    </div>
  );
}

function noticeText(notice: Notice, { t }: I18n): string {
  if (!notice.error) return t(notice.message, notice.params);
  const { code, message } = notice.error;
  // Host errors have known codes worth translating; a gateway's own codes are shown by their message alone.
  const reason = isHostError(code) ? t('error.withDetail', { reason: t(hostErrors[code]), detail: message }) : message;
  return t(notice.message, { ...notice.params, error: reason });
}
