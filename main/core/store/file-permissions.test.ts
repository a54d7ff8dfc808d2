import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databaseFiles, makePrivateFolder, prepareDataFolder } from './file-permissions.js';
import { tempFolder } from './testing/temp-files.js';
import { StoreWriter } from './writer.js';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const SESSION = { gateway: 'g', room: 'r', roomJson: '{}', sessionId: 's', startedAt: 1, productsJson: '[]' };

describe.skipIf(process.platform === 'win32')('database file permissions (POSIX)', () => {
  it('keeps the data folder 0700 and the .db, -wal and -shm 0600, whatever the umask lets through', async () => {
    const previousUmask = process.umask(0o022);
    const temp = tempFolder();
    try {
      const folder = temp.path('data');
      mkdirSync(folder, { mode: 0o755 });
      makePrivateFolder(folder);
      const file = `${folder}/livecue.db`;
      const writer = await StoreWriter.open(file);
      try {
        await writer.openSession(SESSION);
        expect(mode(folder)).toBe('700');
        expect(databaseFiles(file).map(mode)).toEqual(['600', '600', '600']);
      } finally {
        await writer.close();
      }
    } finally {
      process.umask(previousUmask);
      temp.remove();
    }
  });

  it('leaves the mode of a data folder the user named (LIVECUE_DATA_DIR) as it is, creating only what is missing private', () => {
    const previousUmask = process.umask(0o022);
    const temp = tempFolder();
    try {
      const theirs = temp.path('shared-with-team');
      mkdirSync(theirs, { mode: 0o755 });
      chmodSync(theirs, 0o755);
      prepareDataFolder(theirs, { chosenByUser: true });
      expect(mode(theirs)).toBe('755');
      const missing = temp.path('new/livecue');
      prepareDataFolder(missing, { chosenByUser: true });
      expect([mode(temp.path('new')), mode(missing)]).toEqual(['700', '700']);
      const own = temp.path('userData');
      mkdirSync(own, { mode: 0o755 });
      chmodSync(own, 0o755);
      prepareDataFolder(own, { chosenByUser: false });
      expect(mode(own)).toBe('700');
    } finally {
      process.umask(previousUmask);
      temp.remove();
    }
  });

  it('narrows a database an older LiveCue left readable by everyone (0644) when it opens it', async () => {
    const temp = tempFolder();
    try {
      const file = temp.path('old.db');
      await (await StoreWriter.open(file)).close();
      chmodSync(file, 0o644);
      writeFileSync(`${file}-wal`, '');
      chmodSync(`${file}-wal`, 0o644);
      const writer = await StoreWriter.open(file);
      try {
        await writer.openSession(SESSION);
        expect(databaseFiles(file).map(mode)).toEqual(['600', '600', '600']);
      } finally {
        await writer.close();
      }
    } finally {
      temp.remove();
    }
  });
});
