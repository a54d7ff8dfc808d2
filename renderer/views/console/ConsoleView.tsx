import '../../styles/console.css';
import { ALL_SHORTCUTS, useWindowShortcuts } from '../../shortcuts/use-window-shortcuts.js';
import { selectViewPhase } from '../../state/selectors.js';
import { useAppStore } from '../app-context.js';
import { PhasePanel } from '../common/PhasePanel.js';
import { AlertsPanel } from './AlertsPanel.js';
import { CommentStream } from './CommentStream.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { ConsoleHeader } from './ConsoleHeader.js';
import { EndedSummary } from './EndedSummary.js';
import { Funnel } from './Funnel.js';
import { AllMetrics, HeadlineFigures } from './MetricTiles.js';
import { MinuteCharts } from './MinuteCharts.js';
import { NoticeToast } from './NoticeToast.js';
import { ProductList } from './ProductList.js';
import { CatalogScreen } from './catalog/CatalogScreen.js';
import { PlanScreen } from './plan/PlanScreen.js';
import { RecapScreen } from './recap/RecapScreen.js';
import { PlanProgress } from './PlanProgress.js';
import { PlanReminder } from './PlanReminder.js';
import { StartConfirm } from './StartConfirm.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { TalkingPoints } from './TalkingPoints.js';
import { ShortcutHelp } from './ShortcutHelp.js';

/** The assistant's console: a dense, scannable screen for 1440×900, and one column on a phone. */
export function ConsoleView() {
  useWindowShortcuts(ALL_SHORTCUTS);
  const screen = useAppStore((s) => s.screen);
  return (
    <div className="console">
      <ConsoleHeader />
      <ConnectionBanner />
      {screen === 'settings' ? <SettingsScreen /> : screen === 'catalog' ? <CatalogScreen /> : screen === 'plan' ? <PlanScreen /> : screen === 'recap' ? <RecapScreen /> : <LiveScreen />}
      <StartConfirm />
      <PlanReminder />
      <ShortcutHelp />
      <NoticeToast />
    </div>
  );
}

function LiveScreen() {
  const phase = useAppStore(selectViewPhase);
  const stale = useAppStore((s) => s.transport.state === 'disconnected');
  if (phase !== 'live' && phase !== 'ended') {
    return (
      <main className="console__status">
        <PhasePanel phase={phase} />
      </main>
    );
  }
  // While the page's own link is down the figures are frozen: dimmed, so nobody reads them as live.
  // The products with their pin buttons are the middle of the screen, under the few headline figures;
  // every other figure waits folded below them. Below 768 px the page is one column, products first
  // (console.css reorders these panels there).
  return (
    <main className={`dashboard ${stale ? 'dashboard--stale' : ''}`}>
      <div className="dashboard__main">
        {phase === 'ended' ? <EndedSummary /> : null}
        <HeadlineFigures />
        <div className="dashboard__row">
          <ProductList />
          <Funnel />
        </div>
        <AllMetrics />
        <MinuteCharts />
      </div>
      <aside className="dashboard__side">
        <PlanProgress />
        <TalkingPoints />
        <AlertsPanel />
        <CommentStream />
      </aside>
    </main>
  );
}
