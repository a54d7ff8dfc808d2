/**
 * The data folder the user named (LIVECUE_DATA_DIR), if any: tests and
 * portable set-ups keep every file there. Read in one place, without side
 * effects, so that both pre-ready.ts (which points Electron at it) and
 * desktop.ts (which leaves a chosen folder's mode as the user set it) can
 * import it.
 */
import { resolve } from 'node:path';

const named = process.env.LIVECUE_DATA_DIR;

export const chosenDataFolder: string | null = named ? resolve(named) : null;
