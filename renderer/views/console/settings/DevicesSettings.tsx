import { useCallback, useEffect, useState } from 'react';
import type { BridgeReply, BridgeRequestName } from '../../../../shared/api/bridge.js';
import { deviceRoles, type DevicePairing, type DeviceRole, type DeviceView } from '../../../../shared/api/devices-api.js';
import { useBridge, useI18n } from '../../app-context.js';
import { Field, SettingsSection } from './SettingsSection.js';

const pages = [
  { path: '/', label: 'devices.page.console' },
  { path: '/overlay', label: 'devices.page.overlay' },
  { path: '/obs/card', label: 'devices.page.obs' },
] as const;
type PagePath = (typeof pages)[number]['path'];

/** `OBS`, or `OBS 2`, `OBS 3`… when that name is taken: the OBS link is one press, whatever devices exist. */
const freeName = (base: string, devices: readonly DeviceView[]) => {
  const taken = new Set(devices.map((device) => device.name));
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base} ${n}`;
  return name;
};

/**
 * 设备与访问: the devices that may open the web host, and pairing a new one
 * with a QR code. The web host alone has devices (the desktop app has no
 * other way in), so the section shows only there.
 */
export function DevicesSettings() {
  const bridge = useBridge();
  const { t, language } = useI18n();
  const [devices, setDevices] = useState<DeviceView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pairing, setPairing] = useState<DevicePairing | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<DeviceRole>('view');
  const [path, setPath] = useState<PagePath>('/');

  /** A refusal is shown under the section; the value, when there is one, is handed back. */
  const ask = useCallback(async <N extends BridgeRequestName>(reply: Promise<BridgeReply<N>>) => {
    const answer = await reply;
    setError(answer.ok ? null : answer.error.message);
    return answer.ok ? answer.value : null;
  }, []);
  // Fetched when shown and again after every change (`version`).
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    if (bridge.transport !== 'web') return;
    let mounted = true;
    void bridge.request('listDevices', {}).then((reply) => {
      if (!mounted) return;
      if (reply.ok) setDevices(reply.value);
      else setError(reply.error.message);
    });
    return () => {
      mounted = false;
    };
  }, [bridge, version]);

  if (bridge.transport !== 'web') return null;

  const add = async (request: { name: string; role: DeviceRole; path: PagePath }) => {
    const made = await ask(bridge.request('addDevice', request));
    if (made !== null) setPairing(made);
  };
  const revoke = async (device: DeviceView) => {
    if ((await ask(bridge.request('revokeDevice', { name: device.name }))) !== null) reload();
  };
  const rename = async (device: DeviceView, newName: string) => {
    if ((await ask(bridge.request('renameDevice', { name: device.name, newName }))) !== null) reload();
  };
  const when = (at: number | null) => (at === null ? t('devices.never') : new Date(at).toLocaleString(language));

  return (
    <SettingsSection title={t('devices.title')} error={error} testId="settings-devices">
      <p className="field__hint">{t('devices.hint')}</p>
      {devices.length === 0 ? (
        <p>{t('devices.empty')}</p>
      ) : (
        <table className="devices" data-testid="devices-list">
          <thead>
            <tr>
              <th>{t('devices.name')}</th>
              <th>{t('devices.role')}</th>
              <th>{t('devices.lastSeen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <DeviceRow key={device.name} device={device} lastSeen={when(device.lastSeenAt)} onRevoke={revoke} onRename={rename} />
            ))}
          </tbody>
        </table>
      )}
      <div className="settings__row">
        <Field label={t('devices.name')}>
          <input className="input" value={name} maxLength={40} data-testid="devices-new-name" onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('devices.role')}>
          <select className="input" value={role} data-testid="devices-new-role" onChange={(e) => setRole(e.target.value === 'control' ? 'control' : 'view')}>
            {deviceRoles.map((r) => (
              <option key={r} value={r}>
                {t(`devices.role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('devices.page')}>
          <select className="input" value={path} onChange={(e) => setPath(pages.find((page) => page.path === e.target.value)?.path ?? '/')}>
            {pages.map((page) => (
              <option key={page.path} value={page.path}>
                {t(page.label)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="settings__actions">
        <button type="button" className="button button--primary" disabled={name.trim() === ''} data-testid="devices-add" onClick={() => void add({ name: name.trim(), role, path })}>
          {t('devices.add')}
        </button>
        <button type="button" className="button" data-testid="devices-obs-link" onClick={() => void add({ name: freeName('OBS', devices), role: 'view', path: '/obs/card' })}>
          {t('devices.obsLink')}
        </button>
      </div>
      {pairing ? (
        <figure className="pairing" data-testid="devices-pairing">
          <img src={pairing.qrCode} alt={t('devices.qrAlt')} width={200} height={200} />
          <figcaption>
            <strong>{t('devices.pairingFor', { name: pairing.name })}</strong>
            <code className="path" data-testid="devices-pairing-link">
              {pairing.url}
            </code>
            <span className="field__hint">{t('devices.pairingHint', { time: new Date(pairing.expiresAt).toLocaleTimeString(language) })}</span>
            {pairing.certificateFingerprint === null ? null : (
              <span className="field__hint">
                {t('devices.certificate')} <code data-testid="devices-pairing-fingerprint">{pairing.certificateFingerprint}</code>
              </span>
            )}
          </figcaption>
        </figure>
      ) : null}
    </SettingsSection>
  );
}

function DeviceRow({
  device,
  lastSeen,
  onRevoke,
  onRename,
}: {
  device: DeviceView;
  lastSeen: string;
  onRevoke: (device: DeviceView) => Promise<void>;
  onRename: (device: DeviceView, newName: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const revoked = device.revokedAt !== null;
  return (
    <tr data-testid="device-row" className={revoked ? 'device--revoked' : undefined}>
      <td>
        {editing === null ? (
          device.name
        ) : (
          <input className="input" value={editing} maxLength={40} aria-label={t('devices.name')} onChange={(e) => setEditing(e.target.value)} />
        )}
      </td>
      <td>{t(`devices.role.${device.role}`)}</td>
      <td>
        {revoked ? t('devices.revoked') : lastSeen}
        {device.forbiddenCount > 0 ? <span className="field__hint"> {t('devices.forbidden', { count: device.forbiddenCount })}</span> : null}
      </td>
      <td>
        {editing === null ? (
          <>
            <button type="button" className="button button--small" onClick={() => setEditing(device.name)}>
              {t('devices.rename')}
            </button>
            {revoked ? null : (
              <button type="button" className="button button--small button--ghost" data-testid="device-revoke" onClick={() => void onRevoke(device)}>
                {t('devices.revoke')}
              </button>
            )}
          </>
        ) : (
          <>
            <button type="button" className="button button--small" disabled={editing.trim() === ''} onClick={() => void onRename(device, editing.trim()).then(() => setEditing(null))}>
              {t('devices.save')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setEditing(null)}>
              {t('devices.cancel')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
