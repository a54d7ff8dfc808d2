/**
 * Puts a live comment into one canonical spelling so the lexicons need to
 * know each phrase once: half-width ASCII in lower case, simplified
 * characters, emoji removed (or named when they carry a meaning), runs of
 * repeated characters and phrases collapsed, common typos and slang
 * respelled, and Chinese numerals turned into digits where they name a
 * product (三号 → 3号, 链接十二 → 链接12, 第三个 → 第3个).
 *
 * Runs once per comment on the hot path, so it is a handful of precompiled
 * regexes and one pass over the characters; no Intl.Segmenter (see
 * docs/COMMENTS.md for why).
 */

// The traditional characters seen in live-commerce comments (about a
// thousand), each with its simplified form at the same index. Characters that
// are also in everyday simplified use with another meaning (著) are left out.
const traditional =
  '這個們嗎麼來說話對時會發髮貨錢買賣價號鏈鍊連碼顏質實現還沒麗歡樂優費郵運遞達問題聽見視覺試論請謝讓給紅綠藍黃銀層膚臉純絲' +
  '羅綿纖維織紡線綫襪褲衛長寬東輕鬆緊細幾點數兩萬億張條隻雙罈務營業體驗證據獎搶庫單補擊斷賬帳車購贈禮劵滿減鮮魚雞鴨鵝絨麵飯' +
  '餅飲嬰兒婦媽爺孫歲學習電腦機燈熱涼凍廚鍋爐壺盤紙濕乾幹淨潔廣場歷經過適應該須鬚雖讀寫聞開關門間閃悶聯係繫於與為爲從眾傳備' +
  '當無貴賺賠負貼資財贊讚頭額頸顆預領頻顧願顯類風飛餘館馬駕騙驚鬧鳥鹹鹽麥黴齊齒龍壞壓墊塊幣師帶幫廠廢彈復複後態憂戲戶掛擠擔' +
  '擇換擺攝暫書極構標樣樹檢櫃歐歸殺氣決況淺測溫滅漲漢澀濃烏煙燒燙爭爾牆狀獨獲環產畫異瘡癢皺盡監確礙稱種穩窮競筆節範簡糧級紀' +
  '約紋納終組結絕統網緣練緻縮總績繼續罰聖聲職膠膩膽臟髒臨舊莊葉藥蘋蝦蟲蠟衝沖裝製襯規親觀計訂認討訊記設許診評詞詳誇誠誤課調' +
  '談識護變貝販責貸貿賀賴贏趕跡軟較載輔輸轉辦農進遊違遠選遺邊鄉醫釋鐘針銷鋪舖鋼錄錯鍵鎖鏡閉閱隊陽陰際險隨雜難靈靜響頁項順頓' +
  '飄飾養餓鬥鹼齡團糰國圍圖圓夢夠奪寶寵將專尋導屬帥廳強彎懶戀戰擁擋撿攤敗暈榮橫檔櫥權殘毀潤濾灑灣燭牽瑪畢疊療盜礎禍離穀窩筍' +
  '簽籤籃紐紗紹絡綁綜緩編縫縣繩繪繡義翹腳腸臘艷華萊蓋蔥薦藝蘇蘭處術裏裡覽觸訓託訪詢誌語誰諾謊講譯議豐豬貓賞賽趨蹤軍輪辭醜醬' +
  '釀鈕鈣鉛鉤銅鋁鋰鍍鎂鐵鑽閒閑闆雲霧靚韓頂頰飽饅騰驅鬍鯊鳳鴿鶴滷鹵噴嚐嘗塗塵壯壽夾奧妝娛嬌宮屜廂廟彙恆悅惱愛慣慮慶憑憶懷懸' +
  '挾捨掃揀損搖摳撐撥撫擬擴擼攢斬暢曬棄棗楓樁橢檯臺颱櫻欄歎殼氫汙淚湯溝漁漬潑澆濺瀉灘煉煩熒燉燜燦犧狹獅瑩瓊瓏畝瘋癒盧睏瞞礦' +
  '磚祿禦稅窯竄箏篩簾籠糞糾紮紳絞綑綢緞縷繃繞纏罵羨聰肅脹腎膿臍艦蘆虛螢蠔襖覓詐誕誘諧諮謙貞賭贖軀輩輯轟遲邏醃鈔鈴銘銳鋸錦錶' +
  '鍛鎮鏟鐲鑰閘闊闖陸鞏頌頗顛颳餃餵饞駛騎驢鴻鶯麩齋喫妳蝨嚇嚨嘆噸嚮壇奮孃嬸屆嶺峽幀廈彌徑徵惡懼懲搗攏敘斂暉暱曉曆朧槍殯氈汎' +
  '滬漿潛澤瀏災煥牘猶獻璽甕甦疇瘺皚盞睜矯禪竊筧築箋籌紈絀緬縛纜翺聳脅脈艙莖葷蒼蓮蔔薩蟬蠶衊褸覬訛訝詭譏譴讒贗躉辮遼鈍閩隸靨' +
  '颯駁驟鯉鯨鱈鵲龐厲啟喚嗆嘩嘯噁噹嚴圇堅報墜壩奩婭嫵嬪孿寧審寢岡嵐巖幟廬彥徹愷慚慘慪慾憐懇懣懺戔拋捲掙揚摟摯撈撓撲擄擰擲擾' +
  '攜攪敵晝曠桿梘椏楊榪槓樓樞檜櫚欖歟毆氾洩涇淒渦渾湊準滯滲漚潰澇濁濱瀋瀾灤烴煒燁燼爛牀犢狽猙獄獵玀琺璉瓔癟癱皰盃睞瞼矓碩磯' +
  '礫祕禎稈稜穎窪竇篤簍籬粵糴紜紓絳綱綴緹縉縝繒繳罌羆翬聶膾臏興艤芻茲莢葦蒔蕎薈藹蘊虜蛺蜆蝕螞蟄蠣衚袞褻襝覘訐訕訖詎詒詘誑誼' +
  '諂諒諛謁謐謗謠謬譁譚讎豎貪貶賂賄賅賑賒賦賤贅贍趙踐躍軌軒輛輝轅轎辯迴週郟鄒酈醞釁釣鈞鉅鉗銓鋤錘鍬鎊鐐鑑鑒閣閥闈貳';
const simplified =
  '这个们吗么来说话对时会发发货钱买卖价号链链连码颜质实现还没丽欢乐优费邮运递达问题听见视觉试论请谢让给红绿蓝黄银层肤脸纯丝' +
  '罗绵纤维织纺线线袜裤卫长宽东轻松紧细几点数两万亿张条只双坛务营业体验证据奖抢库单补击断账帐车购赠礼券满减鲜鱼鸡鸭鹅绒面饭' +
  '饼饮婴儿妇妈爷孙岁学习电脑机灯热凉冻厨锅炉壶盘纸湿干干净洁广场历经过适应该须须虽读写闻开关门间闪闷联系系于与为为从众传备' +
  '当无贵赚赔负贴资财赞赞头额颈颗预领频顾愿显类风飞余馆马驾骗惊闹鸟咸盐麦霉齐齿龙坏压垫块币师带帮厂废弹复复后态忧戏户挂挤担' +
  '择换摆摄暂书极构标样树检柜欧归杀气决况浅测温灭涨汉涩浓乌烟烧烫争尔墙状独获环产画异疮痒皱尽监确碍称种稳穷竞笔节范简粮级纪' +
  '约纹纳终组结绝统网缘练致缩总绩继续罚圣声职胶腻胆脏脏临旧庄叶药苹虾虫蜡冲冲装制衬规亲观计订认讨讯记设许诊评词详夸诚误课调' +
  '谈识护变贝贩责贷贸贺赖赢赶迹软较载辅输转办农进游违远选遗边乡医释钟针销铺铺钢录错键锁镜闭阅队阳阴际险随杂难灵静响页项顺顿' +
  '飘饰养饿斗碱龄团团国围图圆梦够夺宝宠将专寻导属帅厅强弯懒恋战拥挡捡摊败晕荣横档橱权残毁润滤洒湾烛牵玛毕叠疗盗础祸离谷窝笋' +
  '签签篮纽纱绍络绑综缓编缝县绳绘绣义翘脚肠腊艳华莱盖葱荐艺苏兰处术里里览触训托访询志语谁诺谎讲译议丰猪猫赏赛趋踪军轮辞丑酱' +
  '酿钮钙铅钩铜铝锂镀镁铁钻闲闲板云雾靓韩顶颊饱馒腾驱胡鲨凤鸽鹤卤卤喷尝尝涂尘壮寿夹奥妆娱娇宫屉厢庙汇恒悦恼爱惯虑庆凭忆怀悬' +
  '挟舍扫拣损摇抠撑拨抚拟扩撸攒斩畅晒弃枣枫桩椭台台台樱栏叹壳氢污泪汤沟渔渍泼浇溅泻滩炼烦荧炖焖灿牺狭狮莹琼珑亩疯愈卢困瞒矿' +
  '砖禄御税窑窜筝筛帘笼粪纠扎绅绞捆绸缎缕绷绕缠骂羡聪肃胀肾脓脐舰芦虚萤蚝袄觅诈诞诱谐咨谦贞赌赎躯辈辑轰迟逻腌钞铃铭锐锯锦表' +
  '锻镇铲镯钥闸阔闯陆巩颂颇颠刮饺喂馋驶骑驴鸿莺麸斋吃你虱吓咙叹吨向坛奋娘婶届岭峡帧厦弥径征恶惧惩捣拢叙敛晖昵晓历胧枪殡毡泛' +
  '沪浆潜泽浏灾焕牍犹献玺瓮苏畴瘘皑盏睁矫禅窃笕筑笺筹纨绌缅缚缆翱耸胁脉舱茎荤苍莲卜萨蝉蚕蔑褛觊讹讶诡讥谴谗赝趸辫辽钝闽隶靥' +
  '飒驳骤鲤鲸鳕鹊庞厉启唤呛哗啸恶当严囵坚报坠坝奁娅妩嫔孪宁审寝冈岚岩帜庐彦彻恺惭惨怄欲怜恳懑忏戋抛卷挣扬搂挚捞挠扑掳拧掷扰' +
  '携搅敌昼旷杆枧桠杨杩杠楼枢桧榈榄欤殴泛泄泾凄涡浑凑准滞渗沤溃涝浊滨沈澜滦烃炜烨烬烂床犊狈狰狱猎猡珐琏璎瘪瘫疱杯睐睑眬硕矶' +
  '砾秘祯秆棱颖洼窦笃篓篱粤籴纭纾绛纲缀缇缙缜缯缴罂罴翚聂脍膑兴舣刍兹荚苇莳荞荟蔼蕴虏蛱蚬蚀蚂蛰蛎胡衮亵裣觇讦讪讫讵诒诎诳谊' +
  '谄谅谀谒谧谤谣谬哗谭雠竖贪贬赂贿赅赈赊赋贱赘赡赵践跃轨轩辆辉辕轿辩回周郏邹郦酝衅钓钧巨钳铨锄锤锹镑镣鉴鉴阁阀闱贰';

const toSimplified = new Map<number, number>();
for (let i = 0; i < traditional.length; i++) toSimplified.set(traditional.charCodeAt(i), simplified.charCodeAt(i));

/** Chinese punctuation that has an ASCII meaning for the patterns; brackets and quotes become spaces. */
const punctuation = new Map<number, string>([
  [0x3002, '.'], // 。
  [0x3001, ','], // 、
  [0x2026, '.'], // …
  [0x00b7, ' '], // ·
  [0x300c, ' '], // 「
  [0x300d, ' '],
  [0x300e, ' '],
  [0x300f, ' '],
  [0x3010, ' '], // 【
  [0x3011, ' '],
  [0x300a, ' '], // 《
  [0x300b, ' '],
  [0x201c, ' '], // “
  [0x201d, ' '],
  [0x2018, ' '],
  [0x2019, ' '],
]);

/** Full-width ASCII → half-width, upper → lower case, traditional → simplified, punctuation → ASCII, in one pass. */
function mapCharacters(text: string): string {
  let out = '';
  let changedFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    if (code >= 0xff01 && code <= 0xff5e) {
      const ascii = code - 0xfee0;
      replacement = String.fromCharCode(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii);
    } else if (code >= 65 && code <= 90) {
      replacement = String.fromCharCode(code + 32);
    } else if (code === 0x3000) {
      replacement = ' ';
    } else if (code >= 0x4e00) {
      const simple = toSimplified.get(code);
      if (simple !== undefined) replacement = String.fromCharCode(simple);
    } else if (code > 0x7f) {
      replacement = punctuation.get(code);
    }
    if (replacement !== undefined) {
      out += text.slice(changedFrom, i) + replacement;
      changedFrom = i + 1;
    }
  }
  return changedFrom === 0 ? text : out + text.slice(changedFrom);
}

// Keycap digits (2️⃣, 1️⃣0️⃣) are how hosts and buyers write product numbers.
const keycaps = /(?:[0-9]\uFE0F?\u20E3)+|\u{1F51F}/gu;
const keycapDigit = /\uFE0F?\u20E3/g;
// Emoji that stand for a word the lexicons know; every other emoji is noise.
const emojiWords: Record<string, string> = {
  '🔗': '链接',
  '🛒': '购物车',
  '💰': '钱',
  '💴': '钱',
  '💵': '钱',
  '❓': '?',
  '❔': '?',
  '❗': '!',
  '‼': '!',
};
// Pictographs, skin tones, flags' regional letters, and the joiners and selectors that glue emoji sequences.
const emoji = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0F|\u200D|\u20E3/gu;
// Platform emoji written as text: [哭惹R], [赞], [doge].
const bracketEmoji = /\[[^[\]\s]{1,8}\]/g;

// Anything that may start an emoji or a [bracket] code; most comments have none and skip the work.
const maybeEmoji = /[[\u00a9\u00ae\u2000-\u2bff\u3030\u303d\u3297\u3299\ud800-\udfff]|\ufe0f/;

function replaceEmoji(text: string): string {
  if (!maybeEmoji.test(text)) return text;
  if (text.includes('\u20E3') || text.includes('\u{1F51F}')) {
    text = text.replace(keycaps, (run) => ` #${run === '\u{1F51F}' ? '10' : run.replace(keycapDigit, '')} `);
  }
  if (text.includes('[')) text = text.replace(bracketEmoji, ' ');
  return text.replace(emoji, (e) => emojiWords[e] ?? ' ');
}

// A run of punctuation says one thing: a question if any mark in it asks, else its first mark.
const punctuationRun = /[!?.,~]{2,}/g;
// 哈哈哈哈 → 哈哈, 好好好看 → 好好看; digits are kept (999, 100).
const repeatedCharacter = /(\D)\1{2,}/gu;
// 上链接上链接上链接 → 上链接, 拍了拍了 → 拍了; an A-not-A before a negation (会不会不够, 能不能不要) is not a repeat.
const repeatedPhrase = /(?!(\S)[不没]\1)(\D{2,5}?)\2+/gu;
const spaces = /\s+/g;

/**
 * Typos and slang respelled to the form the lexicons use, as one regex and a
 * table (one pass instead of one per typo). Applied after the character
 * mapping, so only simplified forms appear here.
 */
const respellings: Record<string, string> = {
  时侯: '时候',
  优惠卷: '优惠券',
  优惠劵: '优惠券',
  链节: '链接',
  连结: '链接',
  包油: '包邮',
  木有: '没有',
  神马: '什么',
  甚么: '什么',
  肿么: '怎么',
  咋: '怎么',
  啥: '什么',
  亿点点: '一点',
  亿点: '一点',
};
const respelled = new RegExp(Object.keys(respellings).sort((a, b) => b.length - a.length).join('|'), 'g');
// Sentence-final 么/嘛 ask like 吗 (能用么, 有货嘛); 什么/怎么/这么/干嘛 do not.
const finalParticle = /(?<![什怎这那多要为干])[么嘛](?=$|[\s?!.,~])/g;

// Everyday and formal (壹贰叁, as on receipts) numerals; 拾 is the formal 十.
const numeralValue: Record<string, number> = {
  零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

/** 三 → 3, 十二 → 12, 二十 → 20, 九十九 → 99; undefined for anything else. */
export function chineseNumber(numeral: string): number | undefined {
  const ten = numeral.search(/[十拾]/);
  if (ten === -1) return numeral.length === 1 ? numeralValue[numeral] : undefined;
  // At most one digit before 十 and one after it.
  if (ten > 1 || numeral.length - ten > 2) return undefined;
  const tens = ten === 0 ? 1 : numeralValue[numeral.slice(0, ten)];
  const units = ten === numeral.length - 1 ? 0 : numeralValue[numeral.slice(ten + 1)];
  return tens === undefined || units === undefined ? undefined : tens * 10 + units;
}

// Numerals that name a product: before 号, after 链接, in 第…个/款/号.
const numeralClass = '[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}';
// 大一号 / 小一号 are sizes, not product 1.
const productNumerals = new RegExp(`(?<![大小加换长短宽窄])${numeralClass}(?=号)|(?<=链接)${numeralClass}|(?<=第)${numeralClass}(?=个|款|号|链接)`, 'g');

function numeralsToDigits(text: string): string {
  return text.replace(productNumerals, (numeral) => {
    const n = chineseNumber(numeral);
    return n === undefined ? numeral : String(n);
  });
}

/** The canonical spelling of a comment; see the module comment. */
export function normalise(text: string): string {
  let s = mapCharacters(replaceEmoji(text));
  s = s.replace(punctuationRun, (run) => (run.includes('?') ? '?' : run.charAt(0)));
  s = s.replace(repeatedCharacter, '$1$1').replace(repeatedPhrase, '$2');
  s = s.replace(respelled, (typo) => respellings[typo] ?? typo).replace(finalParticle, '吗');
  if (s.includes('号') || s.includes('链接') || s.includes('第')) s = numeralsToDigits(s);
  return s.replace(spaces, ' ').trim();
}
