/**
 * The device requests (设备与访问) where no web host runs — the desktop
 * app: the web host (`livecue serve`) answers them itself, before they
 * reach the dispatcher; anywhere else there are no devices to manage.
 */
export class DevicesUnavailableError extends Error {
  override readonly name = 'DevicesUnavailableError';
  constructor() {
    super('devices are managed by the web host (livecue serve, or `livecue access`)');
  }
}

const refuse = (): never => {
  throw new DevicesUnavailableError();
};

export const devicesElsewhere = { listDevices: refuse, addDevice: refuse, revokeDevice: refuse, renameDevice: refuse };
