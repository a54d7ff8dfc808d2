/**
 * The backup and restore requests (设置 → 数据) where they reach the
 * dispatcher: the desktop app's main process answers them itself (its dialog
 * picks the folder or file, then it calls LiveCueApp.data), so only a page of
 * the web host gets here — and a page must never name a path on the host.
 */
export class DesktopOnlyError extends Error {
  override readonly name = 'DesktopOnlyError';
  constructor() {
    super('backup and restore from the console are in the desktop app; here use `livecue backup --db FILE --to COPY` on the host');
  }
}

const refuse = (): never => {
  throw new DesktopOnlyError();
};

export const dataDesktopOnly = { backupData: refuse, chooseRestore: refuse, restoreData: refuse };
