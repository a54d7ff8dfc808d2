import type { CatalogChanges, FieldChange, FieldValue, ItemChange, ItemRef, KindChanges } from '../../../../shared/catalog/import.js';
import { commentIntents, type CommentIntent } from '../../../../shared/comments/intents.js';
import { buyingPointOrigins, buyingPointStatuses, productCategories, type BuyingPoint, type ProductCategory } from '../../../../shared/catalog/catalog.js';
import type { I18n, MessageKey } from '../../../i18n/i18n.js';
import { useI18n } from '../../app-context.js';

const KINDS = ['products', 'buyingPoints'] as const;
const COUNTS = ['added', 'changed', 'removed', 'unchanged'] as const;

/** What an import or an undo does: a count table, and on demand every item and every changed field. */
export function ChangeSummary({ changes, testId }: { changes: CatalogChanges; testId: string }) {
  const { t, fmt } = useI18n();
  return (
    <div className="changes" data-testid={testId}>
      <table className="changes__counts">
        <thead>
          <tr>
            <th>{t('catalog.changes.kind')}</th>
            {COUNTS.map((c) => (
              <th key={c} className="num">
                {t(`catalog.changes.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => (
            <tr key={kind} data-testid={`changes-${kind}`}>
              <th scope="row">{t(`catalog.changes.${kind}`)}</th>
              {COUNTS.map((c) => (
                <td key={c} className={`num changes__count changes__count--${c}`} data-count={c}>
                  {fmt.count(changes[kind].counts[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <details className="changes__details">
        <summary>{t('catalog.changes.details')}</summary>
        {KINDS.map((kind) => (
          <KindDetails key={kind} kind={kind} changes={changes[kind]} />
        ))}
      </details>
    </div>
  );
}

function KindDetails({ kind, changes }: { kind: (typeof KINDS)[number]; changes: KindChanges }) {
  const { t } = useI18n();
  const lists = [
    ['added', changes.added, changes.counts.added],
    ['changed', changes.changed, changes.counts.changed],
    ['removed', changes.removed, changes.counts.removed],
  ] as const;
  return (
    <>
      {lists.map(([which, items, total]) =>
        items.length === 0 ? null : (
          <section key={which} className={`changes__list changes__list--${which}`} data-testid={`changes-${kind}-${which}`}>
            <h4>
              {t(`catalog.changes.${kind}`)} · {t(`catalog.changes.${which}`)}
            </h4>
            <ul>
              {items.map((item) => (
                <ChangedItem key={item.id} item={item} />
              ))}
            </ul>
            {total > items.length ? <p className="changes__more">{t('catalog.changes.more', { count: total - items.length })}</p> : null}
          </section>
        ),
      )}
    </>
  );
}

function ChangedItem({ item }: { item: ItemRef | ItemChange }) {
  const i18n = useI18n();
  return (
    <li data-item-id={item.id}>
      <span className="changes__label">{item.label}</span>
      <span className="changes__id">
        {item.id}
        {item.productId ? ` · ${i18n.t('catalog.changes.ofProduct', { id: item.productId })}` : ''}
      </span>
      {'fields' in item ? (
        <ul className="changes__fields">
          {item.fields.map((f) => (
            <li key={f.field} data-field={f.field}>
              <span className="changes__field">{i18n.t(`catalog.field.${f.field}` as MessageKey)}</span>
              <del>{showValue(f, f.before, i18n)}</del>
              <span aria-hidden="true"> → </span>
              <ins>{showValue(f, f.after, i18n)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** A field's value as the catalog editor shows it: prices as money, categories, intents and statuses by their names. */
function showValue(change: FieldChange, value: FieldValue, { t, fmt, intentLabel }: I18n): string {
  if (value === null) return change.field === 'price' ? t('catalog.noPrice') : t('catalog.changes.empty');
  if (Array.isArray(value)) {
    const items = change.field === 'answers' ? value.map((v) => (isOneOf<CommentIntent>(commentIntents, v) ? intentLabel(v) : v)) : value;
    return items.length === 0 ? t('catalog.changes.empty') : items.join('｜');
  }
  if (change.field === 'price' && typeof value === 'number') return fmt.price(value);
  if (change.field === 'category' && isOneOf<ProductCategory>(productCategories, value)) return t(`catalog.category.${value}`);
  if (change.field === 'status' && isOneOf<BuyingPoint['status']>(buyingPointStatuses, value)) return t(`catalog.status.${value}`);
  if (change.field === 'origin' && isOneOf<BuyingPoint['origin']>(buyingPointOrigins, value)) return t(`catalog.origin.${value}`);
  return value === '' ? t('catalog.changes.empty') : String(value);
}
