#!/usr/bin/env node
// The installed `livecue` command runs the compiled CLI (npm run build).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('livecue: not built yet — run `npm run build` first');
  process.exit(1);
}
await import(entry.href);
