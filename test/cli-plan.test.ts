/**
 * `livecue plan` on a real database file, and a plan carried through a
 * session recorded by `livecue record` into `livecue recap --json`: planned
 * segments with the boundaries the live room's clock really gave them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../main/simulator/index.js';
import type { Recap } from '../shared/api/contract.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir('livecue-cli-plan-');
afterAll(() => tmp.remove());

describe('livecue plan', () => {
  // Ten CLI runs, each a process of its own.
  it('prints a valid template, imports it, refuses a bad file with one line, lists, exports and uses', { timeout: 90_000 }, async () => {
    const db = tmp.file('plans.db');
    const template = await runCli(['plan', '--template']);
    expect(template.code).toBe(0);
    const file = tmp.file('plan.json');
    writeFileSync(file, template.stdout);

    const imported = await runCli(['plan', '--db', db, 'import', file]);
    expect(imported).toMatchObject({ code: 0, stdout: 'imported plan 1: 2 小时店播\n' });

    const bad = JSON.parse(template.stdout);
    bad.segments[2].plannedStartSec = 7000;
    bad.lineup = [{ productId: 'nowhere', role: 'hero' }];
    writeFileSync(tmp.file('bad.json'), JSON.stringify(bad));
    const refused = await runCli(['plan', '--db', db, '--lang', 'zh-CN', 'import', tmp.file('bad.json')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([`livecue plan: ${tmp.file('bad.json')}: not imported, nothing changed: lineup[0].productId: 商品库中没有商品 nowhere (and 1 more)`]);
    writeFileSync(tmp.file('broken.json'), '{"format": "livecue-plan@1",\n "title": ');
    const broken = await runCli(['plan', '--db', db, 'import', tmp.file('broken.json')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toContain('not valid JSON');

    const list = await runCli(['plan', '--db', db, 'list']);
    expect(list.stdout.split('\n').filter(Boolean)).toEqual(['   1  2 小时店播  unscheduled  120 min  7 segments  0 products']);
    const exported = await runCli(['plan', '--db', db, 'export', '1', '--out', tmp.file('out.json')]);
    expect(exported.code).toBe(0);
    expect(readFileSync(tmp.file('out.json'), 'utf8')).toBe(template.stdout);
    expect((await runCli(['plan', '--db', db, 'export', '9'])).stderr).toBe('livecue plan: no plan 9\n');
    expect((await runCli(['plan', '--db', db, 'use', '1'])).stdout).toContain('runs plan 1: 2 小时店播');
    expect((await runCli(['plan', '--db', db, 'list'])).stdout).toContain('(next)');
  });

  // CLI runs and a recorded session: a loaded two-core machine needs more than the suite's 30 s.
  it('a session recorded with a plan in use has it in its recap, planned against actual', { timeout: 90_000 }, async () => {
    const db = tmp.file('session.db');
    const plan = {
      format: 'livecue-plan@1',
      title: '短计划',
      durationMin: 60,
      goals: { gmv: 1_000_000 },
      segments: [
        { id: 'open', kind: 'warmUp', plannedStartSec: 0, plannedDurationSec: 30 },
        { id: 'deal', kind: 'deal', plannedStartSec: 30, plannedDurationSec: 3570 },
      ],
    };
    writeFileSync(tmp.file('short.json'), JSON.stringify(plan));
    expect((await runCli(['plan', '--db', db, 'import', tmp.file('short.json')])).code).toBe(0);
    expect((await runCli(['plan', '--db', db, 'use', '1'])).code).toBe(0);

    const simulator = await startSimulator({ token: 't', seed: 2, speed: 'max', maxEvents: 20_000 });
    try {
      const recorded = await runCli(['record', '--gateway', simulator.url, '--room', simulator.room, '--token', 't', '--db', db]);
      expect(recorded.code).toBe(0);
    } finally {
      await simulator.close();
    }
    const recap = JSON.parse((await runCli(['recap', '--db', db, '--json'])).stdout) as Recap;
    const { startedAt, endedAt } = recap.session;
    expect(endedAt! - startedAt).toBeGreaterThan(30_000);
    expect(recap.plan).toMatchObject({ id: 1, title: '短计划', goals: { gmv: 1_000_000 } });
    expect(recap.plan!.segments).toMatchObject([
      { id: 'open', kind: 'warmUp', title: '', plannedStartSec: 0, plannedDurationSec: 30, actualStartedAt: startedAt, actualEndedAt: startedAt + 30_000, advancedBy: 'clock' },
      { id: 'deal', kind: 'deal', title: '', plannedStartSec: 30, plannedDurationSec: 3570, actualStartedAt: startedAt + 30_000, actualEndedAt: endedAt, advancedBy: 'clock' },
    ]);
    const table = await runCli(['recap', '--db', db]);
    expect(table.stdout).toContain('计划 Plan: 短计划');
    // The session list names the plan it ran, beside the recap's figures.
    const listed = JSON.parse((await runCli(['sessions', '--db', db, '--json'])).stdout) as { id: string; plan: string | null; uv: number | null; gmv: number | null }[];
    expect(listed).toEqual([expect.objectContaining({ id: recap.session.id, plan: '短计划', uv: recap.totals.uv, gmv: recap.totals.gmv })]);
    expect((await runCli(['sessions', '--db', db])).stdout).toContain('plan: 短计划');
    // Used once, a plan is not the next session's any more.
    expect((await runCli(['plan', '--db', db, 'list'])).stdout).toContain('ran in session 1');
  });
});
