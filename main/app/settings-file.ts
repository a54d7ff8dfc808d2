/**
 * The settings file: JSON, validated on every read. A damaged or foreign
 * file does not stop the app: it is set aside beside the original name and
 * the defaults are used, with a warning the host can show.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/api/settings.js';

export interface LoadedSettings {
  settings: Settings;
  /** Why the stored file was not used, if it was not. */
  problem?: string;
}

export function loadSettings(file: string): LoadedSettings {
  if (!existsSync(file)) return { settings: defaultSettings };
  const text = readFileSync(file, 'utf8');
  let parsed: ReturnType<typeof settingsSchema.safeParse>;
  try {
    parsed = settingsSchema.safeParse(JSON.parse(text));
  } catch (error) {
    return setAside(file, `it is not JSON (${(error as Error).message})`);
  }
  if (!parsed.success) return setAside(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return { settings: parsed.data };
}

function setAside(file: string, why: string): LoadedSettings {
  const aside = `${file}.unreadable-${Date.now()}`;
  renameSync(file, aside);
  return { settings: defaultSettings, problem: `settings file ${file} was not used because ${why}; it was kept as ${aside}` };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function saveSettings(file: string, settings: Settings): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
