/** A suggestion for view tests: its line and reason as given, carried as messages the way the engine carries its own. */
import { cue } from '../engine/cue-text.js';
import type { Suggestion } from '../engine/types.js';

export function suggestion(s: Omit<Suggestion, 'text'>): Suggestion {
  return { ...s, text: { line: cue('verbatim', { text: s.line }), reasons: [cue('verbatim', { text: s.reason })] } };
}
