/**
 * `livecue serve`: the app (a live source recorded into the database) behind
 * the web host, for a browser on this machine, a second device (--lan), or
 * OBS showing the product card.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { demoScenarios, sourceSettingsSchema, type SourceSettings } from '../../../shared/api/settings.js';
import { startApp } from '../../app/app.js';
import { memorySecretStore, privateFileSecretStore } from '../../app/secrets.js';
import { accessTokenSchema, defaultRendererDir, generateAccessToken, lanAddresses, newSecret, startWebHost, type WebHost } from '../../server/index.js';
import { openDeviceStore, PAIRING_CODE_TTL_MS, type DeviceStore } from '../../core/store/devices.js';
import { loadOrCreateTlsIdentity } from '../../server/tls-identity.js';
import { parseFlags, port, url } from '../args.js';
import { UserError } from '../errors.js';
import { prepareRehearsal, RehearsalError, type RehearsalStore } from '../../core/plan/rehearsal.js';

export const serveHelp = `livecue serve [--demo [--scenario skincare|apparel] [--speed 1..1000] [--rehearse [--plan ID]] | --gateway URL --room ROOM --token T]
              [--port P] [--db FILE] [--lan [--insecure-http]] [--access-token X]
  Serves the LiveCue console, the host overlay and an OBS product card (/obs/card) to browsers
  on 127.0.0.1:P (default 4800; 0 = any free port), recording the live room into FILE (default
  ~/.livecue/livecue.db). Without --demo or --gateway the source chosen in settings is used.
  The console and overlay addresses carry the control access token (random unless --access-token X,
  at least 32 characters); the OBS card's is a one-time pairing link for a view device "OBS". Other
  devices pair from Settings → 设备与访问 or \`livecue access\`; without a token the server answers 401.
  --lan also listens on this machine's network addresses. The tokens can come from
  LIVECUE_GATEWAY_TOKEN and LIVECUE_ACCESS_TOKEN instead, out of the process list.
  --lan serves HTTPS on every address, loopback included, with a self-signed certificate made once and
  kept in FILE's folder/tls; it prints the certificate's SHA-256 fingerprint to compare with what a
  phone shows. --insecure-http (only with --lan) serves plain HTTP instead, readable by the network.
  --rehearse (彩排) runs the plan chosen for the next session (or --plan ID) against the demo room,
  its rundown as fast as the demo (--speed 1..10), in a new database under FILE's folder/rehearsals:
  nothing of a rehearsal enters FILE.`;

const flagSchema = z
  .object({
    demo: z.boolean().default(false),
    scenario: z.enum(demoScenarios).optional(),
    speed: z.coerce.number().min(1, 'must be between 1 and 1000').max(1000, 'must be between 1 and 1000').optional(),
    gateway: url.optional(),
    room: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    port: port.default(4800),
    db: z.string().min(1).default(join(homedir(), '.livecue', 'livecue.db')),
    lan: z.boolean().default(false),
    'insecure-http': z.boolean().default(false),
    'access-token': accessTokenSchema.optional(),
    rehearse: z.boolean().default(false),
    plan: z.coerce.number().int().positive().optional(),
  })
  .transform((flags, context) => {
    const refuse = (message: string, flag?: string) => {
      context.addIssue({ code: 'custom', message, ...(flag === undefined ? {} : { path: [flag] }) });
      return z.NEVER;
    };
    const { gateway, room, token } = flags;
    const demoAsked = flags.demo || flags.scenario !== undefined || flags.speed !== undefined || flags.rehearse;
    if (flags.plan !== undefined && !flags.rehearse) return refuse('only goes with --rehearse', 'plan');
    if (flags['insecure-http'] && !flags.lan) return refuse('only goes with --lan (without it, the server answers this machine only)', 'insecure-http');
    if (flags.rehearse && (flags.speed ?? 1) > MAX_REHEARSAL_SPEED) return refuse(`a rehearsal runs at 1 to ${MAX_REHEARSAL_SPEED}×`, 'speed');
    if (gateway === undefined && room === undefined && token === undefined) {
      // The source the command line asks for overrides the stored one and is never saved; none asked, the stored one is used.
      const source: SourceSettings | undefined = demoAsked ? { kind: 'demo', scenario: flags.scenario ?? 'skincare', speed: flags.speed ?? 1 } : undefined;
      return { ...flags, source };
    }
    if (demoAsked) return refuse('choose the demo room (--demo, --scenario, --speed) or a gateway, not both');
    if (gateway === undefined) return refuse('is required with --room and --token', 'gateway');
    if (room === undefined) return refuse('is required with --gateway and --token', 'room');
    if (token === undefined) return refuse('is required with --gateway and --room', 'token');
    const source = sourceSettingsSchema.safeParse({ kind: 'gateway', url: gateway, room });
    if (!source.success) {
      const issue = source.error.issues[0];
      return refuse(issue?.message ?? 'invalid', issue?.path[0] === 'room' ? 'room' : 'gateway');
    }
    return { ...flags, source: source.data };
  });

/** Faster than this, a rundown's minutes pass in seconds: nobody can practise a host's timing at that pace. */
const MAX_REHEARSAL_SPEED = 10;

const describeSource = (source: SourceSettings): string =>
  source.kind === 'demo' ? `the demo room (${source.scenario}, speed ${source.speed}×)` : `${source.url} room ${source.room}`;

/**
 * Secrets may come from the environment instead of flags, so they do not show
 * in the process list or the shell's history.
 */
function withSecretsFromEnvironment(argv: string[]): string[] {
  const extra: string[] = [];
  const gatewayToken = process.env.LIVECUE_GATEWAY_TOKEN;
  const accessToken = process.env.LIVECUE_ACCESS_TOKEN;
  if (gatewayToken && argv.includes('--gateway') && !argv.includes('--token')) extra.push('--token', gatewayToken);
  if (accessToken && !argv.includes('--access-token')) extra.push('--access-token', accessToken);
  return [...argv, ...extra];
}

export async function serve(argv: string[]): Promise<void> {
  const flags = parseFlags(
    withSecretsFromEnvironment(argv),
    {
      demo: { type: 'boolean' },
      scenario: { type: 'string' },
      speed: { type: 'string' },
      gateway: { type: 'string' },
      room: { type: 'string' },
      token: { type: 'string' },
      port: { type: 'string' },
      db: { type: 'string' },
      lan: { type: 'boolean' },
      'insecure-http': { type: 'boolean' },
      'access-token': { type: 'string' },
      rehearse: { type: 'boolean' },
      plan: { type: 'string' },
    },
    flagSchema,
  );
  const realDb = resolve(flags.db);
  const dataFolder = dirname(realDb);
  let rehearsal: RehearsalStore | null = null;
  if (flags.rehearse) {
    try {
      rehearsal = await prepareRehearsal(realDb, flags.plan ?? null);
    } catch (error) {
      if (error instanceof RehearsalError) throw new UserError(error.message);
      throw error;
    }
  }
  const dbFile = rehearsal?.dbFile ?? realDb;
  // Made (or read) before the app starts: a certificate that cannot be written leaves nothing to stop.
  const tls = flags.lan && !flags['insecure-http'] ? await loadOrCreateTlsIdentity(dataFolder, lanAddresses()) : undefined;
  const app = await startApp({
    dataFolder,
    dbFile,
    // A token given on the command line stays in memory; one saved from the settings screen is kept for the next start.
    secrets: flags.token !== undefined ? memorySecretStore(flags.token) : privateFileSecretStore(join(dataFolder, 'gateway-token')),
    rewriterKey: privateFileSecretStore(join(dataFolder, 'rewriter-key')),
    ...(flags.source ? { sourceOverride: flags.source } : {}),
    ...(rehearsal ? { planTimeScale: flags.speed ?? 1, rehearsal: true } : {}),
    onWarning: (message) => console.error(`livecue serve: ${message}`),
  });

  const accessToken = flags['access-token'] ?? generateAccessToken();
  const rendererDir = defaultRendererDir();
  let host: WebHost;
  // The devices live in the real database, a rehearsal's included: the team's phones work in both.
  let devices: DeviceStore | undefined;
  try {
    devices = await openDeviceStore(realDb);
    host = await startWebHost({ app, port: flags.port, accessToken, devices, lan: flags.lan, ...(tls ? { tls } : {}), rendererDir, onWarning: (message) => console.error(`livecue serve: ${message}`) });
  } catch (error) {
    devices?.close();
    await app.stop();
    throw error;
  }

  const withToken = (base: string, path: string) => `${new URL(path, base).href}?token=${accessToken}`;
  const lines = [
    `LiveCue web host: ${describeSource(app.settings().source)} → ${dbFile}`,
    ...(rehearsal ? [`  rehearsal (彩排) of plan "${rehearsal.title}", stored apart from ${realDb}`] : []),
    `  console   ${withToken(host.url, '/')}`,
    `  overlay   ${withToken(host.url, '/overlay')}`,
    `  OBS card  ${obsCardLine(devices, host.url)}`,
  ];
  if (flags.lan) {
    for (const address of lanAddresses()) lines.push(`  network   ${withToken(`${tls ? 'https' : 'http'}://${address}:${host.port}/`, '/')}`);
    if (tls) lines.push(`  TLS certificate SHA-256 ${tls.fingerprint256}${tls.created ? '   (new: devices that trusted an earlier one ask again)' : ''}`);
    else console.error('livecue serve: warning: --insecure-http: plain HTTP on the network; anyone on it can read the tokens and everything the console shows');
    console.error('livecue serve: warning: --lan makes the console reachable from your network; anyone with one of these addresses controls the live room');
  }
  lines.push('Keep these addresses private: the token in them opens the console. Ctrl-C stops.', `LIVECUE_URL=${withToken(host.url, '/')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('livecue serve: warning: the web UI is not built yet (run `npm run build`); pages answer 503 until it is');
  }

  await untilInterrupted();
  await host.close();
  devices.close();
  await app.stop();
  process.stdout.write('stopped\n');
}

/** "OBS", or "OBS 2", "OBS 3"… once an earlier one was revoked (a revoked device keeps its name). */
const OBS_DEVICE_NAME = /^OBS( \d+)?$/;

/**
 * The OBS card must not get the control token (a host's screen is on stream,
 * scene files get shared): it gets a one-time pairing link for a view
 * device "OBS", made again at each start until one is used. A revoked OBS
 * device is as good as none: its token opens nothing, so it gets a new link
 * (for "OBS 2", the name "OBS" being kept by the revoked one).
 */
function obsCardLine(devices: DeviceStore, base: string): string {
  const path = new URL('/obs/card', base).href;
  const obsDevices = devices.list().filter((device) => OBS_DEVICE_NAME.test(device.name));
  const paired = obsDevices.find((device) => device.revokedAt === null);
  if (paired !== undefined) return `${path}   (device "${paired.name}" is paired; another link: Settings → 设备与访问, or livecue access add)`;
  const taken = new Set(obsDevices.map((device) => device.name));
  let name = 'OBS';
  for (let n = 2; taken.has(name); n += 1) name = `OBS ${n}`;
  const code = newSecret();
  devices.createPairing({ name, role: 'view', code, rekeys: false, now: Date.now() });
  const minutes = PAIRING_CODE_TTL_MS / 60_000;
  return `${path}?pair=${code}   (add as a Browser source within ${minutes} minutes, the link works once; the background is transparent)`;
}

/** Resolves on the first Ctrl-C or SIGTERM; a second one, during shutdown, ends the process the default way. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
