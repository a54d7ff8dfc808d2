/** The `livecue` command: subcommands, help, and one-line errors. */
import { DatabaseOpenError } from '../core/store/connection.js';
import { describeSystemError, UserError } from './errors.js';

interface Command {
  run: (argv: string[]) => Promise<void>;
  help: string;
}

/**
 * Each command's module is loaded when it is asked for: loading them all (the web host, XLSX, PDF,
 * TLS) took a second and a quarter before `livecue plan list` could start, a third of that for one.
 */
const commands: Record<string, () => Promise<Command>> = {
  demo: async () => import('./commands/demo.js').then((m) => ({ run: m.demo, help: m.demoHelp })),
  sim: async () => import('./commands/sim.js').then((m) => ({ run: m.sim, help: m.simHelp })),
  record: async () => import('./commands/record.js').then((m) => ({ run: m.record, help: m.recordHelp })),
  recap: async () => import('./commands/recap.js').then((m) => ({ run: m.recap, help: m.recapHelp })),
  sessions: async () => import('./commands/sessions.js').then((m) => ({ run: m.sessions, help: m.sessionsHelp })),
  catalog: async () => import('./commands/catalog.js').then((m) => ({ run: m.catalog, help: m.catalogHelp })),
  backup: async () => import('./commands/backup.js').then((m) => ({ run: m.backup, help: m.backupHelp })),
  plan: async () => import('./commands/plan.js').then((m) => ({ run: m.plan, help: m.planHelp })),
  classify: async () => import('./commands/classify.js').then((m) => ({ run: m.classify, help: m.classifyHelp })),
  serve: async () => import('./commands/serve.js').then((m) => ({ run: m.serve, help: m.serveHelp })),
  access: async () => import('./commands/access.js').then((m) => ({ run: m.access, help: m.accessHelp })),
};

async function usage(): Promise<string> {
  const helps = await Promise.all(Object.values(commands).map(async (load) => (await load()).help));
  return `LiveCue — live-stream co-pilot

Usage: livecue <command> [flags]

${helps.join('\n\n')}
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`livecue: unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UserError || error instanceof DatabaseOpenError) {
      console.error(`livecue ${name}: ${error.message}`);
      return error instanceof UserError ? error.exitCode : 1;
    }
    const problem = describeSystemError(error);
    if (problem !== undefined) {
      console.error(`livecue ${name}: ${problem}`);
      return 1;
    }
    throw error;
  }
}
