import type { Recap } from '../../../../shared/api/contract.js';
import type { TrafficShare } from '../../../../shared/recap/funnel.js';
import { useI18n } from '../../app-context.js';
import { FunnelSteps } from '../../common/FunnelSteps.js';
import { RecapSection } from './RecapSection.js';
import { RecapTable, type Column } from './RecapTable.js';

/** 五维四率 of the session, and where its viewers and buyers came from. */
export function FunnelSection({ recap }: { recap: Recap }) {
  const { t, metricLabel } = useI18n();
  // The recap's rates are each step over the one before (shared/recap/funnel.ts), which is not always how METRICS.md defines the rate of the same name: say what they are.
  const ratio = (i: number) => t('recap.funnel.ratio', { to: metricLabel(recap.funnel[i]!.step), from: metricLabel(recap.funnel[i - 1]!.step) });
  return (
    <RecapSection title={t('recap.funnel')} testId="recap-funnel">
      <div className="recap__pair">
        <div className="funnel">
          {recap.funnel.length > 0 ? <FunnelSteps rows={recap.funnel} testIdPrefix="recap-funnel" rateLabel={ratio} /> : <p className="empty">{t('recap.funnel.none')}</p>}
        </div>
        <TrafficTable traffic={recap.traffic} />
      </div>
    </RecapSection>
  );
}

/** UV, buyers, GMV and conversion by traffic source, largest first; users the platform gave no source for are 未知. */
function TrafficTable({ traffic }: { traffic: TrafficShare[] }) {
  const { t, fmt } = useI18n();
  if (traffic.length === 0) return <p className="empty">{t('recap.traffic.none')}</p>;
  const uv = traffic.reduce((sum, s) => sum + s.uv, 0);
  const buyers = traffic.reduce((sum, s) => sum + s.buyers, 0);
  const rows = [...traffic].sort((a, b) => b.uv - a.uv || b.buyers - a.buyers);
  const columns: Column<TrafficShare>[] = [
    { key: 'source', label: t('recap.traffic.source'), cell: (s) => t(`recap.source.${s.source ?? 'unknown'}`) },
    { key: 'uv', label: t('recap.traffic.uv'), cell: (s) => `${fmt.count(s.uv)} · ${fmt.rate(uv ? s.uv / uv : null)}`, num: true },
    { key: 'buyers', label: t('recap.traffic.buyers'), cell: (s) => `${fmt.count(s.buyers)} · ${fmt.rate(buyers ? s.buyers / buyers : null)}`, num: true },
    { key: 'gmv', label: t('recap.traffic.gmv'), cell: (s) => fmt.money(s.gmv), num: true },
    { key: 'conversion', label: t('recap.traffic.conversion'), cell: (s) => fmt.rate(s.conversion), num: true },
  ];
  return (
    <div>
      <h4 className="recap__subtitle">{t('recap.traffic')}</h4>
      <RecapTable columns={columns} rows={rows} rowKey={(s) => s.source ?? 'unknown'} testId="recap-traffic" rowTestId="recap-traffic-row" />
    </div>
  );
}
