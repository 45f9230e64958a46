// sql-migrate: `-- +migrate Up` and `-- +migrate Down` sections; StatementBegin/End mark one statement.
import { markedSections, readSections, type MigrationReader } from './reader.js';

const UP = /^\s*--\s*\+migrate\s+Up\b/i;
const DOWN = /^\s*--\s*\+migrate\s+Down\b/i;
const MARKERS = [/^\s*--\s*\+migrate\s+(?:StatementBegin|StatementEnd)\b/i];

export const sqlMigrate: MigrationReader = {
  framework: 'sql-migrate',
  language: 'sql',
  detect: (_path, text) => /^\s*--\s*\+migrate\s+Up\b/im.test(text),
  read: (input) => readSections(input, markedSections(input.text, UP, DOWN, MARKERS)),
};
