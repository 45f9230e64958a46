// MikroORM: `this.addSql('…')` (and `this.execute`) in up() and down().
import type { MigrationReader } from './reader.js';
import { readScript } from './script-tree.js';

export const mikroOrm: MigrationReader = {
  framework: 'mikro-orm',
  language: 'script',
  detect: (_path, text) => /@mikro-orm\/migrations|this\.addSql\s*\(/.test(text),
  read: (input) => readScript(input, 'mikro-orm', () => undefined),
};
