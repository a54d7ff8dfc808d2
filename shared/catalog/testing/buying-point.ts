/** A buying point for tests: the merchant's own, accepted, with only what a test is about spelled out. */
import type { BuyingPoint } from '../catalog.js';

export function buyingPoint(id: string, productId: string, line: string, overrides: Partial<BuyingPoint> = {}): BuyingPoint {
  return {
    id,
    productId,
    audience: '',
    scenario: '',
    pain: '',
    benefit: '',
    proof: '',
    line,
    answers: [],
    keywords: [],
    origin: 'merchant',
    originNote: '',
    status: 'accepted',
    ...overrides,
  };
}
