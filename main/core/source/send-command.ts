/**
 * Sends one command to the gateway and always resolves with a reply: the
 * gateway's own (validated), or an error reply saying why there is none.
 */
import { z } from 'zod';
import { commandReplySchema, describeRaw, type Command, type CommandReply } from '../../../shared/protocol/index.js';
import type { GatewaySocket } from './gateway-socket.js';
import type { SourceCommandErrorCode } from './types.js';

const failure = (code: SourceCommandErrorCode, message: string): CommandReply => ({ ok: false, error: { code, message } });

export async function sendCommand(
  socket: GatewaySocket | undefined,
  command: Command,
  timeoutMs: number,
): Promise<CommandReply> {
  // Not buffered for later: a card pinned a minute late is worse than an error now.
  if (!socket?.connected) return failure('offline', 'not connected to the gateway');
  let reply: unknown;
  try {
    reply = await socket.timeout(timeoutMs).emitWithAck('command', command);
  } catch {
    // socket.io rejects both on timeout and when the connection drops first.
    return socket.connected
      ? failure('timeout', `the gateway did not answer within ${timeoutMs} ms`)
      : failure('offline', 'the connection to the gateway dropped before it answered');
  }
  const parsed = commandReplySchema.safeParse(reply);
  return parsed.success
    ? parsed.data
    : failure('bad_reply', `the gateway answered with an invalid reply: ${z.prettifyError(parsed.error)} in ${describeRaw(reply)}`);
}
