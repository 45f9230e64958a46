import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

export default defineRule({
  id: 'change-column-type',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release changes a column type, which may narrow or rewrite the data the older code reads and writes.',
  checklist: 'database',
  remediation: 'Check that the older code can read and write the new type; widen types instead of narrowing, or add a new column and backfill.',
  docs: {
    why: 'A type change rewrites the stored values. A narrower type (shorter text, smaller integer, different format) can reject what the older code writes or change what it reads, and the old values may not survive the conversion.',
    example: '`ALTER TABLE orders ALTER COLUMN total TYPE integer;`',
    fix: 'Add a column of the new type, backfill it, switch the code over, and drop the old column in a later release.',
  },
  check(facts) {
    const wide = /^(text|bigint|int8|numeric|decimal|double precision|float8|jsonb?|varchar|character varying|longtext|mediumtext|bigInteger|string)$/i;
    return opsOf(facts, 'change-column-type').map((f) =>
      f.op.dataType && wide.test(f.op.dataType.replace(/['"`]/g, ''))
        ? opFinding(f, 'a widening change the older code should still read and write, though the column is rewritten', { severity: 'medium' })
        : opFinding(f, 'the stored values are converted and the older code may not read or write the new type'),
    );
  },
});
