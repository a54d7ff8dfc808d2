/**
 * A varied synthetic comment stream for the classifier benchmark: phrasings
 * of every intent, product references in their many spellings, openers and
 * endings, emoji, platform [emoji] codes, traditional characters, full-width
 * digits, repeated phrases, questions no cue knows and the odd long
 * rambling comment. Seeded, so a figure can be compared from run to run.
 */
import { Rng, type NonEmpty } from '../simulator/rng.js';

const phrases: NonEmpty<string> = [
  '这个多少钱', '到手价多少', '{n}什么价', '贵不贵啊', '多少米', '今天直播间价格', '原价多少现在多少',
  '有没有大码', '{n}有几个颜色', '165 110斤穿什么码', '容量多大', '一盒几片', '多长多宽',
  '敏感肌能用吗', '孕妇可以吃吗', '小个子能穿吗', '老人用方便吗', '油皮适合吗', '三岁宝宝能喝吗',
  '效果怎么样', '会不会起球', '持妆多久', '好吃吗 甜不甜', '吸力大不大', '用了一周 好多了',
  '什么成分', '含酒精吗', '是纯棉的吗', '什么材质', '有没有添加糖',
  '怎么用', '一天用几次', '能机洗吗', '先用哪个', '怎么冲 水温多少',
  '什么时候发货', '包邮吗', '发什么快递', '几天能到', '新疆发不发',
  '几号链接', '链接在哪', '上链接', '求链接', '怎么买啊', '小黄车第几个',
  '有券吗', '满减怎么算', '送什么赠品', '还能便宜点吗', '福袋什么时候开',
  '还有吗', '补货吗', '没抢到', '卖完了吗', '加库存',
  '能退吗', '有运费险吗', '坏了怎么办', '七天无理由吗', '退款多久到账',
  '正品吗', '是不是假的', '专柜同款吗', '有防伪码吗',
  '已拍', '拍了拍了', '{n}已下单', '回购了', '买了两瓶',
  '来了来了', '主播好美', '666', '打卡', '晚上好', '哈哈哈哈哈', '主播声音好好听',
  // Questions no cue knows, so the fallback model (shared/comments/fallback.ts) is timed too.
  '这个能带上高铁吗', '这款耐高温吗', '拖鞋防臭吗', '枕头芯能拆出来晒吗',
];
const refs: NonEmpty<(n: number) => string> = [
  (n) => `${n}号`,
  (n) => `#${n}`,
  (n) => `${n}#`,
  (n) => `链接${n}`,
  (n) => `${n}号链接`,
  (n) => `${'零一二三四五六七八九十'[n] ?? n}号`,
  (n) => `${n}\uFE0F\u20E3`,
  (n) => `第${n}个`,
];
const openers: NonEmpty<string> = ['', '', '', '主播 ', '姐妹们 ', '宝宝们 ', '请问', 'dd ', '想问下', '主播主播 '];
const endings: NonEmpty<string> = ['', '', '', '？', '??', '？？？', '啊', '呀', '!!!', '😭', '🙏🙏', '[哭惹R]', '👍👍👍', '～'];
const traditional: Record<string, string> = { 这: '這', 个: '個', 钱: '錢', 吗: '嗎', 链: '鏈', 号: '號', 发: '發', 货: '貨' };

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

export function commentCorpus(size: number, seed = 1): string[] {
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const parts = rng.chance(0.15) ? 2 + rng.below(2) : 1;
    let text = rng.pick(openers);
    for (let p = 0; p < parts; p++) {
      const n = 1 + rng.below(12);
      let phrase = rng.pick(phrases).replace('{n}', rng.pick(refs)(n));
      if (!phrase.includes('号') && rng.chance(0.2)) phrase = `${rng.pick(refs)(n)} ${phrase}`;
      text += (p > 0 ? ' ' : '') + phrase;
    }
    text += rng.pick(endings);
    if (rng.chance(0.08)) text = text.replace(/[这个钱吗链号发货]/g, (c) => traditional[c] ?? c);
    if (rng.chance(0.05)) text = fullWidth(text);
    if (rng.chance(0.04)) text = text.repeat(2 + rng.below(2));
    out.push(text);
  }
  return out;
}
