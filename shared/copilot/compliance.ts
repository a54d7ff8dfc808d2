/**
 * 真诚经营: a line the host says must not overclaim. This checks a line
 * against the absolute terms the advertising law forbids (最, 第一, 国家级,
 * 顶级, 100%, 永久 ...) and, for cosmetics and food, against medical claims
 * (治疗, 药用, 消炎 ...). A flagged line is shown flagged in the catalog
 * editor and never suggested to the host until it is rewritten.
 */
import type { ProductCategory } from './catalog.js';

export interface ComplianceFlag {
  kind: 'absolute' | 'medical';
  /** The words that fired, as written in the line. */
  term: string;
}

const ABSOLUTE_TERMS = [
  /最[好佳优强高低大新先具]|最最|最便宜|最有效|最受欢迎|全网最/,
  /第一|[Nn][Oo]\.?\s?1|TOP\s?1|首个|首选|唯一|独家|独一无二/,
  /国家级|世界级|全球级|宇宙级|顶级|极品|极致|至尊|王牌|冠军/,
  /100\s?%|百分之百|百分百|绝对|万能|永久|永不|零风险|无副作用/,
  /史无前例|前无古人|空前|绝无仅有|第一品牌|销量冠军|全网销量第一/,
];

const MEDICAL_TERMS = [
  /治疗|治愈|疗效|药用|药效|处方|消炎|抗炎|杀菌|抑菌|祛痘|除螨/,
  /根治|修复受损|再生|防癌|抗癌|降血[压糖脂]|减肥|瘦身|燃脂|排毒|增高|壮阳/,
  /医用|医学级|临床治疗|专治|特效/,
];

/** Categories where medical claims are not allowed (cosmetics, food, and what babies use or eat). */
const MEDICAL_CLAIM_CATEGORIES: ReadonlySet<ProductCategory> = new Set(['skincare', 'makeup', 'food', 'baby']);

export function checkLine(line: string, category: ProductCategory): ComplianceFlag[] {
  const flags: ComplianceFlag[] = [];
  for (const pattern of ABSOLUTE_TERMS) {
    const match = pattern.exec(line);
    if (match) flags.push({ kind: 'absolute', term: match[0] });
  }
  if (MEDICAL_CLAIM_CATEGORIES.has(category)) {
    for (const pattern of MEDICAL_TERMS) {
      const match = pattern.exec(line);
      if (match) flags.push({ kind: 'medical', term: match[0] });
    }
  }
  return flags;
}
