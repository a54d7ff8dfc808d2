/**
 * Does a comment wait for an answer? Yes when it asks (吗, 呢, ?, 几, 多少,
 * 怎么, A不A, 有没有 …), when it requests something of the host (求链接,
 * 上链接, 加库存, 发一下), or when it reports a problem still open (一直没到账,
 * 客服不理人, 点了没反应). No when the question is rhetorical (抢钱呢,
 * 这也叫保湿？, 信你个鬼) or the words only look like a question (在哪都买不到,
 * 多少钱都值, 好几次, 怎么这么好看).
 *
 * Input is normalised text (normalise.ts). Whether the intent itself waits
 * (a purchase never does) is decided in classify.ts.
 */

export interface QuestionReading {
  question: boolean;
  /** What decided it: the asking word, the request, or the rhetorical turn. */
  cue: string | null;
}

const asks = new RegExp(
  [
    '[吗?]',
    // 呢 closing a clause (链接呢); 还包邮呢 + a retort is sarcasm, caught by `rhetorical` first.
    '呢(?=$|[\\s,.!?~])',
    // Wh-words, except where they mean "any/some" (哪都, 什么都, 多少钱都) or exclaim (怎么这么).
    // 才几毛 / 才几天 mean "only a few".
    '(?<![好十没这那才])几(?![乎十百千万])',
    '多少(?!钱?[都也])',
    '多钱',
    '多久',
    '多(?:大|长|重|高|宽|厚|深|粗|远|快|贵)',
    '怎么(?!这么|那么|这样|会这么)',
    '怎样',
    '如何',
    '什么(?![都也])',
    '为什么',
    '哪(?![里儿]?[都也])',
    '谁',
    '是否',
    // A-not-A: 有没有, 是不是, 能不能, 晕不晕, 含不含 …
    '(\\S)[不没]\\1',
    '有木有',
    // Sentence-final 不 / 没 ask (能退不, 包邮不, 结婚了没).
    '(?<![就都也还太并])不(?=$|[\\s,.!?~])',
    '[了有]没(?=$|[\\s,.!?~])',
    '有[^\\s]{1,3}没(?=$|[\\s,.!?~])',
    // Either-or: 羊毛还是羊绒; not 还是 meaning "still" (地铁里还是吵, 用了还是很干, 穿着还是冷).
    // (The look back comes after 还是, so the scan only stops at a 还是.)
    '还是(?<=[^\\s里了但可也都却就着]还是)(?![很太挺不没])\\S',
    // A can-do left open: 三号敏感肌能用, 应该也能用吧.
    '(?:能|可以)[用吃穿喝戴洗](?:吧)?(?=$|[\\s,.!?~])',
    '应该.{0,6}吧$',
    // A worried guess: 不会又是假货吧, 别是坏了吧.
    '(?:不会|别是|该不会).{0,8}吧(?=$|[\\s?.!])',
    // A worried check: 不起皮吧, 不辣吧, 没有酒精吧, 不是假的吧 (not 不错吧, 不是吧, 不用了吧, 不买了吧).
    '(?<![还也都就挺])(?:不|没有?)(?!错|是吧|用|要|买|行|好意思|了)[^\\s了]{1,4}吧(?=$|[\\s?.!~])',
    '\\b(?:how|what|when|where|which|why|who|any)\\b',
    '^(?:is|are|can|do|does|will|could|should)\\b',
  ].join('|'),
);

// A request the buyer takes back (不用上链接了) asks nothing.
const requests = new RegExp(
  [
    '(?<![需要追])求',
    '(?<!不用|不要|别|不需要)上[个下一]{0,2}链接',
    '加库存',
    '补[一点些]{0,2}货(?!了)',
    '加单',
    '再加',
    '多[上放加]点',
    '再上',
    '返场',
    '快上',
    '赶紧上',
    '上车',
    '蹲(?:个|一个|一下)?(?:链接|补货|返场|上|回复|答案)',
    '[发讲说看试回挂上]一下',
    '再(?:说|讲)一[遍下次]',
    '呗(?=$|[\\s,.!?~])',
    '打出来',
    '打在公屏',
    '示范',
    '演示',
    '(?:上|拍|讲)\\s?\\d+号?.{0,3}吧',
    // A bare 上9号: the position to put up next.
    '(?<!\\S)上\\s?\\d+号(?:链接)?(?=$|[\\s!.~])',
    '\\b(?:please|pls|plz)\\b',
  ].join('|'),
);

const openProblems = new RegExp(
  [
    '一直(?:没|不|显示|抢不到|卡|转圈)',
    '还没(?:到|发货|发出|收到|处理|退|回复?|到账|人理)',
    '没到账',
    '没收到',
    '不理',
    '没人(?:理|回|处理|管)',
    // The page says other than the host: 标的价格和你说的不一样.
    '(?:和|跟)(?:你|主播|刚才|之前)?说的不一样',
    // The shop said no: 客服说不能退, 不给换.
    '说不能[退换]',
    '不[给让][退换]',
    '没回复',
    '没反应',
    '点不(?:开|进)',
    '打不开',
    '[刷加]载?不出',
    '[领用抢]不了',
    // 券抢不到啊, 领不到: a deal the buyer cannot get (买不到 is left out: 哪里都买不到这个价 is praise).
    '[领抢]不到',
    '找不到',
    '没有?看[到见]',
    '看不[到见]',
    '没找到',
    '错了',
    '[坏破漏烂碎裂]了',
    '[坏破漏烂碎]的(?=$|[\\s,.!?~])',
    '发错',
    '少发',
    '漏发',
  ].join('|'),
);

const rhetorical = new RegExp(
  [
    '信你个?鬼',
    '我信你',
    '抢钱',
    '这也叫',
    '就这(?!个|款|么[大多])',
    '就这么点',
    '根本',
    '还\\S{1,4}呢\\s+\\S',
    '别问了',
    '怎么可能',
  ].join('|'),
);

export function readQuestion(norm: string): QuestionReading {
  const turn = rhetorical.exec(norm);
  if (turn !== null) return { question: false, cue: turn[0] };
  const asked = asks.exec(norm) ?? requests.exec(norm) ?? openProblems.exec(norm);
  return asked === null ? { question: false, cue: null } : { question: true, cue: asked[0] };
}
