/**
 * Which product a comment points at. Buyers name a cart position (3号,
 * 三号链接, #3, 3#, 链接3, 第三个, 要3, 2️⃣) or describe the product (粉色那个,
 * "the pink one", 那个面膜). `findProductRef` reads the position from the
 * normalised text alone; `resolveProduct` also knows the room's products and
 * falls back to colours and title words.
 */
import { colourWords } from './lexicon.js';
import { normalise } from './normalise.js';

export interface ProductRef {
  position: number;
  /** The text that named it, for the label's cues. */
  cue: string;
}

// One alternative per way of writing a position; each captures the number.
const refPattern = new RegExp(
  [
    // 3号, 3号链接 — not a date (11月3号, 3号前), a shade (3号色) or a metro line (3号线).
    '(?<![\\d.月/:])(\\d{1,3})\\s?号(?!色|线|前|之前|以前|后|之后|以后|左右|当天|那天|晚上|早上|上午|下午|中午|到(?!手)|能到|送达)',
    // #3, 3#
    '#\\s?(\\d{1,3})(?![\\d.])',
    '(?<![\\d.])(\\d{1,3})\\s?#',
    // 链接3, 3链接
    '链接\\s?(\\d{1,3})(?![\\d.])',
    '(?<![\\d.])(\\d{1,3})\\s?链接',
    // 第3个 / 第3款 — not "买第2个" (a second unit) or 第3次.
    '(?<![买拍入购])第(\\d{1,3})(?:个|款|号)',
    // 要3, 上3, 拍3 — a bare number after the verb; 要3个 / 拍2件 are quantities.
    '(?:要|上|拍|讲|来)\\s?(\\d{1,2})(?=$|[\\s,.!?~]|吧|啊|呀|的|了)',
    // no.3, item 3, number 3, link 3
    '\\b(?:no\\.?|number|item|link|product)\\s?(\\d{1,3})\\b',
  ].join('|'),
  'g',
);
// A position the buyer turns away from: 别上2号, 3号不要了.
const refusedBefore = /(?:别|不要|不用|不是)[上拍买要]?$/;
const refusedAfter = /^\s?(?:号|链接)?\s?(?:不要|不用|不买|算了|取消)/;

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
    const after = norm.slice(m.index + m[0].length, m.index + m[0].length + 5);
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
function sharedLength(text: string, title: string): number {
  let best = 0;
  for (let start = 0; start < title.length - 1; start++) {
    for (let end = Math.min(title.length, start + 12); end - start >= Math.max(2, best + 1); end--) {
      const piece = title.slice(start, end);
      if (!ignoredPieces.has(piece) && !piece.includes(' ') && text.includes(piece)) {
        best = end - start;
        break;
      }
    }
  }
  return best;
}
const ignoredPieces = new Set(['这个', '那个', '链接', '宝贝', '同款', '主播', '直播', '一个', '多少']);

/**
 * The id of the product a comment names, or null. A cart position wins;
 * then a colour only one product comes in; then the product whose title
 * shares the longest stretch with the comment. Ambiguity (two products
 * equally likely) gives null: a wrong product is worse than none.
 */
export function resolveProduct(text: string, products: readonly ProductInfo[]): string | null {
  if (products.length === 0) return null;
  const norm = normalise(text);
  const ref = findProductRef(norm);
  if (ref !== null) {
    const positioned = products.some((p) => p.position !== undefined);
    const product = positioned ? products.find((p) => p.position === ref.position) : products[ref.position - 1];
    return product?.id ?? null;
  }

  let candidates = products;
  const wanted = coloursIn(norm, false);
  if (wanted.size > 0) {
    const coloured = products.filter((p) => {
      const own = coloursIn(normalise(`${p.title} ${(p.colors ?? []).join(' ')}`), false);
      for (const c of p.colors ?? []) for (const key of coloursIn(normalise(c), true)) own.add(key);
      for (const key of wanted) if (own.has(key)) return true;
      return false;
    });
    if (coloured.length === 1) return coloured[0]!.id;
    if (coloured.length > 1) candidates = coloured;
  }

  let bestId: string | null = null;
  let bestLength = 1;
  let tied = false;
  for (const p of candidates) {
    const length = sharedLength(norm, normalise(p.title));
    if (length > bestLength) {
      bestId = p.id;
      bestLength = length;
      tied = false;
    } else if (length === bestLength && bestId !== null) {
      tied = true;
    }
  }
  return tied ? null : bestId;
}
