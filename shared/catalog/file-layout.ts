/**
 * The catalog as spreadsheet rows: CSV text (RFC 4180) and the two tables an
 * XLSX workbook holds, with validation that names every problem by sheet,
 * row and column as the user sees them in a spreadsheet (header = row 1).
 *
 * File layout
 * - XLSX: two worksheets, 商品 (products) and 买点 (buying points), each with
 *   its own header row.
 * - CSV: one file; the 类型 (kind) column says what a row is: 商品 or 买点.
 *   A product row leaves the buying-point columns empty and the other way round.
 * - Columns may come in any order, and an optional one may be left out: it
 *   reads as empty, so a file written before a column existed (优惠券) still imports.
 * - Headers are Chinese; the English key of each column is accepted too:
 *
 *   | key            | header   | on       | value |
 *   | ---            | ---      | ---      | --- |
 *   | kind           | 类型     | CSV only | 商品 / 买点 (product / buying_point) |
 *   | id             | 编号     | both     | product id, or the buying point's own id |
 *   | product_id     | 商品编号 | 买点     | the product it belongs to |
 *   | title          | 商品名称 | 商品     | |
 *   | category       | 类目     | 商品     | 护肤 彩妆 服饰 食品 家居 母婴 数码 其他 (or skincare, makeup, …); empty = 其他 |
 *   | price_yuan     | 价格（元）| 商品     | yuan, up to 2 decimals; empty = unknown |
 *   | coupon         | 优惠券   | 商品     | as the card on air shows it (满199减30), up to 40 characters; empty or no column = none |
 *   | selling_points | 卖点     | 商品     | separated by ｜ or \| |
 *   | audience … proof | 人群 场景 痛点 利益点 证据 | 买点 | text |
 *   | line           | 话术     | 买点     | what the host says; required |
 *   | answers        | 回答问题 | 买点     | comment intents as named in Chinese (适用人群, 效果, …) or their keys (suitability, …), separated by ｜ |
 *   | keywords       | 关键词   | 买点     | separated by ｜ |
 *   | origin         | 来源     | 买点     | 商家 类目 观众 助手 (merchant, …); empty = 商家 |
 *   | origin_note    | 来源说明 | 买点     | |
 *   | status         | 状态     | 买点     | 已采用 待定 已弃用 (accepted, proposed, rejected); empty = 已采用 |
 *
 * An accepted buying point whose line fails the 真诚经营 check is a problem:
 * a flagged line is never accepted. A buying point may belong to a product
 * the file does not list when the catalog it merges into has it. Problems
 * are codes (import-problems.ts): the screen that shows them words them.
 */
import { commentIntentLabels, commentIntents } from '../comments/intents.js';
import type { buyingPointOrigins, buyingPointStatuses } from './catalog.js';
import {
  buyingPointSchema,
  catalogProductSchema,
  productCategoryLabels,
  type BuyingPoint,
  type Catalog,
  type CatalogProduct,
} from './catalog.js';
import type { IncomingCatalog, PointField, ProductField } from './import.js';
import { checkCatalogLine } from '../copilot/compliance.js';
import { csvDelimiterOf, parseCsv, toCsv } from '../format/csv.js';
import { problem, type ImportProblem, type ImportProblemCode, type ImportProblemParams } from './import-problems.js';

export type { ImportProblem } from './import-problems.js';
export type CatalogFormat = 'csv' | 'xlsx';

export type CatalogParse = ({ ok: true } & IncomingCatalog) | { ok: false; problems: ImportProblem[] };

/** What the file is read against: the products of the catalog it will merge into (none for a replace). */
export interface ParseContext {
  knownProducts?: readonly CatalogProduct[];
}

export const SHEET_NAMES = { products: '商品', buyingPoints: '买点' } as const;
export const CSV_SHEET = 'CSV';

const COLUMNS = {
  kind: '类型',
  id: '编号',
  product_id: '商品编号',
  title: '商品名称',
  category: '类目',
  price_yuan: '价格（元）',
  coupon: '优惠券',
  selling_points: '卖点',
  audience: '人群',
  scenario: '场景',
  pain: '痛点',
  benefit: '利益点',
  proof: '证据',
  line: '话术',
  answers: '回答问题',
  keywords: '关键词',
  origin: '来源',
  origin_note: '来源说明',
  status: '状态',
} as const;
type ColumnKey = keyof typeof COLUMNS;

const PRODUCT_COLUMNS = ['id', 'title', 'category', 'price_yuan', 'coupon', 'selling_points'] as const satisfies readonly ColumnKey[];
const POINT_COLUMNS = [
  'id',
  'product_id',
  'audience',
  'scenario',
  'pain',
  'benefit',
  'proof',
  'line',
  'answers',
  'keywords',
  'origin',
  'origin_note',
  'status',
] as const satisfies readonly ColumnKey[];
const CSV_COLUMNS: readonly ColumnKey[] = ['kind', ...PRODUCT_COLUMNS, ...POINT_COLUMNS.filter((c) => c !== 'id')];

const REQUIRED = { products: ['id', 'title'], buyingPoints: ['id', 'product_id', 'line'] } as const;

const CATEGORY_LABELS = productCategoryLabels;
const STATUS_LABELS: Record<(typeof buyingPointStatuses)[number], string> = { accepted: '已采用', proposed: '待定', rejected: '已弃用' };
const ORIGIN_LABELS: Record<(typeof buyingPointOrigins)[number], string> = { merchant: '商家', category: '类目', audience: '观众', assistant: '助手' };
const KIND_LABELS = { products: '商品', buyingPoints: '买点' } as const;
const KINDS = new Map<string, 'products' | 'buyingPoints'>([
  ['商品', 'products'],
  ['product', 'products'],
  ['买点', 'buyingPoints'],
  ['buying_point', 'buyingPoints'],
]);

const intentFromLabel = (text: string) => fromLabel(commentIntentLabels, text);

/** Reads a label or its key back to the key. */
function fromLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const lower = text.toLowerCase();
  return (Object.keys(labels) as K[]).find((key) => key === lower || labels[key] === text);
}

const LIST_SEPARATOR = /[｜|]/;
const splitList = (text: string): string[] =>
  text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const joinList = (items: readonly string[]): string => items.join('｜');

const yuan = (fen: number | null): string => (fen === null ? '' : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

/** Yuan as written (129.9, ¥129.90, 1,299) → fen; undefined when it is not an amount. */
function parseYuan(text: string): number | undefined {
  const cleaned = text.replace(/^[¥￥]\s*/, '').replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const fen = Number(cleaned) * 100;
  const rounded = Math.round(fen);
  return Math.abs(fen - rounded) < 1e-6 && Number.isSafeInteger(rounded) ? rounded : undefined;
}

// ---------------------------------------------------------------- tables

/** A sheet's rows as text, with the row number each has in the file. */
export interface SheetTable {
  sheet: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** The two tables of a workbook (headers and rows), for the XLSX writer. */
export function catalogToTables(catalog: Catalog): { products: string[][]; buyingPoints: string[][] } {
  return {
    products: [PRODUCT_COLUMNS.map((c) => COLUMNS[c]), ...catalog.products.map((p) => PRODUCT_COLUMNS.map((c) => productCell(p, c)))],
    buyingPoints: [POINT_COLUMNS.map((c) => COLUMNS[c]), ...catalog.buyingPoints.map((b) => POINT_COLUMNS.map((c) => pointCell(b, c)))],
  };
}

function productCell(p: CatalogProduct, column: ColumnKey): string {
  switch (column) {
    case 'kind':
      return KIND_LABELS.products;
    case 'id':
      return p.id;
    case 'title':
      return p.title;
    case 'category':
      return CATEGORY_LABELS[p.category];
    case 'price_yuan':
      return yuan(p.price);
    case 'coupon':
      return p.coupon;
    case 'selling_points':
      return joinList(p.sellingPoints);
    default:
      return '';
  }
}

function pointCell(b: BuyingPoint, column: ColumnKey): string {
  switch (column) {
    case 'kind':
      return KIND_LABELS.buyingPoints;
    case 'id':
      return b.id;
    case 'product_id':
      return b.productId;
    case 'audience':
    case 'scenario':
    case 'pain':
    case 'benefit':
    case 'proof':
    case 'line':
      return b[column];
    case 'answers':
      return joinList(b.answers.map((a) => commentIntentLabels[a]));
    case 'keywords':
      return joinList(b.keywords);
    case 'origin':
      return ORIGIN_LABELS[b.origin];
    case 'origin_note':
      return b.originNote;
    case 'status':
      return STATUS_LABELS[b.status];
    default:
      return '';
  }
}

/** Validates a workbook's two tables into a catalog, or every problem found. */
export function tablesToCatalog(products: SheetTable | undefined, buyingPoints: SheetTable | undefined, context: ParseContext = {}): CatalogParse {
  const problems: ImportProblem[] = [];
  if (!products) problems.push(problem(SHEET_NAMES.products, 0, '', 'noSheet', { sheet: SHEET_NAMES.products }));
  if (!buyingPoints) problems.push(problem(SHEET_NAMES.buyingPoints, 0, '', 'noSheet', { sheet: SHEET_NAMES.buyingPoints }));
  if (!products || !buyingPoints) return { ok: false, problems };
  const productReader = headerReader(products, PRODUCT_COLUMNS, REQUIRED.products, problems);
  const pointReader = headerReader(buyingPoints, POINT_COLUMNS, REQUIRED.buyingPoints, problems);
  if (!productReader || !pointReader) return { ok: false, problems };
  return validateRows(
    products.rows.map((r) => ({ sheet: products.sheet, row: r.row, get: productReader.read(r.cells) })),
    buyingPoints.rows.map((r) => ({ sheet: buyingPoints.sheet, row: r.row, get: pointReader.read(r.cells) })),
    problems,
    { ...context, columns: new Set([...productReader.present, ...pointReader.present]) },
  );
}

interface HeaderReader {
  read(cells: string[]): Cell;
  /** The columns the header has. */
  present: ReadonlySet<ColumnKey>;
}

/** Maps a header to column keys; reports unknown, repeated and missing required columns. */
function headerReader(table: SheetTable, allowed: readonly ColumnKey[], required: readonly ColumnKey[], problems: ImportProblem[]): HeaderReader | null {
  const index = new Map<ColumnKey, number>();
  const before = problems.length;
  table.header.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    const key = allowed.find((c) => c === text.toLowerCase() || COLUMNS[c] === text);
    if (!key) problems.push(problem(table.sheet, 1, text, 'unknownColumn', { column: text, expected: allowed.map((c) => COLUMNS[c]).join(', ') }));
    else if (index.has(key)) problems.push(problem(table.sheet, 1, text, 'duplicateColumn', { column: text }));
    else index.set(key, i);
  });
  for (const key of required) {
    if (!index.has(key)) problems.push(problem(table.sheet, 1, COLUMNS[key], 'missingColumn', { column: COLUMNS[key], key }));
  }
  if (problems.length > before) return null;
  return {
    present: new Set(index.keys()),
    read: (cells) => (key) => {
      const i = index.get(key);
      return { text: i === undefined ? '' : (cells[i] ?? '').trim(), column: i === undefined ? COLUMNS[key] : (table.header[i] ?? '').trim() };
    },
  };
}

/** One cell of a row by column key: its text, and the header to name in a problem. */
type Cell = (key: ColumnKey) => { text: string; column: string };

interface SourceRow {
  sheet: string;
  row: number;
  get: Cell;
}

const PRODUCT_FIELDS: Record<ProductField | 'id', ColumnKey> = {
  id: 'id',
  title: 'title',
  category: 'category',
  price: 'price_yuan',
  coupon: 'coupon',
  sellingPoints: 'selling_points',
};
const POINT_FIELDS: Record<PointField | 'id', ColumnKey> = {
  id: 'id',
  productId: 'product_id',
  audience: 'audience',
  scenario: 'scenario',
  pain: 'pain',
  benefit: 'benefit',
  proof: 'proof',
  line: 'line',
  answers: 'answers',
  keywords: 'keywords',
  origin: 'origin',
  originNote: 'origin_note',
  status: 'status',
};

/** The fields whose columns the file does not have: a merge keeps what is stored for them. */
function omittedFields<F extends string>(fields: Record<F | 'id', ColumnKey>, columns: ReadonlySet<ColumnKey>): Exclude<F, 'id'>[] {
  return (Object.keys(fields) as (F | 'id')[]).filter((f): f is Exclude<F, 'id'> => f !== 'id' && !columns.has(fields[f]));
}

type Owner = Pick<CatalogProduct, 'category' | 'price' | 'coupon'>;

function validateRows(
  productRows: SourceRow[],
  pointRows: SourceRow[],
  problems: ImportProblem[],
  context: ParseContext & { columns: ReadonlySet<ColumnKey> },
): CatalogParse {
  const products: CatalogProduct[] = [];
  const buyingPoints: BuyingPoint[] = [];
  const omitted = { products: omittedFields(PRODUCT_FIELDS, context.columns), buyingPoints: omittedFields(POINT_FIELDS, context.columns) };
  const known = new Map((context.knownProducts ?? []).map((p) => [p.id, p]));
  const productById = new Map<string, Owner>();
  const pointIds = new Set<string>();

  for (const source of productRows) {
    const report = <C extends ImportProblemCode>(key: ColumnKey, code: C, params: ImportProblemParams[C]) =>
      problems.push(problem(source.sheet, source.row, source.get(key).column, code, params));
    const category = source.get('category').text;
    const price = source.get('price_yuan').text;
    const candidate = {
      id: source.get('id').text,
      title: source.get('title').text,
      category: category === '' ? 'other' : fromLabel(CATEGORY_LABELS, category),
      price: price === '' ? null : parseYuan(price),
      coupon: source.get('coupon').text,
      sellingPoints: splitList(source.get('selling_points').text),
    };
    let fine = true;
    if (candidate.category === undefined) {
      report('category', 'unknownCategory', { value: category, allowed: Object.values(CATEGORY_LABELS).join(' ') });
      fine = false;
    }
    if (candidate.price === undefined) {
      report('price_yuan', 'badPrice', { value: price });
      fine = false;
    }
    const parsed = catalogProductSchema.safeParse(candidate);
    if (!parsed.success) {
      fine = false;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as ProductField | 'id';
        if ((field === 'category' && candidate.category === undefined) || (field === 'price' && candidate.price === undefined)) continue;
        reportIssue(issue, (code, params) => report(PRODUCT_FIELDS[field] ?? 'id', code, params));
      }
    }
    if (candidate.id !== '' && productById.has(candidate.id)) {
      report('id', 'duplicateProduct', { id: candidate.id });
      fine = false;
    }
    // A bad product row still names its product, so its buying points are not reported missing too.
    if (candidate.id !== '' && !productById.has(candidate.id)) {
      // What the product will be once merged: a column the file lacks keeps the stored value.
      const stored = known.get(candidate.id);
      const kept = (field: keyof Owner) => (stored && omitted.products.includes(field) ? stored[field] : undefined);
      productById.set(candidate.id, {
        category: kept('category') ?? candidate.category ?? 'other',
        price: kept('price') ?? candidate.price ?? null,
        coupon: kept('coupon') ?? candidate.coupon,
      } as Owner);
    }
    if (fine && parsed.success) products.push(parsed.data);
  }

  for (const source of pointRows) {
    const report = <C extends ImportProblemCode>(key: ColumnKey, code: C, params: ImportProblemParams[C]) =>
      problems.push(problem(source.sheet, source.row, source.get(key).column, code, params));
    const origin = source.get('origin').text;
    const status = source.get('status').text;
    const answers = splitList(source.get('answers').text).map((a) => intentFromLabel(a) ?? a);
    const candidate = {
      id: source.get('id').text,
      productId: source.get('product_id').text,
      audience: source.get('audience').text,
      scenario: source.get('scenario').text,
      pain: source.get('pain').text,
      benefit: source.get('benefit').text,
      proof: source.get('proof').text,
      line: source.get('line').text,
      answers,
      keywords: splitList(source.get('keywords').text),
      origin: origin === '' ? 'merchant' : fromLabel(ORIGIN_LABELS, origin),
      originNote: source.get('origin_note').text,
      status: status === '' ? 'accepted' : fromLabel(STATUS_LABELS, status),
    };
    let fine = true;
    if (candidate.origin === undefined) {
      report('origin', 'unknownOrigin', { value: origin, allowed: Object.values(ORIGIN_LABELS).join(' ') });
      fine = false;
    }
    if (candidate.status === undefined) {
      report('status', 'unknownStatus', { value: status, allowed: Object.values(STATUS_LABELS).join(' ') });
      fine = false;
    }
    const unknownAnswers = answers.filter((a) => !(commentIntents as readonly string[]).includes(a));
    if (unknownAnswers.length > 0) {
      report('answers', 'unknownIntent', { values: unknownAnswers.join(', '), allowed: commentIntents.map((i) => commentIntentLabels[i]).join(' ') });
      fine = false;
    }
    const parsed = buyingPointSchema.safeParse(candidate);
    if (!parsed.success) {
      fine = false;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as PointField | 'id';
        if ((field === 'origin' && candidate.origin === undefined) || (field === 'status' && candidate.status === undefined) || (field === 'answers' && unknownAnswers.length > 0)) continue;
        reportIssue(issue, (code, params) => report(POINT_FIELDS[field] ?? 'id', code, params));
      }
    }
    if (candidate.id !== '' && pointIds.has(candidate.id)) {
      report('id', 'duplicatePoint', { id: candidate.id });
      fine = false;
    }
    pointIds.add(candidate.id);
    const owner = productById.get(candidate.productId) ?? known.get(candidate.productId);
    if (candidate.productId !== '' && !owner) {
      report('product_id', 'unknownProduct', { id: candidate.productId, sheet: SHEET_NAMES.products });
      fine = false;
    }
    if (owner && candidate.status === 'accepted' && candidate.line !== '') {
      const flags = checkCatalogLine(candidate.line, owner);
      if (flags.length > 0) {
        report('line', 'flaggedLine', { terms: flags.map((f) => `「${f.term}」`).join(''), status: STATUS_LABELS.proposed });
        fine = false;
      }
    }
    if (fine && parsed.success) buyingPoints.push(parsed.data);
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalog: { products, buyingPoints }, omitted };
}

type SchemaIssue = { code: string; path: readonly PropertyKey[]; origin?: string; minimum?: unknown; maximum?: unknown };

/** A schema's complaint about one field, as a problem code (the column is named by the caller). */
function reportIssue(issue: SchemaIssue, report: <C extends 'required' | 'tooLong' | 'tooMany' | 'invalid'>(code: C, params: ImportProblemParams[C]) => void): void {
  const item = issue.path.length > 1 ? Number(issue.path[1]) + 1 : 0;
  if (issue.code === 'too_small' && issue.origin === 'string') report('required', { item });
  else if (issue.code === 'too_big' && issue.origin === 'string') report('tooLong', { max: Number(issue.maximum), item });
  else if (issue.code === 'too_big' && issue.origin === 'array') report('tooMany', { max: Number(issue.maximum) });
  else report('invalid', { item });
}

// ---------------------------------------------------------------- CSV

/** The catalog as one CSV: products first, then buying points, told apart by the 类型 column. */
export function catalogToCsv(catalog: Catalog): string {
  return toCsv([
    CSV_COLUMNS.map((c) => COLUMNS[c]),
    ...catalog.products.map((p) => CSV_COLUMNS.map((c) => productCell(p, c))),
    ...catalog.buyingPoints.map((b) => CSV_COLUMNS.map((c) => pointCell(b, c))),
  ]);
}

/** Validates a CSV export (or a filled template, or the same saved tab-separated) into a catalog, or every problem found. */
export function csvToCatalog(text: string, context: ParseContext = {}): CatalogParse {
  const parsed = parseCsv(text, csvDelimiterOf(text));
  if (!parsed.ok) return { ok: false, problems: [problem(CSV_SHEET, parsed.row, '', 'unclosedQuote', {})] };
  const [header, ...rest] = parsed.records;
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, problems: [problem(CSV_SHEET, 1, '', 'emptyFile', {})] };
  const problems: ImportProblem[] = [];
  const table: SheetTable = { sheet: CSV_SHEET, header, rows: [] };
  const reader = headerReader(table, CSV_COLUMNS, ['kind', 'id'], problems);
  if (!reader) return { ok: false, problems };
  const productRows: SourceRow[] = [];
  const pointRows: SourceRow[] = [];
  rest.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = reader.read(cells);
    const kind = get('kind');
    const which = KINDS.get(kind.text) ?? KINDS.get(kind.text.toLowerCase());
    if (which === 'products') productRows.push({ sheet: CSV_SHEET, row, get });
    else if (which === 'buyingPoints') pointRows.push({ sheet: CSV_SHEET, row, get });
    else problems.push(problem(CSV_SHEET, row, kind.column, 'unknownKind', { value: kind.text }));
  });
  // A column the rows need is missing: say so once, on the header, not on every row.
  const missing = [...(productRows.length > 0 ? REQUIRED.products : []), ...(pointRows.length > 0 ? REQUIRED.buyingPoints : [])]
    .filter((key, i, all) => all.indexOf(key) === i && !reader.present.has(key))
    .map((key) => problem(CSV_SHEET, 1, COLUMNS[key], 'missingColumn', { column: COLUMNS[key], key }));
  if (missing.length > 0) return { ok: false, problems: [...missing, ...problems] };
  return validateRows(productRows, pointRows, problems, { ...context, columns: reader.present });
}

/** Workbook tables from parsed records of one sheet (header = first record). */
export function sheetTable(sheet: string, records: readonly string[][]): SheetTable {
  const [header = [], ...rest] = records;
  return {
    sheet,
    header: [...header],
    rows: rest.flatMap((cells, i) => (cells.every((c) => c.trim() === '') ? [] : [{ row: i + 2, cells: [...cells] }])),
  };
}

/** A template: the headers and one example row of each kind. */
export const TEMPLATE_CATALOG: Catalog = {
  products: [
    {
      id: 'sku-1001',
      title: '烟酰胺焕亮精华 30ml',
      category: 'skincare',
      price: 12900,
      coupon: '满199减30',
      sellingPoints: ['5% 烟酰胺', '添加积雪草舒缓', '30ml 可用两个月'],
    },
  ],
  buyingPoints: [
    {
      id: 'bp-1',
      productId: 'sku-1001',
      audience: '熬夜党',
      scenario: '加班熬夜后的早上',
      pain: '脸色暗沉、上妆不服帖',
      benefit: '第二天早上气色透亮',
      proof: '第三方检测报告：28 天提亮肤色',
      line: '经常熬夜的姐妹，晚上抹两滴，第二天早上脸不暗，上妆也服帖。',
      answers: ['efficacy'],
      keywords: ['熬夜', '暗沉'],
      origin: 'merchant',
      originNote: '',
      status: 'accepted',
    },
  ],
};

export const catalogTemplateCsv = (): string => catalogToCsv(TEMPLATE_CATALOG);
