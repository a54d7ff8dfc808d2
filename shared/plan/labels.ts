/** The plan's enumerations as a live team names them, in both languages (editor, overlay, CLI, files). */
import type { AutoCheck, PlanGoalKey, ProductRole, SegmentKind } from './plan.js';

type Label = { zh: string; en: string };

export const segmentKindLabels: Readonly<Record<SegmentKind, Label>> = {
  warmUp: { zh: '开场暖场', en: 'Warm-up' },
  deal: { zh: '福利放送', en: 'Deals' },
  hero: { zh: '主推讲解', en: 'Hero product' },
  lottery: { zh: '互动抽奖', en: 'Giveaway' },
  pass: { zh: '过款', en: 'Run-through' },
  encore: { zh: '返场', en: 'Encore' },
  closing: { zh: '下播预告', en: 'Sign-off' },
  custom: { zh: '自定义', en: 'Custom' },
};

export const productRoleLabels: Readonly<Record<ProductRole, Label>> = {
  traffic: { zh: '引流款', en: 'Traffic' },
  deal: { zh: '福利款', en: 'Deal' },
  hero: { zh: '主推款', en: 'Hero' },
  margin: { zh: '利润款', en: 'Margin' },
  encore: { zh: '返场', en: 'Encore' },
};

export const goalLabels: Readonly<Record<PlanGoalKey, Label>> = {
  gmv: { zh: '成交金额', en: 'GMV' },
  uv: { zh: '累计观看人数', en: 'Viewers (UV)' },
  viewerConversion: { zh: '观看-成交转化率', en: 'Viewer conversion' },
  clickBuyRate: { zh: '点击-成交转化率', en: 'Click → buy rate' },
  newFollowers: { zh: '新增粉丝', en: 'New followers' },
  groupJoins: { zh: '进群人数', en: 'Group joins' },
  peakOnline: { zh: '最高在线人数', en: 'Peak online' },
};

export const autoCheckLabels: Readonly<Record<AutoCheck, Label>> = {
  cartHasLineup: { zh: '排品都在直播间购物车里', en: 'Every line-up product is in the live cart' },
  stockReady: { zh: '库存不少于计划库存', en: 'Stock covers the planned stock' },
  priceMatches: { zh: '直播价与计划价一致', en: 'Live prices match the plan' },
  heroPoints: { zh: '每个主推款至少两条已采纳买点', en: 'Every hero product has two accepted buying points' },
  linesCompliant: { zh: '买点话术通过真诚经营检查', en: "The plan's lines pass the 真诚经营 check" },
};
