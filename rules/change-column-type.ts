import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';
import { typeChange } from '../src/model/sql.js';

export default defineRule({
  id: 'change-column-type',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release changes a column type, which may narrow or rewrite the data the older code reads and writes.',
  checklist: 'database',
  remediation:
    'Check that the older code can read and write the new type; widen types instead of narrowing, or add a new column and backfill.',
  docs: {
    why: 'A type change rewrites the stored values. A narrower type (shorter text, smaller integer, different format) can reject what the older code writes or change what it reads, and a change of kind (a number stored as text) breaks older code that parses the value. A widening of the same kind (varchar(255) to varchar(1024), int to bigint) is harmless to the older code.',
    example:
      '`ALTER TABLE orders ALTER COLUMN total TYPE integer;` or `ALTER TABLE orders ALTER COLUMN ref TYPE text;` when ref held integers.',
    fix: 'Add a column of the new type, backfill it, switch the code over, and drop the old column in a later release.',
  },
  check(facts) {
    return opsOf(facts, 'change-column-type').map((f) => {
      const { from, to } = { from: f.op.fromType, to: f.op.dataType };
      switch (typeChange(f.op)) {
        case 'widening':
          return opFinding(f, `a widening of the same kind (${from} to ${to}): the older code still reads and writes it`, {
            severity: 'low',
          });
        case 'converted':
          return opFinding(f, `the values are converted (${from} to ${to}): check that the older code reads them the same way`, {
            severity: 'medium',
          });
        case 'wider-number':
          return opFinding(f, `a widening to a wider number (${from} to ${to}), though the older code may read it as another number type`, {
            severity: 'medium',
          });
        case 'narrowing':
          return opFinding(f, `a narrowing (${from} to ${to}): values the older code writes may no longer fit`);
        case 'other-kind':
          return opFinding(f, `a change of kind (${from} to ${to}): the older code that parses or compares the value as it was breaks`);
        case 'maybe-widening':
          return opFinding(
            f,
            'a widening only if the column already held values of that kind; from a number or another kind, older code that parses the value breaks',
            { severity: 'medium' },
          );
        case 'unknown':
          return opFinding(f, 'the stored values are converted and the older code may not read or write the new type');
      }
    });
  },
});
