import type { Recap, RecapLayers } from '../../../../shared/api/contract.js';
import { layersAtEntry, userLayers, type LayerAtEntry, type LayerMove, type LayerShare } from '../../../../shared/recap/layers.js';
import { useI18n } from '../../app-context.js';
import { RecapSection } from './RecapSection.js';
import { RecapTable, type Column } from './RecapTable.js';
import { StackedBar } from './StackedBar.js';

type TrendRow = RecapLayers['trend'][number];

/** 五层用户资产: the session's users by the layer they had at entry, who moved up, and the room's layers over its latest sessions. */
export function LayersSection({ recap }: { recap: Recap }) {
  const { t } = useI18n();
  const layers = recap.layers;
  return (
    <RecapSection title={t('recap.layers')} testId="recap-layers">
      {layers.provisional ? (
        <p className="recap__notice" role="note" data-testid="recap-layers-provisional">
          {t('recap.layers.provisional')}
        </p>
      ) : null}
      <div className="recap__pair">
        <AtEntry shares={layers.atEntry} />
        <Moves moves={layers.moves} />
      </div>
      <Trend trend={layers.trend} current={recap.session.id} />
    </RecapSection>
  );
}

function useLayerName(): (layer: LayerAtEntry) => string {
  const { t } = useI18n();
  return (layer) => t(`recap.layer.${layer}`);
}

function AtEntry({ shares }: { shares: LayerShare[] }) {
  const { t, fmt } = useI18n();
  const name = useLayerName();
  const gmv = shares.reduce((sum, s) => sum + s.gmv, 0);
  const columns: Column<LayerShare>[] = [
    { key: 'layer', label: t('recap.layers.layer'), cell: (s) => name(s.layer) },
    { key: 'uv', label: t('recap.traffic.uv'), cell: (s) => fmt.count(s.uv), num: true },
    { key: 'buyers', label: t('recap.traffic.buyers'), cell: (s) => fmt.count(s.buyers), num: true },
    { key: 'gmv', label: t('recap.traffic.gmv'), cell: (s) => `${fmt.money(s.gmv)} · ${fmt.rate(gmv ? s.gmv / gmv : null)}`, num: true },
  ];
  return (
    <div>
      <h4 className="recap__subtitle">{t('recap.layers.atEntry')}</h4>
      {shares.length === 0 ? <p className="empty">{t('recap.layers.none')}</p> : <RecapTable columns={columns} rows={shares} rowKey={(s) => s.layer} testId="recap-layers-entry" rowTestId="recap-layer-entry" />}
    </div>
  );
}

/** The moves as a table and as one bar per layer reached, split by the layer users came from. */
function Moves({ moves }: { moves: LayerMove[] }) {
  const { t, fmt } = useI18n();
  const name = useLayerName();
  const columns: Column<LayerMove>[] = [
    { key: 'move', label: t('recap.layers.move'), cell: (m) => `${name(m.from)} → ${name(m.to)}` },
    { key: 'users', label: t('recap.layers.users'), cell: (m) => fmt.count(m.users), num: true },
  ];
  const reached = userLayers.map((to) => ({ to, parts: layersAtEntry.map((from) => ({ key: from, name: name(from), value: moves.find((m) => m.from === from && m.to === to)?.users ?? 0 })) }));
  const largest = Math.max(0, ...reached.map((r) => r.parts.reduce((sum, p) => sum + p.value, 0)));
  return (
    <div>
      <h4 className="recap__subtitle">{t('recap.layers.moves')}</h4>
      {moves.length === 0 ? (
        <p className="empty">{t('recap.layers.noMoves')}</p>
      ) : (
        <>
          <div className="recap__bars" data-testid="recap-layers-bars">
            {reached
              .filter((r) => r.parts.some((p) => p.value > 0))
              .map((r) => (
                <div key={r.to} className="recap__bar-row">
                  <span className="recap__bar-label">{t('recap.layers.into', { layer: name(r.to) })}</span>
                  <StackedBar parts={r.parts} scale={largest} label={t('recap.layers.into', { layer: name(r.to) })} />
                </div>
              ))}
          </div>
          <LayerKey layers={layersAtEntry} />
          <RecapTable columns={columns} rows={moves} rowKey={(m) => `${m.from}>${m.to}`} testId="recap-layers-moves" rowTestId="recap-layer-move" />
        </>
      )}
    </div>
  );
}

function Trend({ trend, current }: { trend: TrendRow[]; current: string }) {
  const { t, fmt, language } = useI18n();
  const name = useLayerName();
  const total = (row: TrendRow) => userLayers.reduce((sum, layer) => sum + row.sizes[layer], 0);
  const largest = Math.max(0, ...trend.map(total));
  const columns: Column<TrendRow>[] = [
    { key: 'session', label: t('recap.layers.session'), cell: (r) => `${new Date(r.startedAt).toLocaleString(language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })}${r.sessionId === current ? ` · ${t('recap.layers.thisSession')}` : ''}` },
    { key: 'bar', label: t('recap.layers.sizes'), cell: (r) => <StackedBar parts={userLayers.map((layer) => ({ key: layer, name: name(layer), value: r.sizes[layer] }))} scale={largest} label={t('recap.layers.sizes')} /> },
    ...userLayers.map((layer): Column<TrendRow> => ({ key: layer, label: name(layer), cell: (r) => fmt.count(r.sizes[layer]), num: true })),
    { key: 'loyal', label: t('recap.layers.loyalShare'), cell: (r) => fmt.rate(r.loyalGmvShare), num: true },
  ];
  return (
    <div>
      <h4 className="recap__subtitle">{t('recap.layers.trend')}</h4>
      {trend.length === 0 ? <p className="empty">{t('recap.layers.noTrend')}</p> : <RecapTable columns={columns} rows={trend} rowKey={(r) => r.sessionId} testId="recap-layers-trend" rowTestId="recap-layer-trend" />}
      <LayerKey layers={userLayers} />
    </div>
  );
}

function LayerKey({ layers }: { layers: readonly LayerAtEntry[] }) {
  const name = useLayerName();
  return (
    <ul className="recap__legend-items" aria-hidden="true">
      {layers.map((layer) => (
        <li key={layer} className="recap__legend-item">
          <span className={`recap__swatch recap__layer--${layer}`} />
          {name(layer)}
        </li>
      ))}
    </ul>
  );
}
