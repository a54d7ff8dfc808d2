/** The `livecue` command: subcommands, help, and one-line errors. */
import { access, accessHelp } from './commands/access.js';
import { backup, backupHelp } from './commands/backup.js';
import { catalog, catalogHelp } from './commands/catalog.js';
import { classify, classifyHelp } from './commands/classify.js';
import { demo, demoHelp } from './commands/demo.js';
import { plan, planHelp } from './commands/plan.js';
import { recap, recapHelp } from './commands/recap.js';
import { record, recordHelp } from './commands/record.js';
import { serve, serveHelp } from './commands/serve.js';
import { sessions, sessionsHelp } from './commands/sessions.js';
import { sim, simHelp } from './commands/sim.js';
import { DatabaseOpenError } from '../core/store/connection.js';
import { describeSystemError, UserError } from './errors.js';

const commands: Record<string, { run: (argv: string[]) => Promise<void>; help: string }> = {
  demo: { run: demo, help: demoHelp },
  sim: { run: sim, help: simHelp },
  record: { run: record, help: recordHelp },
  recap: { run: recap, help: recapHelp },
  sessions: { run: sessions, help: sessionsHelp },
  catalog: { run: catalog, help: catalogHelp },
  backup: { run: backup, help: backupHelp },
  plan: { run: plan, help: planHelp },
  classify: { run: classify, help: classifyHelp },
  serve: { run: serve, help: serveHelp },
  access: { run: access, help: accessHelp },
};

const usage = `LiveCue — live-stream co-pilot

Usage: livecue <command> [flags]

${Object.values(commands)
  .map((c) => c.help)
  .join('\n\n')}
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`livecue: unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
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
