// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../../testing/fake-bridge.js';
import { snapshot } from '../../../testing/fixtures.js';
import { renderView } from '../../../testing/render-view.js';

async function openSettings(bridge: FakeBridge) {
  const v = await renderView('console', bridge);
  await v.push({ kind: 'snapshot', snapshot: snapshot({}) });
  await v.act(() => v.store.getState().showScreen('settings'));
  return v;
}

describe('settings → 数据', () => {
  it('backs up into the folder the desktop dialog chose and says where the copy went', async () => {
    const bridge = new FakeBridge('ipc');
    bridge.handlers.backupData = () => ({ ok: true, value: { file: '/backups/livecue-20261207-2345.db', bytes: 4096 } });
    const v = await openSettings(bridge);
    await v.act(() => (v.byTestId('data-backup') as HTMLButtonElement).click());
    expect(bridge.requestsNamed('backupData')).toEqual([{}]);
    expect(v.byTestId('settings-data')!.textContent).toContain('已备份到 /backups/livecue-20261207-2345.db');
  });

  it('restores only after showing what the checked backup holds and that the current data is replaced (and kept)', async () => {
    const bridge = new FakeBridge('ipc');
    bridge.handlers.chooseRestore = () => ({ ok: true, value: { file: '/backups/old.db', bytes: 4096, schemaVersion: 10, sessions: 3, newestSessionAt: Date.UTC(2026, 11, 1) } });
    bridge.handlers.restoreData = () => ({ ok: true, value: { restoredFrom: '/backups/old.db', previousKeptAs: '/data/livecue.db.before-restore' } });
    const v = await openSettings(bridge);
    await v.act(() => (v.byTestId('data-restore') as HTMLButtonElement).click());
    expect(bridge.requestsNamed('restoreData')).toEqual([]);
    const confirm = v.byTestId('data-restore-confirm')!;
    expect(confirm.textContent).toContain('/backups/old.db 是完好的 LiveCue 备份：3 场直播');
    expect(confirm.textContent).toContain('恢复会用这个备份替换当前的全部数据');
    expect(confirm.textContent).toContain('livecue.db.before-restore');

    await v.act(() => (v.byTestId('data-restore-go') as HTMLButtonElement).click());
    expect(bridge.requestsNamed('restoreData')).toEqual([{}]);
    expect(v.byTestId('settings-data')!.textContent).toContain('被替换的数据保存在 /data/livecue.db.before-restore');
  });

  it('shows the host its refusal of a damaged backup, and replaces nothing', async () => {
    const bridge = new FakeBridge('ipc');
    bridge.handlers.chooseRestore = () => ({ ok: false, error: { code: 'bad_request', message: '/backups/bad.db is damaged (integrity check: …); nothing was replaced' } });
    const v = await openSettings(bridge);
    await v.act(() => (v.byTestId('data-restore') as HTMLButtonElement).click());
    expect(v.byTestId('settings-data')!.textContent).toContain('nothing was replaced');
    expect(v.byTestId('data-restore-confirm')).toBeNull();
  });

  it('in the web host offers neither, and says where to back up instead', async () => {
    const v = await openSettings(new FakeBridge('web'));
    expect(v.byTestId('data-backup')).toBeNull();
    expect(v.byTestId('data-restore')).toBeNull();
    expect(v.byTestId('data-desktop-only')!.textContent).toContain('livecue backup --db');
  });
});
