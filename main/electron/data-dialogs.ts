/**
 * Settings → 数据 in the desktop app: main answers backupData, chooseRestore
 * and restoreData itself. The folder or file comes from Electron's own
 * dialog, never from the page, and the restore can only replace the database
 * with the file the user picked and the core checked in the chooseRestore
 * before it. Electron-free (the dialog is passed in), so it is tested under
 * plain Node.
 */
import { dataRequestSchemas } from '../../shared/api/data-api.js';
import type { BridgeReply, BridgeRequestName } from '../../shared/api/bridge.js';
import type { DataOp } from './core-protocol.js';

export type DataRequestName = keyof typeof dataRequestSchemas;

/** The part of Electron's dialog.showOpenDialog the requests use. */
export interface OpenDialog {
  (options: { title: string; properties: ('openDirectory' | 'createDirectory' | 'openFile')[]; filters?: { name: string; extensions: string[] }[] }): Promise<{
    canceled: boolean;
    filePaths: string[];
  }>;
}

export const isDataRequest = (name: string): name is DataRequestName => Object.hasOwn(dataRequestSchemas, name);

export function dataRequests(showOpenDialog: OpenDialog, data: (op: DataOp) => Promise<BridgeReply<BridgeRequestName>>) {
  /** The backup the last chooseRestore checked: what restoreData may restore, once. */
  let checked: string | null = null;
  const cancelled: BridgeReply<BridgeRequestName> = { ok: true, value: null };
  const chosen = (result: { canceled: boolean; filePaths: string[] }): string | null => (result.canceled ? null : (result.filePaths[0] ?? null));

  return async (name: DataRequestName, payload: unknown): Promise<BridgeReply<BridgeRequestName>> => {
    if (!dataRequestSchemas[name].safeParse(payload ?? {}).success) return { ok: false, error: { code: 'bad_request', message: `${name} takes no arguments` } };
    switch (name) {
      case 'backupData': {
        const folder = chosen(await showOpenDialog({ title: 'LiveCue', properties: ['openDirectory', 'createDirectory'] }));
        return folder === null ? cancelled : data({ kind: 'backup', folder });
      }
      case 'chooseRestore': {
        checked = null;
        const file = chosen(await showOpenDialog({ title: 'LiveCue', properties: ['openFile'], filters: [{ name: 'LiveCue', extensions: ['db', '*'] }] }));
        if (file === null) return cancelled;
        const reply = await data({ kind: 'inspect', file });
        if (reply.ok) checked = file;
        return reply;
      }
      case 'restoreData': {
        const file = checked;
        checked = null;
        if (file === null) return { ok: false, error: { code: 'bad_request', message: 'choose and check a backup first' } };
        return data({ kind: 'restore', file });
      }
    }
  };
}
