import { describe, expect, it } from 'vitest';
import { productCategories } from '../catalog.js';
import { categoryKnowledge, parseCategoryKnowledge } from './category-knowledge.js';
import shipped from './category-knowledge.json' with { type: 'json' };

const copy = (): { about: string; categories: Record<string, Record<string, unknown>[]> } => structuredClone(shipped);

describe('category-knowledge.json', () => {
  it('loads: every category but "other" has its templates', () => {
    expect(Object.keys(categoryKnowledge).sort()).toEqual(productCategories.filter((c) => c !== 'other').sort());
    expect(categoryKnowledge.skincare[0]).toMatchObject({ key: 'season-sensitive', rule: '换季敏感', answers: ['suitability', 'ingredient'] });
  });

  it('refuses a broken file with the file, the place and the reason', () => {
    const noProof = copy();
    noProof.categories.skincare![1]!.proof = '成分表';
    expect(() => parseCategoryKnowledge(noProof)).toThrow(/category-knowledge\.json is invalid[\s\S]*待补充[\s\S]*categories\.skincare\[1\]\.proof/);

    const badIntent = copy();
    badIntent.categories.food![0]!.answers = ['taste'];
    expect(() => parseCategoryKnowledge(badIntent)).toThrow(/categories\.food\[0\]\.answers\[0\]/);

    const twice = copy();
    twice.categories.home![1]!.key = twice.categories.home![0]!.key;
    expect(() => parseCategoryKnowledge(twice)).toThrow(/key "rental" is used twice[\s\S]*categories\.home\[1\]\.key/);

    const missing = copy();
    delete missing.categories.baby;
    expect(() => parseCategoryKnowledge(missing)).toThrow(/categories\.baby/);

    const unknownField = copy();
    unknownField.categories.digital![0]!.prof = '待补充';
    expect(() => parseCategoryKnowledge(unknownField)).toThrow(/prof/);

    expect(() => parseCategoryKnowledge(null)).toThrow(/category-knowledge\.json is invalid/);
  });
});
