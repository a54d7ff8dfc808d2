/**
 * `livecue access`: the devices that may open `livecue serve` (设备与访问),
 * kept in the database, so a running server sees a change at once.
 */
import { z } from 'zod';
import { deviceNameSchema, deviceRoles, type DeviceView } from '../../../shared/api/devices-api.js';
import { DeviceNameTakenError, DeviceNotFoundError, openDeviceStore, PAIRING_CODE_TTL_MS } from '../../core/store/devices.js';
import { newSecret, pairingLink } from '../../server/index.js';
import { parseFlags, required, url } from '../args.js';
import { usageError, UserError } from '../errors.js';

export const accessHelp = `livecue access list|add NAME --role view|control|revoke NAME|rename OLD NEW --db FILE [--json]
  The devices that may open livecue serve on FILE, each with its own token and role: view (the live
  figures, the OBS card, read-only requests) or control (everything). add makes a device and prints
  its token (for scripts: Authorization: Bearer) and a pairing link valid ${PAIRING_CODE_TTL_MS / 60_000} minutes, once
  (--url http://HOST:PORT/ makes it a whole address; opening it gives the browser a new token of
  that device). revoke stops a device's token at once and cuts its connections within a second.`;

const subcommands = ['list', 'add', 'revoke', 'rename'] as const;
const nameCount = { list: 0, add: 1, revoke: 1, rename: 2 } as const;

const flagSchema = z.object({
  db: required('--db'),
  role: z.enum(deviceRoles).optional(),
  url: url.optional(),
  json: z.boolean().default(false),
});

export async function access(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const [subcommand, ...rest] = argv;
  const parsedSubcommand = z.enum(subcommands).safeParse(subcommand);
  if (!parsedSubcommand.success) throw usageError(`access: choose one of ${subcommands.join(', ')}`);
  const command = parsedSubcommand.data;
  const names = rest.slice(0, nameCount[command]).map((name) => {
    const parsed = deviceNameSchema.safeParse(name?.startsWith('--') ? undefined : name);
    if (!parsed.success) throw usageError(`access ${command}: NAME: ${parsed.error.issues[0]?.message ?? 'a device needs a name'}`);
    return parsed.data;
  });
  const flags = parseFlags(rest.slice(nameCount[command]), { db: { type: 'string' }, role: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean' } }, flagSchema);
  if (command === 'add' && flags.role === undefined) throw usageError('--role: is required with add (view or control)');
  if (command !== 'add' && (flags.role !== undefined || flags.url !== undefined)) throw usageError('--role and --url only go with add');

  const store = await openDeviceStore(flags.db);
  try {
    const print = (value: unknown, text: string) => out.write(flags.json ? `${JSON.stringify(value)}\n` : `${text}\n`);
    const now = Date.now();
    switch (command) {
      case 'list': {
        const devices = store.list();
        print(devices, devices.length === 0 ? `${flags.db} has no device yet (livecue access add NAME --role view|control)` : devices.map(describe).join('\n'));
        return;
      }
      case 'add': {
        const [name] = names as [string];
        const role = flags.role ?? 'view';
        const token = newSecret();
        const code = newSecret();
        guard(() => {
          store.addWithToken(name, role, token, now);
          store.createPairing({ name, role, code, rekeys: true, now });
        });
        const link = flags.url === undefined ? `/?pair=${code}` : pairingLink(flags.url, '/', code);
        print(
          { name, role, token, url: link },
          [
            `added ${role} device "${name}"`,
            `  pairing link  ${link}   (valid ${PAIRING_CODE_TTL_MS / 60_000} minutes, once${flags.url === undefined ? '; append it to the address livecue serve prints' : ''})`,
            `  token         ${token}   (for scripts; opening the link replaces it)`,
          ].join('\n'),
        );
        return;
      }
      case 'revoke': {
        const device = guard(() => store.revoke(names[0]!, now));
        print(device, `revoked "${device.name}": its token no longer opens anything`);
        return;
      }
      case 'rename': {
        const device = guard(() => store.rename(names[0]!, names[1]!));
        print(device, `renamed "${names[0]}" to "${device.name}"`);
        return;
      }
    }
  } finally {
    store.close();
  }
}

/** The store's refusals are the user's to fix: one line, exit 1. */
function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DeviceNameTakenError || error instanceof DeviceNotFoundError) throw new UserError(error.message);
    throw error;
  }
}

const time = (at: number | null) => (at === null ? 'never' : new Date(at).toLocaleString('zh-CN', { hour12: false }));

function describe(device: DeviceView): string {
  const state = device.revokedAt === null ? `last seen ${time(device.lastSeenAt)}` : `revoked ${time(device.revokedAt)}`;
  const forbidden = device.forbiddenCount > 0 ? `  ${device.forbiddenCount} forbidden requests` : '';
  return `${device.name}  ${device.role}  added ${time(device.createdAt)}  ${state}${forbidden}`;
}
