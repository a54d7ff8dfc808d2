/**
 * A host's error as the user reads it: the known bridge codes (a view device
 * refused, too many requests…) in the user's language, with the host's own
 * message as the detail; any other code (a gateway's) by its message alone.
 */
import type { BridgeErrorCode } from '../../shared/api/bridge.js';
import type { I18n, MessageKey } from './i18n.js';

const hostErrors: Record<BridgeErrorCode, MessageKey> = {
  bad_request: 'error.bad_request',
  not_found: 'error.not_found',
  unavailable: 'error.unavailable',
  internal: 'error.internal',
  forbidden: 'error.forbidden',
  rate_limited: 'error.rate_limited',
};
const isHostError = (code: string): code is BridgeErrorCode => Object.hasOwn(hostErrors, code);

export function hostErrorText({ code, message }: { code: string; message: string }, { t }: Pick<I18n, 't'>): string {
  return isHostError(code) ? t('error.withDetail', { reason: t(hostErrors[code]), detail: message }) : message;
}
