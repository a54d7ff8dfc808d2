/**
 * The one IPC handler the renderer reaches (`ipcMain.handle` on
 * BRIDGE_CHANNELS.request), in the manner of VS Code's validatedIpcMain:
 * the sending frame must show our app:// page in one of our windows, the
 * request name must be one the bridge knows; the payload is then validated
 * again, against its zod schema, by the app in the core process.
 */
import { bridgeRequestSchemas, type BridgeReply, type BridgeRequestName } from '../../shared/api/bridge.js';
import { isTrustedSender } from './security.js';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

export interface BridgeHandlerOptions {
  request(name: BridgeRequestName, payload: unknown): Promise<BridgeReply<BridgeRequestName>>;
  /** True for the webContents of a window this app created. */
  isAppWindow(webContentsId: number): boolean;
  onRefused?(reason: string): void;
}

const refused = (message: string): BridgeReply<BridgeRequestName> => ({ ok: false, error: { code: 'bad_request', message } });

export const isBridgeRequestName = (name: unknown): name is BridgeRequestName =>
  typeof name === 'string' && Object.hasOwn(bridgeRequestSchemas, name);

export function bridgeRequestHandler(options: BridgeHandlerOptions) {
  return async (event: InvokeEvent, name: unknown, payload: unknown): Promise<BridgeReply<BridgeRequestName>> => {
    const frameUrl = event.senderFrame?.url;
    if (!isTrustedSender(frameUrl) || !options.isAppWindow(event.sender.id)) {
      const where = isTrustedSender(frameUrl) ? `webContents ${event.sender.id}, not an app window` : (frameUrl ?? 'no frame');
      options.onRefused?.(`IPC request refused from an untrusted sender (${where})`);
      return refused('request refused');
    }
    if (!isBridgeRequestName(name)) return refused(`unknown request ${typeof name === 'string' ? name.slice(0, 60) : typeof name}`);
    return options.request(name, payload);
  };
}
