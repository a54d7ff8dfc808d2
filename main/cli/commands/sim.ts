/** `livecue sim`: run the simulator gateway (the demo room) until interrupted. */
import { z } from 'zod';
import { startSimulator } from '../../simulator/index.js';
import { parseFlags, port, required, speed } from '../args.js';

export const simHelp = `livecue sim --port P --token T [--scenario skincare|apparel] [--seed N] [--speed 1..1000|max]
            [--replay FILE.jsonl] [--host 127.0.0.1]
  Runs the live-room simulator gateway (docs/PROTOCOL.md) on 127.0.0.1:P.`;

export async function sim(argv: string[]): Promise<void> {
  const flags = parseFlags(
    argv,
    {
      port: { type: 'string' },
      token: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      replay: { type: 'string' },
      host: { type: 'string' },
    },
    z.object({
      port: port.default(0),
      token: required('--token'),
      scenario: z.enum(['skincare', 'apparel']).optional(),
      seed: z.coerce.number().int().default(1),
      speed: speed.default(1),
      replay: z.string().min(1).optional(),
      host: z.string().default('127.0.0.1'),
    }),
  );
  const simulator = await startSimulator({
    port: flags.port,
    host: flags.host,
    token: flags.token,
    seed: flags.seed,
    speed: flags.speed,
    ...(flags.replay ? { replayFile: flags.replay } : { scenario: flags.scenario ?? 'skincare' }),
    log: (line) => console.error(line),
  });
  process.stdout.write(`simulator gateway on ${simulator.url}  room ${simulator.room}  session ${simulator.sessionId}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await simulator.close();
}
