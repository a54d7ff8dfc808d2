/**
 * When the device list cannot be asked (the database busy past the devices'
 * short timeout, or gone): the web host answers 503 instead of crashing on
 * its serving thread, and says why in its log — the error's code and message
 * only. SQLite's messages never carry the bound values (the secrets' digests),
 * and nothing a request presented is added.
 */
export const DEVICE_LIST_UNAVAILABLE = 'the device list is busy or unavailable: try again in a moment';

export function deviceListTrouble(error: unknown): string {
  if (!(error instanceof Error)) return 'the device list could not be read';
  const code = (error as { code?: unknown }).code;
  return `the device list could not be read (${typeof code === 'string' ? `${code}: ` : ''}${error.message.slice(0, 200)})`;
}
