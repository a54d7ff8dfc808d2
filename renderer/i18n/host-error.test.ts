import { describe, expect, it } from 'vitest';
import { hostErrorText } from './host-error.js';
import { i18nFor } from './i18n.js';

describe('hostErrorText', () => {
  it('says a view device’s refusal in the user’s language, the host’s words as the detail', () => {
    const refused = { code: 'forbidden', message: 'OBS is a view device: importCatalog needs a control device' };
    expect(hostErrorText(refused, i18nFor('zh-CN'))).toBe('此设备只能查看（OBS is a view device: importCatalog needs a control device）');
    expect(hostErrorText(refused, i18nFor('en'))).toBe('this device may only watch (OBS is a view device: importCatalog needs a control device)');
  });

  it('shows a code it does not know (a gateway’s) by its message alone', () => {
    expect(hostErrorText({ code: 'room_closed', message: 'the room has ended' }, i18nFor('en'))).toBe('the room has ended');
  });
});
