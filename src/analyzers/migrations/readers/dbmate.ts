// dbmate: `-- migrate:up` and `-- migrate:down` sections in one file.
import { markedSections, readSections, type MigrationReader } from './reader.js';

const UP = /^--\s*migrate:up\b/;
const DOWN = /^--\s*migrate:down\b/;

export const dbmate: MigrationReader = {
  framework: 'dbmate',
  language: 'sql',
  detect: (_path, text) => /^--\s*migrate:up\b/m.test(text),
  read: (input) => readSections(input, markedSections(input.text, UP, DOWN)),
};
