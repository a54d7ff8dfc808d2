// Builds another revision of LiveCue beside this checkout (a git worktree
// sharing this node_modules) and compares its ingest figures with this
// build's in one run: node build/bench-before-after.mjs REV [--json] [--save FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [rev, ...rest] = process.argv.slice(2);
if (!rev) throw new Error('usage: node build/bench-before-after.mjs REV [--json] [--save FILE]');
const root = new URL('..', import.meta.url).pathname;
const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
const base = join(tmpdir(), `livecue-${sha}`);
if (!existsSync(base)) execFileSync('git', ['worktree', 'add', '--detach', base, sha], { cwd: root, stdio: 'inherit' });
if (!existsSync(join(base, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
execFileSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: base, stdio: 'inherit' });
execFileSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const saveAt = rest.indexOf('--save');
const args = rest.filter((_, i) => saveAt < 0 || (i !== saveAt && i !== saveAt + 1));
const out = execFileSync('node', [join(root, 'dist/main/bench/before-after.js'), '--other', join(base, 'dist'), ...args, ...(saveAt >= 0 ? ['--json'] : [])], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(out);
if (saveAt >= 0) {
  const figures = JSON.parse(out.trim().split('\n').at(-1));
  writeFileSync(rest[saveAt + 1], `${JSON.stringify({ measuredAt: new Date().toISOString(), base: sha, ...figures }, null, 2)}\n`);
}
