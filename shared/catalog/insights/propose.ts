/**
 * Buying-point insight (买点建议): for a product with selling points but few
 * buying points, propose scenario cards from built-in category knowledge
 * and from what the audience asked about the product in past sessions.
 * Pure and deterministic: the same product, points and questions give the
 * same proposals with the same ids. Every proposal says where it came from
 * (origin + originNote) and waits for the merchant (status 'proposed').
 */
import type { CommentIntent } from '../../comments/intents.js';
import { normalise } from '../../comments/normalise.js';
import type { BuyingPoint, CatalogProduct } from '../catalog.js';
import { checkLine } from '../../copilot/compliance.js';
import { categoryKnowledge, categoryLabels, type ScenarioTemplate } from './category-knowledge.js';

/** A cluster of past questions about the product: one intent and one key word, counted by distinct askers. */
export interface AskedQuestion {
  /** The question as buyers most often wrote it (敏感肌能用吗). */
  text: string;
  intent: CommentIntent;
  /** Distinct buyers who asked. */
  count: number;
  /** Distinct sessions it was asked in. */
  sessions: number;
  /** The cluster's key word (敏感肌, 孕妇, 165 ...); found in `text` when absent. */
  keyword?: string;
}

export interface ProposeInput {
  product: CatalogProduct;
  /** The product's buying points, every status: a rejected proposal is not proposed again. */
  existing: readonly BuyingPoint[];
  askedQuestions: readonly AskedQuestion[];
}

/** A cluster needs this many askers before it becomes a proposal. */
export const MIN_ASKERS = 3;
/** Proposals per request: audience ones first, then category ones. */
export const MAX_PROPOSALS = 6;
/** A product with this many accepted buying points gets no category proposals (audience ones still come). */
export const ENOUGH_POINTS = 4;

interface AudienceCue {
  /** Words in a question that name the cue; the first is the cue's name. */
  words: readonly string[];
  audience: string;
  scenario: string;
  pain: string;
  benefit: string;
  proof: string;
  /** `{title}`, `{point}` and `{question}` are filled in. */
  line: string;
}

const trySmall = '拿不准的先小范围试一下，效果因人而异';

/** Who a question is about. Order matters: the first cue whose word a question contains is its key. */
export const audienceCues: readonly AudienceCue[] = [
  cue(['敏感肌', '敏感', '泛红'], '敏感肌', '皮肤容易泛红、换季不稳定', '怕用了不适应', '用前先了解成分，安心试用', '待补充：成分表 / 检测报告', `很多敏感肌的朋友问「{question}」，{title}，{point}，${trySmall}`),
  cue(['油皮', '混油', '油性', '出油'], '油皮', '容易出油、怕闷', '怕厚重、闷', '清爽不厚重', '待补充：质地实拍', `油皮朋友问「{question}」的很多，{title}，{point}，我现场抹开给大家看质地`),
  cue(['干皮', '干性', '起皮'], '干皮', '皮肤干、容易起皮', '怕不够润', '滋润服帖', '待补充：保湿测试', `干皮朋友一直在问「{question}」，{title}，{point}，我上手给大家看看`),
  cue(['痘肌', '痘痘', '闭口'], '痘肌', '脸上容易冒痘、长闭口', '怕闷、怕刺激', '温和清爽，日常护理更安心', '待补充：成分表', `痘肌朋友问「{question}」，{title}，{point}，皮肤有问题先看医生，日常护理${trySmall}`),
  cue(['孕妇', '孕期', '怀孕', '哺乳'], '孕期 / 哺乳期妈妈', '孕期、哺乳期', '担心成分是否合适', '成分清楚，买前能确认', '待补充：适用人群说明 / 成分表', `好多准妈妈问「{question}」，{title}，{point}，成分表在详情页，特殊时期建议先问问医生`),
  cue(['宝宝', '孩子', '小孩', '儿童', '几个月', '几岁'], '宝宝 / 孩子', '给孩子用', '担心是否适合孩子', '适用年龄写清楚，买前能确认', '待补充：适用年龄 / 检测报告', `很多爸妈问「{question}」，{title}，{point}，适用年龄在详情页，报孩子年龄我帮你看`),
  cue(['老人', '爸妈', '父母', '长辈'], '给长辈买的朋友', '给父母长辈用', '担心长辈用不惯', '简单好用，长辈也能上手', '待补充：使用说明', `好多朋友问「{question}」，{title}，{point}，我现场演示一遍，大家看看长辈用起来方不方便`),
  cue(['小个子', '矮', '150', '155', '158', '160'], '小个子', '身高 160 以下', '怕显矮、不合身', '比例协调，选对码更合身', '待补充：尺码表 / 上身图', `很多小个子姐妹问「{question}」，{title}，{point}，把身高体重发评论区，我帮你对尺码`),
  cue(['165', '168', '170', '172', '175', '高个'], '身高 165 以上', '个子偏高', '怕短、怕不合身', '长度合适，选对码更合身', '待补充：尺码表 / 上身图', `好多姐妹问「{question}」，{title}，{point}，尺码表在详情页，报身高体重我帮你对`),
  cue(['微胖', '胖', '大码', '斤'], '微胖身材', '有肉的地方想藏一藏', '怕显胖、怕紧', '版型合适，穿着舒服', '待补充：尺码表 / 面料说明', `很多姐妹问「{question}」，{title}，{point}，报身高体重，我帮你对一下尺码`),
  cue(['学生'], '学生党', '上课、宿舍', '预算有限', '日常够用', '待补充：参数 / 规格说明', `学生党问「{question}」的不少，{title}，{point}，上课宿舍用都合适`),
  cue(['上班', '通勤', '办公室'], '上班族', '上班、通勤', '时间紧、要方便', '省时方便', '待补充：使用演示', `上班族朋友问「{question}」，{title}，{point}，通勤路上、办公室都能用`),
  cue(['送人', '送礼', '礼物', '礼盒'], '送礼的朋友', '逢年过节送人', '怕拿不出手', '包装体面，送人合适', '待补充：礼盒实拍', `问「{question}」的朋友不少，{title}，{point}，包装我拿近给大家看`),
  cue(['苹果', '安卓', '华为', '兼容', '型号'], '担心兼容的朋友', '配自己的设备用', '怕买回来用不了', '买前能对照兼容列表', '待补充：兼容列表', `好多朋友问「{question}」，{title}，{point}，把型号发评论区，我对着兼容列表给你查`),
];

function cue(words: string[], audience: string, scenario: string, pain: string, benefit: string, proof: string, line: string): AudienceCue {
  return { words, audience, scenario, pain, benefit, proof, line };
}

/** The cue a question is about (its first word is the key), or null. */
export function audienceCueOf(text: string): { key: string; cue: AudienceCue } | null {
  const norm = normalise(text);
  for (const c of audienceCues) {
    if (c.words.some((w) => norm.includes(w))) return { key: c.words[0]!, cue: c };
  }
  return null;
}

/** FNV-1a, 32 bits, as 8 hex digits: ids must be the same in every process and need no crypto. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A proposal's id: stable for a product and a rule, so the same proposal is never made twice. */
export function proposalId(productId: string, key: string): string {
  return `bp-${hash(`${productId}\u0000${key}`)}${hash(`${key}\u0000${productId}`)}`;
}

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

const loose = (s: string): string => normalise(s).replace(/[\s/／、,，]+/g, '');

/** An existing point covers a proposal when it names the same audience or shares a keyword with it. */
function covered(existing: readonly BuyingPoint[], audience: string, keywords: readonly string[]): boolean {
  const aud = loose(audience);
  const words = new Set(keywords.map(loose));
  return existing.some((p) => (aud !== '' && loose(p.audience) === aud) || p.keywords.some((k) => words.has(loose(k))));
}

/** The proposals for a product, newest rules last; none that duplicates a point it has (or had rejected). */
export function proposeBuyingPoints({ product, existing, askedQuestions }: ProposeInput): BuyingPoint[] {
  const own = existing.filter((p) => p.productId === product.id);
  const taken = new Set(own.map((p) => p.id));
  const out: BuyingPoint[] = [];
  const points = product.sellingPoints.length > 0 ? product.sellingPoints : [product.title];
  const pointAt = (i: number) => points[i % points.length]!;
  const accept = (point: BuyingPoint): void => {
    if (out.length >= MAX_PROPOSALS || taken.has(point.id)) return;
    if (covered([...own, ...out], point.audience, point.keywords)) return;
    if (checkLine(point.line, product.category).length > 0) return;
    taken.add(point.id);
    out.push(point);
  };

  // (b) The audience first: what buyers actually asked, most askers first.
  const clusters = askedQuestions
    .filter((q) => q.count >= MIN_ASKERS)
    .map((q) => ({ q, found: q.keyword !== undefined ? (audienceCues.find((c) => c.words[0] === q.keyword || c.words.includes(q.keyword!)) ?? null) : (audienceCueOf(q.text)?.cue ?? null) }))
    .filter((x): x is { q: AskedQuestion; found: AudienceCue } => x.found !== null)
    .sort((a, b) => b.q.count - a.q.count || b.q.sessions - a.q.sessions || (a.q.text < b.q.text ? -1 : a.q.text > b.q.text ? 1 : 0));
  clusters.forEach(({ q, found }, i) => {
    const key = `audience:${q.intent}:${found.words[0]}`;
    accept({
      id: proposalId(product.id, key),
      productId: product.id,
      audience: found.audience,
      scenario: found.scenario,
      pain: found.pain,
      benefit: found.benefit,
      proof: found.proof,
      line: fill(found.line, { title: product.title, point: pointAt(i), question: q.text }),
      answers: [q.intent],
      keywords: [...found.words].slice(0, 6),
      origin: 'audience',
      originNote: `过去 ${q.sessions} 场直播里 ${q.count} 位观众问过「${q.text}」`,
      status: 'proposed',
    });
  });

  // (a) Category knowledge, while the product still has few buying points.
  if (product.category === 'other') return out;
  const accepted = own.filter((p) => p.status === 'accepted').length;
  if (accepted >= ENOUGH_POINTS) return out;
  const label = categoryLabels[product.category];
  categoryKnowledge[product.category].forEach((t: ScenarioTemplate, i) => {
    accept({
      id: proposalId(product.id, `category:${product.category}:${t.key}`),
      productId: product.id,
      audience: t.audience,
      scenario: t.scenario,
      pain: t.pain,
      benefit: t.benefit,
      proof: t.proof,
      line: fill(t.line, { title: product.title, point: pointAt(i) }),
      answers: [...t.answers],
      keywords: [...t.keywords],
      origin: 'category',
      originNote: `${label}品类常见场景：${t.rule}`,
      status: 'proposed',
    });
  });
  return out;
}

/** One past question about the product, as the core mines it. */
export interface PastQuestion {
  text: string;
  intent: CommentIntent;
  /** Who asked (the platform's user id), so one buyer asking five times counts once. */
  user: string;
  session: string;
}

/** Groups past questions by intent and audience key word; each cluster counts distinct askers and sessions. */
export function clusterQuestions(questions: Iterable<PastQuestion>): AskedQuestion[] {
  const clusters = new Map<string, { intent: CommentIntent; keyword: string; users: Set<string>; sessions: Set<string>; texts: Map<string, number> }>();
  for (const q of questions) {
    const found = audienceCueOf(q.text);
    if (!found) continue;
    const id = `${q.intent}\u0000${found.key}`;
    let cluster = clusters.get(id);
    if (!cluster) clusters.set(id, (cluster = { intent: q.intent, keyword: found.key, users: new Set(), sessions: new Set(), texts: new Map() }));
    cluster.users.add(q.user);
    cluster.sessions.add(q.session);
    const text = q.text.trim().slice(0, 40);
    cluster.texts.set(text, (cluster.texts.get(text) ?? 0) + 1);
  }
  return [...clusters.values()]
    .map((c) => ({
      // The wording most buyers used; ties go to the shorter, then the first in code-point order.
      text: [...c.texts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0],
      intent: c.intent,
      count: c.users.size,
      sessions: c.sessions.size,
      keyword: c.keyword,
    }))
    .sort((a, b) => b.count - a.count || (a.keyword < b.keyword ? -1 : 1) || (a.intent < b.intent ? -1 : 1));
}
