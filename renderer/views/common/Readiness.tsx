import type { Catalog } from '../../../shared/catalog/catalog.js';
import { autoCheckLabels } from '../../../shared/plan/labels.js';
import type { CheckFinding, ItemReadiness, Readiness } from '../../../shared/plan/readiness.js';
import type { I18n } from '../../i18n/i18n.js';
import { useI18n } from '../app-context.js';

/** What an automatic check found, in words: which products, which figures. */
export function describeFinding(finding: CheckFinding, catalog: Pick<Catalog, 'products'>, { t, fmt }: I18n): string {
  const title = (id: string) => catalog.products.find((p) => p.id === id)?.title ?? id;
  switch (finding.code) {
    case 'notInCart':
      return t('plan.finding.notInCart', { products: finding.productIds.map(title).join('、') });
    case 'stockShort':
      return t('plan.finding.stockShort', { products: finding.products.map((p) => `${title(p.id)} ${p.have === null ? '?' : fmt.count(p.have)}/${fmt.count(p.need)}`).join('、') });
    case 'priceDiffers':
      return t('plan.finding.priceDiffers', { products: finding.products.map((p) => `${title(p.id)} ${fmt.price(p.live)} ≠ ${fmt.price(p.planned)}`).join('、') });
    case 'heroPointsShort':
      return t('plan.finding.heroPointsShort', { products: finding.products.map((p) => `${title(p.id)}（${p.have}）`).join('、') });
    case 'linesFlagged':
      return t('plan.finding.linesFlagged', { terms: [...new Set(finding.points.flatMap((p) => p.terms))].join('、') });
    case 'nothingToCheck':
      return t('plan.finding.noHero');
  }
}

/** An item's title: what LiveCue checks is named by the check, in the reader's language. */
export function itemTitle(entry: ItemReadiness, language: I18n['language']): string {
  return entry.item.auto ? autoCheckLabels[entry.item.auto][language === 'zh-CN' ? 'zh' : 'en'] : entry.item.title;
}

/** The readiness score, large, with the blockers under it. */
export function ReadinessScore({ readiness, compact = false }: { readiness: Readiness; compact?: boolean }) {
  const { t } = useI18n();
  const tone = readiness.blockers.length > 0 ? 'critical' : readiness.score >= 100 ? 'ok' : 'warning';
  return (
    <div className={`readiness readiness--${tone} ${compact ? 'readiness--compact' : ''}`} data-testid="plan-readiness">
      <span className="readiness__score num" data-testid="plan-readiness-score">
        {readiness.score}
      </span>
      <span className="readiness__label">
        {t('plan.readiness')}
        <span className="readiness__blockers">{readiness.blockers.length > 0 ? t('plan.readiness.blockers', { count: readiness.blockers.length }) : t('plan.readiness.noBlockers')}</span>
      </span>
    </div>
  );
}
