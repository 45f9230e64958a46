// goose SQL migrations: `-- +goose Up` and `-- +goose Down` sections; StatementBegin/End mark one statement.
import { markedSections, readSections, type MigrationReader } from './reader.js';

const UP = /^\s*--\s*\+goose\s+Up\b/i;
const DOWN = /^\s*--\s*\+goose\s+Down\b/i;
const MARKERS = [/^\s*--\s*\+goose\s+(?:StatementBegin|StatementEnd|NO\s+TRANSACTION|ENVSUB\s+\w+)\b/i];

export const goose: MigrationReader = {
  framework: 'goose',
  language: 'sql',
  detect: (_path, text) => /^\s*--\s*\+goose\s+Up\b/im.test(text),
  read: (input) => readSections(input, markedSections(input.text, UP, DOWN, MARKERS)),
};
