import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyComment } from '../classify.js';
import { modelFile, renderModel, trainIntentModel } from '../testing/train-model.js';
import { IntentModel, intentModel, intentModelSchema } from './intent-model.js';

describe('the intent model', () => {
  it('is what the corpus trains now: retrained, it is the committed file byte for byte (run `npm run train:comments` when this fails)', () => {
    expect(renderModel(trainIntentModel())).toBe(readFileSync(modelFile, 'utf8'));
  }, 120_000);

  it('refuses a file whose weights do not fit its features and classes, with the reason', () => {
    const data = intentModelSchema.parse(JSON.parse(readFileSync(modelFile, 'utf8')));
    expect(() => new IntentModel({ ...data, features: [...data.features, 'extra'] })).toThrow(/weights for \d+ features × 14 classes/);
    expect(() => new IntentModel({ ...data, scale: data.scale.slice(1) })).toThrow(/one value per class/);
    expect(intentModelSchema.safeParse({ ...data, threshold: 2 }).success).toBe(false);
  });

  it('names the features that tipped a reading, and how sure it is', () => {
    const label = classifyComment('这款耐高温吗');
    expect(label.cues.find((c) => c.startsWith('model:'))).toMatch(/^model:\S+( \S+){0,2}$/);
    expect(label.confidence).toBeGreaterThan(0);
    expect(label.confidence).toBeLessThanOrEqual(1);
    // A price asked plainly is price, and sure; chat is other.
    expect(classifyComment('这个多少钱')).toMatchObject({ intent: 'price', question: true });
    expect(classifyComment('这个多少钱').confidence).toBeGreaterThan(intentModel.threshold);
    expect(classifyComment('主播今天好漂亮').intent).toBe('other');
  });
});
