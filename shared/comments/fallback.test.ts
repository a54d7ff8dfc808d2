/**
 * The fallback model: its features, when it answers, that its labels say so,
 * and that the committed counts are what the training script makes of the
 * in-project sets (so nobody edits them by hand or forgets to regenerate).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyComment } from './classify.js';
import { fallbackFeatures, guessIntent } from './fallback.js';
import { normalise } from './normalise.js';
import { modelPath, renderFromTrainingSets } from './testing/train-fallback.js';

describe('fallbackFeatures', () => {
  it('takes characters and neighbouring pairs per chunk, edges marked, any number as #', () => {
    expect([...fallbackFeatures('有37的吗')].sort()).toEqual(['#', '#的', '^有', '吗', '吗$', '有', '有#', '的', '的吗'].sort());
    expect(fallbackFeatures('#3 还有吗')).toEqual(fallbackFeatures('#12 还有吗'));
  });
});

describe('guessIntent', () => {
  it('guesses a question the lexicon does not know, with the features that decided it', () => {
    const guess = guessIntent(normalise('这款耐高温吗'));
    expect(guess?.intent).toBe('efficacy');
    expect(guess?.evidence.length).toBeGreaterThan(0);
  });

  it('stays out of chat and of text it has never seen', () => {
    expect(guessIntent(normalise('这个妹子是新来的吗'))).toBeNull();
    expect(guessIntent('')).toBeNull();
  });
});

describe('classifyComment with the fallback', () => {
  it('labels a cue-less question by the model and says so in the cues', () => {
    const label = classifyComment('拖鞋防臭吗');
    expect(label.intent).toBe('efficacy');
    expect(label.cues.some((cue) => cue.startsWith('model:'))).toBe(true);
  });

  it('does not consult the model when a cue fired or when nothing is asked', () => {
    expect(classifyComment('耐高温吗 多少钱').cues.some((cue) => cue.startsWith('model:'))).toBe(false);
    expect(classifyComment('拖鞋防臭').intent).toBe('other');
  });
});

describe('fallback-model.ts', () => {
  it('is what testing/train-fallback.ts generates from the training sets', () => {
    expect(readFileSync(modelPath, 'utf8')).toBe(renderFromTrainingSets());
  });
});
