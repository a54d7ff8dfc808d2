import type { Migration } from './migration.js';

/**
 * A marked talking point keeps what it said as messages too (JSON of
 * shared/copilot/engine/cue-text.ts's SuggestionText), so the recap shows it
 * in the reader's language; marks stored before have only their Chinese.
 */
export const suggestionText: Migration = {
  version: 10,
  name: 'suggestion-text',
  up(db) {
    db.exec('ALTER TABLE suggestion_marks ADD COLUMN text TEXT');
  },
};
