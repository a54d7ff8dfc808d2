/**
 * The layer rules of docs/ARCHITECTURE.md are lint errors, not advice: these
 * lint source text as if it lived in each folder and expect the rule to bite.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer rules', () => {
  it('keep shared/ free of Node, Electron and main/', async () => {
    expect(await layerErrors('shared/protocol/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await layerErrors('shared/protocol/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(
      await layerErrors('shared/protocol/probe.ts', "import { startWorker } from '../../main/core/store/worker.js';\nexport const x = startWorker;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('shared/protocol/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });

  it('let shared/ use the synchronous CSV parser and writer, and no other entry of those packages, nor exceljs', async () => {
    const csv = "import { parse } from 'csv-parse/sync';\nimport { stringify } from 'csv-stringify/sync';\nexport const x = [parse, stringify];\n";
    expect(await layerErrors('shared/copilot/probe.ts', csv)).toEqual([]);
    // The stream API needs Node streams; the renderer build has only the sync entries' browser builds.
    expect(await layerErrors('shared/copilot/probe.ts', "import { parse } from 'csv-parse';\nexport const x = parse;\n")).toHaveLength(1);
    expect(await layerErrors('shared/copilot/probe.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n")).toHaveLength(1);
  });

  it('keep electron out of main/core', async () => {
    expect(await layerErrors('main/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(
      await layerErrors('main/core/probe.ts', "import fs from 'node:fs';\nimport { LIMITS } from '../../shared/protocol/index.js';\nexport const x = [fs, LIMITS];\n"),
    ).toEqual([]);
  });

  it('keep the core from reaching up into hosts', async () => {
    expect(await layerErrors('main/core/probe.ts', "import { main } from '../cli/main.js';\nexport const x = main;\n")).toHaveLength(1);
  });

  it('keep node:* and main/ out of the renderer', async () => {
    expect(await layerErrors('renderer/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(
      await layerErrors('renderer/probe.ts', "import { startWorker } from '../main/core/store/worker.js';\nexport const x = startWorker;\n"),
    ).toHaveLength(1);
  });
});
