import { useState } from 'react';
import type { Recap } from '../../../../shared/api/contract.js';
import type { MessageKey } from '../../../i18n/i18n.js';
import { useI18n } from '../../app-context.js';

type Row = Recap['products'][number];
type Column = { key: string; label: MessageKey; value(row: Row): number | null; kind: 'count' | 'money' | 'rate' | 'duration' };

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** The per-product table's columns; the rates as METRICS.md defines them (click users ÷ exposure users, buyers ÷ click users). */
const columns: readonly Column[] = [
  { key: 'timeOnAir', label: 'recap.product.timeOnAir', value: (r) => r.timeOnAirMs, kind: 'duration' },
  { key: 'exposureUsers', label: 'recap.product.exposureUsers', value: (r) => r.exposureUsers, kind: 'count' },
  { key: 'clickUsers', label: 'recap.product.clickUsers', value: (r) => r.clickUsers, kind: 'count' },
  { key: 'clickRate', label: 'recap.product.clickRate', value: (r) => ratio(r.clickUsers, r.exposureUsers), kind: 'rate' },
  { key: 'cartAdds', label: 'recap.product.cartAdds', value: (r) => r.cartAdds, kind: 'count' },
  { key: 'buyers', label: 'recap.product.buyers', value: (r) => r.buyers, kind: 'count' },
  { key: 'paidOrders', label: 'recap.product.paidOrders', value: (r) => r.paidOrders, kind: 'count' },
  { key: 'gmv', label: 'recap.product.gmv', value: (r) => r.gmv, kind: 'money' },
  { key: 'refunds', label: 'recap.product.refunds', value: (r) => r.refunds, kind: 'money' },
  { key: 'clickBuyRate', label: 'recap.product.clickBuyRate', value: (r) => ratio(r.buyers, r.clickUsers), kind: 'rate' },
  { key: 'gmvPerMinute', label: 'recap.product.gmvPerMinute', value: (r) => ratio(r.gmv, r.timeOnAirMs / 60_000), kind: 'money' },
];

/** Every product of the session with its funnel, money and time on air; sortable by any column (GMV first). */
export function ProductTable({ products }: { products: Recap['products'] }) {
  const { t, fmt } = useI18n();
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'gmv', descending: true });
  const column = columns.find((c) => c.key === sort.key) ?? columns[7]!;
  const rows = [...products].sort((a, b) => {
    const x = column.value(a) ?? -Infinity;
    const y = column.value(b) ?? -Infinity;
    return sort.descending ? y - x : x - y;
  });
  const show = (c: Column, value: number | null) =>
    c.kind === 'money' ? fmt.money(value === null ? null : Math.round(value)) : c.kind === 'rate' ? fmt.rate(value) : c.kind === 'duration' ? fmt.elapsed(value ?? 0) : fmt.count(value);
  if (products.length === 0) return <p className="empty">{t('recap.product.none')}</p>;
  return (
    <div className="recap__scroll">
      <table className="recap__table" data-testid="recap-products">
        <thead>
          <tr>
            <th>{t('recap.product.title')}</th>
            {columns.map((c) => (
              <th key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="recap__sort" data-testid={`recap-product-sort-${c.key}`} onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : true }))}>
                  {t(c.label)}
                  {sort.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.productId} data-testid="recap-product" data-product-id={r.productId}>
              <td>{r.title ?? r.productId}</td>
              {columns.map((c) => (
                <td key={c.key} className="num">
                  {show(c, c.value(r))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
