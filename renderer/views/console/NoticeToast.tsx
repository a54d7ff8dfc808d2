import { useEffect } from 'react';
import { hostErrorText } from '../../i18n/host-error.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Notice } from '../../state/slices/ui-slice.js';
import { useAppStore, useI18n } from '../app-context.js';

const NOTICE_MS = 4_000;

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

function noticeText(notice: Notice, i18n: I18n): string {
  const { t } = i18n;
  if (!notice.error) return t(notice.message, notice.params);
  // Host errors have known codes worth translating; a gateway's own codes are shown by their message alone.
  return t(notice.message, { ...notice.params, error: hostErrorText(notice.error, i18n) });
}
