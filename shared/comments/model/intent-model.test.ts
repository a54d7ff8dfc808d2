import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyComment } from '../classify.js';
import { modelFile, renderModel, trainIntentModel } from '../testing/train-model.js';
import { IntentModel, intentModel, intentModelSchema } from './intent-model.js';

describe('the intent model', () => {
  it('is what the corpus trains now: retrained, it is the committed file byte for byte (run `npm run train:comments` when this fails)', () => {
    expect(renderModel(trainIntentModel())).toBe(readFileSync(modelFile, 'utf8'));
    // Training takes about 45 s alone on two cores, and three times that beside the rest of the suite.
  }, 300_000);

  it('refuses a file whose weights do not fit its features and classes, with the reason', () => {
    const data = intentModelSchema.parse(JSON.parse(readFileSync(modelFile, 'utf8')));
    expect(() => new IntentModel({ ...data, features: [...data.features, 'extra'] })).toThrow(/\d+ intent weights for \d+ features × 15 classes/);
    expect(() => new IntentModel({ ...data, intent: { ...data.intent, scale: data.intent.scale.slice(1) } })).toThrow(/intent head's bias and scale must have one value per class/);
    expect(() => new IntentModel({ ...data, question: { ...data.question, weights: data.intent.weights } })).toThrow(/question weights for \d+ features × 2 classes/);
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

  it('reads whether a comment asks where the question rules alone are wrong, and names what overruled them', () => {
    // No question mark, no question word: a bare demand for the link still waits for an answer.
    const demand = classifyComment('链接!!');
    expect(demand).toMatchObject({ intent: 'link', question: true });
    expect(demand.cues.some((c) => c.startsWith('question:model'))).toBe(true);
    // 说好的…呢 is a complaint, not a question, for all its 呢.
    const complaint = classifyComment('说好的包邮呢 运费还要十块');
    expect(complaint.question).toBe(false);
    expect(complaint.cues.some((c) => c.startsWith('not question:model'))).toBe(true);
  });
});
