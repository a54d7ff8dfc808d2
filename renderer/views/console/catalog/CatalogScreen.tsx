import '../../../styles/catalog.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../../shared/catalog/catalog-api.js';
import { MAX_COUPON_CHARS, productCategories, type Catalog, type CatalogProduct, type ProductCategory } from '../../../../shared/catalog/catalog.js';
import { checkCatalogLine } from '../../../../shared/copilot/compliance.js';
import { useBridge, useI18n } from '../../app-context.js';
import { StatusPanel } from '../../common/StatusPanel.js';
import { BuyingPointCard } from './BuyingPointCard.js';
import type { DraftPoint } from './draft-point.js';
import { downloadCatalogFile, readCatalogFile } from './catalog-files.js';
import { FlagChips } from './FlagChips.js';
import { ImportPanel, useImportFlow } from './ImportFlow.js';
import { describeEntry, ImportHistory, UndoPanel, useUndo } from './ImportHistory.js';

type Load = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; catalog: Catalog };

const newPoint = (productId: string): DraftPoint => ({
  productId,
  audience: '',
  scenario: '',
  pain: '',
  benefit: '',
  proof: '',
  line: '',
  answers: [],
  keywords: [],
  origin: 'merchant',
  originNote: '',
  status: 'proposed',
});

/** 商品库: the catalog's products with their selling points and buying points; import (previewed, undoable), export, template. */
export function CatalogScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const bridge = useBridge();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  // Bumped after every import or undo, so an open history re-reads its entries.
  const [historyVersion, setHistoryVersion] = useState(0);
  const [adding, setAdding] = useState(0);
  const [proposal, setProposal] = useState<{ productId: string; message: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const fetchCatalog = useCallback(async (): Promise<Load> => {
    const reply = await bridge.request('getCatalog', {});
    return reply.ok ? { state: 'ready', catalog: reply.value } : { state: 'failed', error: reply.error.message };
  }, [bridge]);
  useEffect(() => {
    let mounted = true;
    void fetchCatalog().then((next) => {
      if (mounted) setLoad(next);
    });
    return () => {
      mounted = false;
    };
  }, [fetchCatalog]);
  const reload = useCallback(async () => setLoad(await fetchCatalog()), [fetchCatalog]);
  const afterHistoryChange = useCallback(async () => {
    setHistoryVersion((v) => v + 1);
    await reload();
  }, [reload]);
  const importer = useImportFlow(bridge, afterHistoryChange);
  const undoer = useUndo(bridge, afterHistoryChange);

  const importFile = async (file: File) => {
    undoer.close();
    // Refused here in the user's language; the host refuses a larger file too, whoever sends it.
    if (file.size > MAX_IMPORT_BYTES) return importer.fail(t('catalog.import.tooLarge', { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) }));
    const read = await readCatalogFile(file);
    if (!read) return importer.fail(t('catalog.import.wrongType'));
    await importer.start({ name: file.name, ...read });
  };
  const propose = async (productId: string) => {
    const reply = await bridge.request('proposeBuyingPoints', { productId });
    if (!reply.ok) return setProposal({ productId, message: t('catalog.saveFailed', { error: reply.error.message }) });
    const count = reply.value.length;
    setProposal({ productId, message: count > 0 ? t('catalog.propose.done', { count }) : t('catalog.propose.none') });
    await reload();
  };
  const download = async (request: 'exportCatalog' | 'catalogTemplate', format: 'csv' | 'xlsx') => {
    const reply = await bridge.request(request, { format });
    if (reply.ok) downloadCatalogFile(reply.value, request === 'exportCatalog' ? 'livecue-catalog' : 'livecue-catalog-template');
    else importer.fail(reply.error.message);
  };

  if (load.state !== 'ready') {
    return (
      <main className="catalog">
        <StatusPanel tone={load.state === 'failed' ? 'critical' : 'neutral'} title={load.state === 'failed' ? t('catalog.loadFailed', { error: load.error }) : t('catalog.loading')} />
      </main>
    );
  }
  const { catalog } = load;
  const product = catalog.products.find((p) => p.id === selected) ?? catalog.products[0] ?? null;

  return (
    <main className="catalog" data-testid="catalog">
      <div className="catalog__toolbar">
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,.xlsx"
          hidden
          data-testid="catalog-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="button button--primary" data-testid="catalog-import" onClick={() => fileInput.current?.click()}>
          {t('catalog.import')}
        </button>
        {(['csv', 'xlsx'] as const).map((format) => (
          <button key={`export-${format}`} type="button" className="button" data-testid={`catalog-export-${format}`} onClick={() => void download('exportCatalog', format)}>
            {t(`catalog.export.${format}`)}
          </button>
        ))}
        {(['csv', 'xlsx'] as const).map((format) => (
          <button key={`template-${format}`} type="button" className="button button--ghost" data-testid={`catalog-template-${format}`} onClick={() => void download('catalogTemplate', format)}>
            {t(`catalog.template.${format}`)}
          </button>
        ))}
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={showHistory}
          data-testid="catalog-history-toggle"
          onClick={() => setShowHistory((shown) => !shown)}
        >
          {t('catalog.history')}
        </button>
      </div>
      <ImportPanel
        controls={importer}
        onUndo={(entry) => {
          importer.close();
          void undoer.ask(entry, describeEntry(entry, [entry], i18n));
        }}
      />
      <UndoPanel controls={undoer} />
      {showHistory ? (
        <ImportHistory
          bridge={bridge}
          version={historyVersion}
          onUndo={(entry, label) => {
            importer.close();
            void undoer.ask(entry, label);
          }}
        />
      ) : null}
      {catalog.products.length === 0 ? (
        <StatusPanel tone="neutral" title={t('catalog.empty')} />
      ) : (
        <div className="catalog__body">
          <ul className="catalog__products panel" data-testid="catalog-products">
            {catalog.products.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={`catalog__product ${p.id === product?.id ? 'catalog__product--active' : ''}`}
                  data-testid="catalog-product"
                  data-product-id={p.id}
                  onClick={() => setSelected(p.id)}
                >
                  <span className="catalog__product-title">{p.title}</span>
                  <span className="catalog__product-meta">
                    {t(`catalog.category.${p.category}`)} · {t('catalog.pointCount', { count: catalog.buyingPoints.filter((b) => b.productId === p.id).length })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {product ? (
            <section className="catalog__detail" data-testid="catalog-detail">
              <ProductEditor key={JSON.stringify(product)} product={product} onSaved={reload} />
              <div className="catalog__points-head">
                <h3 className="panel__title">{t('catalog.buyingPoints')}</h3>
                <button type="button" className="button" data-testid="bp-propose" onClick={() => void propose(product.id)}>
                  {t('catalog.propose')}
                </button>
              </div>
              {proposal?.productId === product.id ? (
                <p className="catalog__propose-note" role="status" data-testid="bp-propose-note">
                  {proposal.message}
                </p>
              ) : null}
              {catalog.buyingPoints
                .filter((b) => b.productId === product.id)
                .map((b) => (
                  <BuyingPointCard
                    key={JSON.stringify([b, product.category])}
                    point={b}
                    product={product}
                    onSave={async (draft) => savePoint(draft)}
                    onDelete={() => void bridge.request('deleteBuyingPoint', { id: b.id }).then(reload)}
                  />
                ))}
              {adding > 0 ? (
                <BuyingPointCard
                  key={`new-${product.id}-${adding}`}
                  point={newPoint(product.id)}
                  product={product}
                  onSave={async (draft) => {
                    const error = await savePoint(draft);
                    if (error === null) setAdding(0);
                    return error;
                  }}
                />
              ) : (
                <button type="button" className="button" data-testid="bp-add" onClick={() => setAdding((n) => n + 1)}>
                  {t('catalog.addPoint')}
                </button>
              )}
            </section>
          ) : null}
        </div>
      )}
    </main>
  );

  async function savePoint(draft: DraftPoint): Promise<string | null> {
    const reply = await bridge.request('saveBuyingPoint', draft);
    if (!reply.ok) return t('catalog.saveFailed', { error: reply.error.message });
    await reload();
    return null;
  }
}

function ProductEditor({ product, onSaved }: { product: CatalogProduct; onSaved: () => Promise<void> }) {
  const { t, fmt } = useI18n();
  const bridge = useBridge();
  const [category, setCategory] = useState<ProductCategory>(product.category);
  const [coupon, setCoupon] = useState(product.coupon);
  const [points, setPoints] = useState(product.sellingPoints.join('\n'));
  const [error, setError] = useState<string | null>(null);
  // The co-pilot reads a coupon out word for word, so it must pass the same check as a line (its own figures do).
  const couponFlags = checkCatalogLine(coupon, { category, price: product.price, coupon });
  const save = async () => {
    const sellingPoints = points
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const reply = await bridge.request('saveProduct', { id: product.id, category, coupon: coupon.trim(), sellingPoints });
    if (!reply.ok) return setError(t('catalog.saveFailed', { error: reply.error.message }));
    setError(null);
    await onSaved();
  };
  return (
    <div className="panel catalog__product-editor" data-testid="product-editor">
      <h2 className="catalog__title">{product.title}</h2>
      <p className="catalog__product-meta">
        {product.id} · {product.price === null ? t('catalog.noPrice') : fmt.price(product.price)}
      </p>
      <label className="field">
        <span className="field__label">{t('catalog.category')}</span>
        <select className="input" value={category} data-testid="product-category" onChange={(e) => setCategory(e.target.value as ProductCategory)}>
          {productCategories.map((c) => (
            <option key={c} value={c}>
              {t(`catalog.category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('catalog.coupon')}</span>
        <input
          className="input"
          value={coupon}
          maxLength={MAX_COUPON_CHARS}
          placeholder={t('catalog.coupon.placeholder')}
          data-testid="product-coupon"
          onChange={(e) => setCoupon(e.target.value)}
        />
        {couponFlags.length > 0 ? (
          <span className="field__hint" data-testid="coupon-flags">
            {t('catalog.coupon.flagged')} <FlagChips flags={couponFlags} />
          </span>
        ) : null}
      </label>
      <label className="field">
        <span className="field__label">{t('catalog.sellingPoints')}</span>
        {/* Grows with its lines (one selling point a line), so none is cut off. */}
        <textarea
          className="input catalog__selling-points"
          rows={Math.max(3, points.split('\n').length + 1)}
          value={points}
          data-testid="product-selling-points"
          onChange={(e) => setPoints(e.target.value)}
        />
      </label>
      <button type="button" className="button button--primary" data-testid="product-save" onClick={() => void save()}>
        {t('catalog.saveProduct')}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
