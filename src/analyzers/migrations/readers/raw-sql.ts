// Migration scripts that pass SQL to a database client themselves: umzug with a raw client
// (`context.query('…')`), postgres.js/slonik/pg templates (`sql\`…\``, `pool.query(sql\`…\`)`), and
// project-made runners with up/down functions. Only the SQL is read; a call it cannot read is reported.
import type { MigrationReader } from './reader.js';
import { readScript } from './script-tree.js';

export const umzug: MigrationReader = {
  framework: 'umzug',
  language: 'script',
  detect: (_path, text) => /\bumzug\b|MigrationFn\b|RunnableMigration\b/i.test(text),
  read: (input) => readScript(input, 'umzug', () => undefined),
};

/** Any script with an up function: the SQL it passes to a client is what it does. */
export const rawSql: MigrationReader = {
  framework: 'raw-sql',
  language: 'script',
  detect: (_path, text) => /\bup\b\s*[:=(]|function\s+up\b|exports\.up\b/.test(text),
  read: (input) => readScript(input, 'raw-sql', () => undefined),
};
