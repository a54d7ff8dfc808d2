import type { SettingsView } from '../../../../shared/api/settings.js';
import { useAppStore, useI18n } from '../../app-context.js';
import { StatusPanel } from '../../common/StatusPanel.js';
import { DevicesSettings } from './DevicesSettings.js';
import { DataSettings } from './DataSettings.js';
import { GeneralSettings } from './GeneralSettings.js';
import { HeadlineSettings } from './HeadlineSettings.js';
import { HotkeySettings } from './HotkeySettings.js';
import { OverlaySettings } from './OverlaySettings.js';
import { RewriterSettings } from './RewriterSettings.js';
import { SettingsSection } from './SettingsSection.js';
import { SourceSettings } from './SourceSettings.js';

export function SettingsScreen() {
  const { t } = useI18n();
  const settings = useAppStore((s) => s.settings);
  const load = useAppStore((s) => s.settingsLoad);
  if (settings === null) {
    return (
      <main className="settings">
        {load.state === 'failed' ? (
          <StatusPanel tone="critical" title={t('settings.loadFailed', { error: load.error })} />
        ) : (
          <StatusPanel tone="neutral" title={t('settings.loading')} />
        )}
      </main>
    );
  }
  // Each form is keyed by what it edits: when the host's settings change, the form starts over from them.
  return (
    <main className="settings">
      <GeneralSettings language={settings.language} />
      <HeadlineSettings key={settings.headlineMetrics.join()} headline={settings.headlineMetrics} />
      <SourceSettings key={JSON.stringify([settings.source, settings.hasGatewayToken])} settings={settings} />
      <HotkeySettings key={JSON.stringify(settings.hotkeys)} hotkeys={settings.hotkeys} />
      <OverlaySettings key={JSON.stringify(settings.overlay)} overlay={settings.overlay} />
      <RewriterSettings key={JSON.stringify([settings.rewriter, settings.hasRewriterKey])} settings={settings} />
      <DevicesSettings />
      <StorageInfo settings={settings} />
      <DataSettings dataFolder={settings.dataFolder} />
    </main>
  );
}

function StorageInfo({ settings }: { settings: SettingsView }) {
  const { t } = useI18n();
  return (
    <SettingsSection title={t('settings.storage')}>
      <dl className="info-list">
        <div>
          <dt>{t('settings.dataFolder')}</dt>
          <dd>
            <code className="path">{settings.dataFolder}</code>
          </dd>
        </div>
        <div>
          <dt>{t('settings.tokenStorage')}</dt>
          <dd>{t(`tokenStorage.${settings.tokenStorage}`)}</dd>
        </div>
      </dl>
    </SettingsSection>
  );
}
