/**
 * Which product a comment points at. Buyers name a cart position (3号,
 * 三号链接, #3, 3#, 链接3, 第三个, 要3, 2️⃣), describe the product (粉色那个,
 * "the pink one", 那个面膜, 那双), or mean the one in front of them (这个,
 * 主播手上的). `findProductRef` reads the position from the normalised text
 * alone; `resolveProduct` also knows the room — its line-up and the card on
 * air — and falls back to colours, title words, measure words and the card
 * on air (product-words.json).
 */
import { z } from 'zod';
import { colourWords } from './lexicon.js';
import { normalise } from './normalise.js';
import shippedWords from './product-words.json' with { type: 'json' };

export interface ProductRef {
  position: number;
  /** The text that named it, for the label's cues. */
  cue: string;
}

// One alternative per way of writing a position; each captures the number.
const refPattern = new RegExp(
  [
    // 3号, 3号链接 — not a date (11月3号, 3号前), a shade (3号色), a metro line (3号线), a ring size (14号圈)
    // or a shoe size (穿37号, 37号脚).
    '(?<![\\d.月/:]|穿\\s?)(\\d{1,3})\\s?号(?!色|线|圈|戒|脚|的脚|码|前|之前|以前|后(?!盖)|之后|以后|左右|当天|那天|晚上|早上|上午|下午|中午|到(?!手)|能到|送达)',
    // #3, 3#
    '#\\s?(\\d{1,3})(?![\\d.])',
    '(?<![\\d.])(\\d{1,3})\\s?#',
    // 链接3, 3链接
    '链接\\s?(\\d{1,3})(?![\\d.])',
    '(?<![\\d.])(\\d{1,3})\\s?链接',
    // 第3个 / 第3款 — not "买第2个" (a second unit), 买的第3个 (a third time), 第2个了 or 第3次.
    '(?<![买拍入购]|[买用换]的)第(\\d{1,3})(?:个|款|号)(?!了)',
    // 要3, 上3, 拍3 — a bare number after the verb; 要3个 / 拍2件 are quantities.
    '(?:要|上|拍|讲|来)\\s?(\\d{1,2})(?=$|[\\s,.!?~]|吧|啊|呀|的|了)',
    // no.3, item 3, number 3, link 3
    '\\b(?:no\\.?|number|item|link|product)\\s?(\\d{1,3})\\b',
  ].join('|'),
  'g',
);
// A position the buyer turns away from: 别上2号, 3号不要了.
const refusedBefore = /(?:别|不要|不用|不是)[上拍买要]?$/;
const refusedAfter = /^\s?(?:号|链接)?\s?(?:不要|不用(?!问)|不买|算了|取消)/;

/** The first cart position named in a normalised comment that the buyer does not turn away from. */
export function findProductRef(norm: string): ProductRef | null {
  if (!hasDigit(norm)) return null;
  refPattern.lastIndex = 0;
  for (let m = refPattern.exec(norm); m !== null; m = refPattern.exec(norm)) {
    let digits: string | undefined;
    for (let g = 1; g < m.length && digits === undefined; g++) digits = m[g];
    const position = Number(digits);
    if (position < 1) continue;
    const before = norm.slice(Math.max(0, m.index - 3), m.index);
    const after = norm.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (refusedBefore.test(before) || refusedAfter.test(after)) continue;
    return { position, cue: m[0].trim() };
  }
  return null;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

export interface ProductInfo {
  id: string;
  /** Cart position (1-based); when no product has one, the list order is the position. */
  position?: number;
  title: string;
  colors?: string[];
}

const word = z.string().min(1);
const productWordsSchema = z.object({
  about: z.string(),
  onAir: z.array(word).min(1),
  spatial: z.array(word).min(1),
  measureWords: z.record(z.string().length(1), z.array(word).min(1)),
  shoeSizes: z.object({ from: z.number().int().positive(), to: z.number().int().positive() }),
  shoeWords: z.array(word).min(1),
});
export type ProductWords = z.infer<typeof productWordsSchema>;

/** Checks a product-words file; throws with the place and the reason when it is broken. */
export function parseProductWords(data: unknown): ProductWords {
  return productWordsSchema.parse(data);
}

const productWords = parseProductWords(shippedWords);
const measureWordPattern = new RegExp(`(?:[这那哪]\\s?(?:一|个|款)?|\\d+\\s?号?|[一两])\\s?([${Object.keys(productWords.measureWords).join('')}])`);

const colourKeys = Object.keys(colourWords);
const colourMatchers = colourKeys.map((key) => ({ key, words: colourWords[key] ?? [] }));

/** The colours a normalised text names, as the keys of `colourWords` (粉, 白 …). */
function coloursIn(norm: string, bareKeys: boolean): Set<string> {
  const found = new Set<string>();
  for (const { key, words } of colourMatchers) {
    if ((bareKeys && norm.includes(key)) || words.some((w) => norm.includes(w))) found.add(key);
  }
  return found;
}

/**
 * The longest stretch (≥ 2 characters) of `title` that also appears in
 * `text`: "那个面膜" shares 面膜 with "玻尿酸补水面膜". Spaces and the words
 * every comment has (这个, 那个, 链接) do not count.
 */
function sharedLength(text: string, title: TitleFacts): number {
  // Any shared stretch holds a shared pair of characters: most comments share none with most titles.
  if (!sharesPair(text, title.pairs)) return 0;
  const { norm } = title;
  let best = 0;
  for (let start = 0; start < norm.length - 1; start++) {
    for (let end = Math.min(norm.length, start + 12); end - start >= Math.max(2, best + 1); end--) {
      const piece = norm.slice(start, end);
      if (!ignoredPieces.has(piece) && !piece.includes(' ') && !allDigits.test(piece) && text.includes(piece)) {
        best = end - start;
        break;
      }
    }
  }
  return best;
}

function sharesPair(text: string, pairs: ReadonlySet<string>): boolean {
  for (let i = 0; i < text.length - 1; i++) if (pairs.has(text.slice(i, i + 2))) return true;
  return false;
}

/** What a comment is compared with in a product's title, worked out once per product, not once per comment. */
interface TitleFacts {
  norm: string;
  pairs: Set<string>;
  /** The colour keys its title and colours name (粉, 白 …). */
  colours: Set<string>;
}
const titleFacts = new WeakMap<ProductInfo, TitleFacts>();
function factsOf(p: ProductInfo): TitleFacts {
  let facts = titleFacts.get(p);
  if (facts === undefined) {
    const norm = normalise(p.title);
    const pairs = new Set<string>();
    for (let i = 0; i < norm.length - 1; i++) pairs.add(norm.slice(i, i + 2));
    const colours = coloursIn(normalise(`${p.title} ${(p.colors ?? []).join(' ')}`), false);
    for (const c of p.colors ?? []) for (const key of coloursIn(normalise(c), true)) colours.add(key);
    titleFacts.set(p, (facts = { norm, pairs, colours }));
  }
  return facts;
}
// A number in a title (12支, 1080p) is a count or a model, not what a buyer calls the product.
const allDigits = /^[\d.]+$/;
const ignoredPieces = new Set(['这个', '那个', '链接', '宝贝', '同款', '主播', '直播', '一个', '多少']);

const titleHas = (p: ProductInfo, words: readonly string[]) => words.some((w) => p.title.toLowerCase().includes(w));

// Each narrowing gives the candidates the comment's words fit, or none when its words name nothing here.
type Narrowing = (candidates: readonly ProductInfo[]) => ProductInfo[];

/** A product's colour as buyers name it: 03号砖红 is shade 3, called 砖红; 杏粉色 is called 杏粉色 or 杏粉. */
interface ColourName {
  shade: number | null;
  names: string[];
}
const basicColours = new Set(colourKeys.flatMap((key) => [key, `${key}色`, `${key}的`]));
const shadeMark = /^(?:#\s?(\d{1,3})|(\d{1,3})\s?号)\s?/;
function colourName(colour: string): ColourName {
  const norm = normalise(colour).trim();
  const mark = shadeMark.exec(norm);
  const name = mark ? norm.slice(mark[0].length) : norm;
  // 黑色 is matched as the colour 黑 (so black and 黑的 find it too); 奶白色 is this product's own name.
  const names = name.length < 2 || basicColours.has(name) ? [] : name.endsWith('色') && name.length >= 3 ? [name, name.slice(0, -1)] : [name];
  return { shade: mark ? Number(mark[1] ?? mark[2]) : null, names };
}
const colourNames = new WeakMap<ProductInfo, ColourName[]>();
const namedColours = (p: ProductInfo) => {
  let names = colourNames.get(p);
  if (names === undefined) colourNames.set(p, (names = (p.colors ?? []).map(colourName)));
  return names;
};

/** The products a colour named in the comment comes in: one of the products' own colour names, else a colour word (粉色 → 粉). */
const byColour =
  (norm: string): Narrowing =>
  (candidates) => {
    // A product's own colour name (奶白色, 深空灰) is more precise than the colour it is a kind of (白, 灰).
    const named = candidates.filter((p) => namedColours(p).some((c) => c.names.some((n) => norm.includes(n))));
    if (named.length > 0) return named;
    const wanted = coloursIn(norm, false);
    if (wanted.size === 0) return [];
    return candidates.filter((p) => {
      const own = factsOf(p).colours;
      for (const key of wanted) if (own.has(key)) return true;
      return false;
    });
  };

// 3号色, 色号3, #108, 07号: a shade number, when a product of the room has that shade.
const shadePattern = /(\d{1,3})\s?号色|色号\s?(\d{1,3})|#\s?(\d{1,3})|(\d{1,3})\s?号/g;

/** The products with a shade the comment names by number (makeup: 3号色, #108); none when it names none. */
function byShade(norm: string, products: readonly ProductInfo[]): ProductInfo[] {
  const shades = new Set<number>();
  shadePattern.lastIndex = 0;
  for (let m = shadePattern.exec(norm); m !== null; m = shadePattern.exec(norm)) shades.add(Number(m[1] ?? m[2] ?? m[3] ?? m[4]));
  if (shades.size === 0) return [];
  return products.filter((p) => namedColours(p).some((c) => c.shade !== null && shades.has(c.shade)));
}

/** The products whose titles share the longest stretch (≥ 2 characters) with the comment. */
const byTitle =
  (norm: string): Narrowing =>
  (candidates) => {
    let best: ProductInfo[] = [];
    let bestLength = 1;
    for (const p of candidates) {
      const length = sharedLength(norm, factsOf(p));
      if (length > bestLength) {
        best = [p];
        bestLength = length;
      } else if (length === bestLength && best.length > 0) {
        best.push(p);
      }
    }
    return best;
  };

/** The products a measure word after 这/那 fits (那双 → shoes). */
const byMeasureWord =
  (measure: string | null): Narrowing =>
  (candidates) => {
    const words = measure === null ? undefined : productWords.measureWords[measure];
    return words === undefined ? [] : candidates.filter((p) => titleHas(p, words));
  };

/** What the room knows besides the comment: the line-up and the product whose card is on air. */
export interface RoomContext {
  products: readonly ProductInfo[];
  onAir?: string | null;
}

/**
 * The id of the product a comment names, or null. A cart position of the
 * line-up wins. Otherwise the candidates are narrowed by a colour, title
 * words and a measure word (那双 → the shoes); one left is the answer. When
 * several are left, "this one" (这个, 主播手上的) — or a shoe size in a room
 * selling shoes — means the card on air if it is among them. A position the
 * line-up does not hold and "the left one" name nothing by themselves.
 * Ambiguity gives null: a wrong product is worse than none.
 */
export function resolveProduct(text: string, room: RoomContext | readonly ProductInfo[]): string | null {
  const { products, onAir = null } = 'products' in room ? room : { products: room };
  if (products.length === 0) return null;
  const norm = normalise(text);
  const ref = findProductRef(norm);
  let measure = measureWordPattern.exec(norm)?.[1] ?? null;
  // 左边这个 is one of several on screen, not necessarily the card on air.
  let meansOnAir = productWords.onAir.some((w) => norm.includes(w)) && !productWords.spatial.some((w) => norm.includes(w));
  // In a room whose products come in numbered shades, 3号 is a shade unless the buyer says 链接.
  const shaded = hasDigit(norm) && !norm.includes('链接') ? byShade(norm, products) : [];
  if (ref !== null && shaded.length === 0) {
    const positioned = products.some((p) => p.position !== undefined);
    const product = positioned ? products.find((p) => p.position === ref.position) : products[ref.position - 1];
    // Two positions named (2#和4#能一起用吗): no one product is meant.
    if (product !== undefined) return secondRef(norm, ref) === null ? product.id : null;
    // 38号 beyond a shoe room's cart is a size of its shoes: the pair on air, or the only pair.
    if (isShoeSize(ref, products)) {
      measure = '双';
      meansOnAir = true;
    }
  }

  let candidates: readonly ProductInfo[] = shaded.length > 0 ? shaded : products;
  let pointed = meansOnAir || shaded.length > 0;
  for (const narrow of [byColour(norm), byTitle(norm), byMeasureWord(measure)]) {
    const fitting = narrow(candidates);
    if (fitting.length > 0) {
      candidates = fitting;
      pointed = true;
    }
  }
  if (!pointed) return null;
  if (candidates.length === 1) return candidates[0]!.id;
  if (meansOnAir && onAir !== null && candidates.some((p) => p.id === onAir)) return onAir;
  return null;
}

/** Another position named after `ref` and not turned away from, if any. */
function secondRef(norm: string, ref: ProductRef): ProductRef | null {
  const at = norm.indexOf(ref.cue);
  const next = at < 0 ? null : findProductRef(norm.slice(at + ref.cue.length));
  return next !== null && next.position !== ref.position ? next : null;
}

function isShoeSize(ref: ProductRef, products: readonly ProductInfo[]): boolean {
  const { from, to } = productWords.shoeSizes;
  return ref.cue.endsWith('号') && ref.position >= from && ref.position <= to && products.some((p) => titleHas(p, productWords.shoeWords));
}
