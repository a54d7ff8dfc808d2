import { describe, expect, it } from 'vitest';
import apparel from './apparel.json' with { type: 'json' };
import { scenarioNames, scenarios } from './index.js';
import { parseScenario } from './load.js';
import skincare from './skincare.json' with { type: 'json' };

type File = { name: string; products: Record<string, unknown>[]; rundown: Record<string, unknown>[]; coupons: string[]; phrases: Record<string, string[]>; [field: string]: unknown };
const copy = (data: typeof apparel | typeof skincare): File => structuredClone(data) as File;

describe('scenario files', () => {
  it('load: every scenario, under its own name', () => {
    for (const name of scenarioNames) expect(scenarios[name].name).toBe(name);
    expect(scenarios.apparel.products[0]).toMatchObject({ id: 'ap-floral-dress', price: 25_900, flashPrice: 15_900 });
    expect(scenarios.skincare.rundown.reduce((sum, s) => sum + s.minutes, 0)).toBe(90);
    expect(scenarios.apparel.rundown.reduce((sum, s) => sum + s.minutes, 0)).toBe(110);
    expect(scenarios.apparel).not.toHaveProperty('about');
  });

  it('refuse a broken file with the file, the place and the reason', () => {
    const badCategory = copy(apparel);
    badCategory.products[1]!.category = 'clothes';
    expect(() => parseScenario(badCategory, 'apparel')).toThrow(/apparel\.json is invalid[\s\S]*products\[1\]\.category/);

    const typo = copy(skincare);
    typo.products[0]!.flashprice = 100;
    expect(() => parseScenario(typo, 'skincare')).toThrow(/flashprice[\s\S]*products\[0\]/);

    const outOfCart = copy(apparel);
    outOfCart.rundown[2]!.product = 7;
    expect(() => parseScenario(outOfCart, 'apparel')).toThrow(/is a position in the cart, 1 to 6[\s\S]*rundown\[2\]\.product/);

    const noFlashPrice = copy(apparel);
    noFlashPrice.rundown[5]!.flashPrice = true;
    expect(() => parseScenario(noFlashPrice, 'apparel')).toThrow(/product 2 \(ap-fleece-hoodie\) has no flashPrice[\s\S]*rundown\[5\]\.flashPrice/);

    const unknownCoupon = copy(skincare);
    unknownCoupon.rundown[1]!.coupon = 'sk-new-99';
    expect(() => parseScenario(unknownCoupon, 'skincare')).toThrow(/"sk-new-99" is not one of coupons[\s\S]*rundown\[1\]\.coupon/);

    const noPhrases = copy(skincare);
    noPhrases.phrases.usage = [];
    expect(() => parseScenario(noPhrases, 'skincare')).toThrow(/phrases\.usage/);

    const twice = copy(skincare);
    twice.products[1]!.id = twice.products[0]!.id;
    expect(() => parseScenario(twice, 'skincare')).toThrow(/"sk-niacinamide-serum" is used twice[\s\S]*products\[1\]\.id/);

    expect(() => parseScenario(apparel, 'skincare')).toThrow(/skincare\.json is invalid[\s\S]*"skincare", not "apparel"/);
  });
});
