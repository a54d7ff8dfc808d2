/** Turns a tick's candidates into the ranked suggestions: one per id, timed, one per statement (merged), best first. */
import type { Candidate } from './candidates.js';
import { COPILOT } from './thresholds.js';
import type { Suggestion, SuggestionKind } from './types.js';

export interface Timing {
  createdAt: number;
  expiresAt: number;
}

/** What a suggestion shown merged: the ids of the others and the comments they all answer. */
export interface Merged {
  ids: readonly string[];
  comments: readonly string[];
}

export interface Ranking {
  /** Best first. */
  suggestions: Suggestion[];
  /** The same, by id. */
  live: Map<string, Suggestion>;
  /** Per suggestion shown that merged others or answers comments. */
  merged: Map<string, Merged>;
  /** Every candidate id (merged or not) → when it appeared and when it expires. */
  timing: Map<string, Timing>;
}

/** Cues whose expiry is fixed when raised (they are about a moment); others live while their condition holds. */
const MOMENT_CUES: ReadonlySet<SuggestionKind> = new Set(['welcome', 'hook', 'groupInvite']);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `before` is the last tick's timing; a candidate that expires now starts its cool-down in `coolDown`. */
export function rank(candidates: readonly Candidate[], now: number, before: ReadonlyMap<string, Timing>, coolDown: Map<string, number>): Ranking {
  const byId = new Map<string, Candidate>();
  for (const c of candidates) {
    const existing = byId.get(c.id);
    if (!existing || c.priority > existing.priority) byId.set(c.id, c);
  }
  const timing = new Map<string, Timing>();
  const timed: (Candidate & Timing)[] = [];
  for (const c of byId.values()) {
    const previous = before.get(c.id);
    const createdAt = previous?.createdAt ?? now;
    const expiresAt = MOMENT_CUES.has(c.kind) && previous ? previous.expiresAt : now + c.ttl;
    if (expiresAt <= now) {
      coolDown.set(c.id, now + COPILOT.COOL_DOWN_MS);
      continue;
    }
    timing.set(c.id, { createdAt, expiresAt });
    timed.push({ ...c, createdAt, expiresAt });
  }

  // The highest priority of each statement leads; the others add their reasons, sources and comments.
  timed.sort((a, b) => b.priority - a.priority || byText(a.id, b.id));
  const groups = new Map<string, { suggestion: Suggestion; ids: string[]; comments: string[] }>();
  for (const c of timed) {
    const group = groups.get(c.say);
    if (!group) {
      const { ttl: _ttl, say: _say, comments, ...suggestion } = c;
      const text = { line: suggestion.text.line, reasons: [...suggestion.text.reasons] };
      groups.set(c.say, { suggestion: { ...suggestion, sources: [...suggestion.sources], text }, ids: [], comments: [...comments] });
      continue;
    }
    const s = group.suggestion;
    group.ids.push(c.id);
    group.comments.push(...c.comments);
    for (const source of c.sources) if (!s.sources.includes(source)) s.sources.push(source);
    if (!s.reason.includes(c.reason)) {
      s.reason = `${s.reason}；${c.reason}`;
      s.text.reasons.push(...c.text.reasons);
    }
    s.quote ??= c.quote;
    s.createdAt = Math.min(s.createdAt, c.createdAt);
    s.expiresAt = Math.max(s.expiresAt, c.expiresAt);
  }
  const live = new Map<string, Suggestion>();
  const merged = new Map<string, Merged>();
  const suggestions: Suggestion[] = [];
  for (const { suggestion, ids, comments } of groups.values()) {
    live.set(suggestion.id, suggestion);
    if (ids.length > 0 || comments.length > 0) merged.set(suggestion.id, { ids, comments });
    suggestions.push(suggestion);
  }
  suggestions.sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt || byText(a.id, b.id));
  return { suggestions, live, merged, timing };
}
