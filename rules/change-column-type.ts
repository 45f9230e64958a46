import { defineRule } from './rule.js';
import { opFinding, opsOf } from './_migration.js';

type Family = 'integer' | 'decimal' | 'float' | 'text' | 'json' | 'time' | 'other';

/** The kind of a type and, for text and integers, its size (characters, bytes). */
function typeOf(raw: string): { family: Family; size: number } {
  const t = raw.replace(/['"`]/g, '').replace(/^(?:sequelize|datatypes)\./i, '').toLowerCase().trim();
  const length = /\((\d+)/.exec(t)?.[1];
  if (/^(?:tinyint|int1)\b/.test(t)) return { family: 'integer', size: 1 };
  if (/^(?:smallint|int2|smallserial|int16|uint8)\b/.test(t)) return { family: 'integer', size: 2 };
  if (/^(?:mediumint|integer|int|int4|serial|int32|uint16)\b/.test(t)) return { family: 'integer', size: 4 };
  if (/^(?:bigint|int8|biginteger|bigserial|int64|uint32|uint64)\b/.test(t)) return { family: 'integer', size: 8 };
  if (/^(?:numeric|decimal|money)\b/.test(t)) return { family: 'decimal', size: length ? Number(length) : Infinity };
  if (/^(?:real|float4|float32)\b/.test(t)) return { family: 'float', size: 4 };
  if (/^(?:double|float8|float64|float)\b/.test(t)) return { family: 'float', size: 8 };
  if (/^(?:varchar|character varying|nvarchar|char|character|nchar|string|varbinary)\b/.test(t)) return { family: 'text', size: length ? Number(length) : t.startsWith('char') ? 1 : 255 };
  if (/^(?:tinytext)\b/.test(t)) return { family: 'text', size: 255 };
  if (/^(?:text|mediumtext|longtext|citext|clob|ntext)\b/.test(t)) return { family: 'text', size: Infinity };
  if (/^(?:json|jsonb)\b/.test(t)) return { family: 'json', size: 0 };
  if (/^(?:timestamp|timestamptz|datetime|date|time)\b/.test(t)) return { family: 'time', size: 0 };
  return { family: 'other', size: 0 };
}

/** Targets that widen most columns of their kind: judged medium when what the column was is not known. */
const WIDE = /^(?:text|bigint|int8|numeric|decimal|double precision|float8|jsonb?|varchar|character varying|longtext|mediumtext|biginteger|string)$/i;

export default defineRule({
  id: 'change-column-type',
  category: 'destructive-migration',
  severity: 'high',
  description: 'A migration of the release changes a column type, which may narrow or rewrite the data the older code reads and writes.',
  checklist: 'database',
  remediation: 'Check that the older code can read and write the new type; widen types instead of narrowing, or add a new column and backfill.',
  docs: {
    why: 'A type change rewrites the stored values. A narrower type (shorter text, smaller integer, different format) can reject what the older code writes or change what it reads, and a change of kind (a number stored as text) breaks older code that parses the value. A widening of the same kind (varchar(255) to varchar(1024), int to bigint) is harmless to the older code.',
    example: '`ALTER TABLE orders ALTER COLUMN total TYPE integer;` or `ALTER TABLE orders ALTER COLUMN ref TYPE text;` when ref held integers.',
    fix: 'Add a column of the new type, backfill it, switch the code over, and drop the old column in a later release.',
  },
  check(facts) {
    return opsOf(facts, 'change-column-type').map((f) => {
      const to = f.op.dataType;
      const from = f.op.fromType;
      if (to && from) {
        const [a, b] = [typeOf(from), typeOf(to)];
        const sameKind = a.family === b.family && a.family !== 'other';
        if (sameKind && b.size >= a.size) return opFinding(f, `a widening of the same kind (${from} to ${to}): the older code still reads and writes it`, { severity: 'low' });
        if (sameKind && (a.family === 'json' || a.family === 'time')) return opFinding(f, `the values are converted (${from} to ${to}): check that the older code reads them the same way`, { severity: 'medium' });
        if (sameKind) return opFinding(f, `a narrowing (${from} to ${to}): values the older code writes may no longer fit`);
        if ((a.family === 'integer' && (b.family === 'decimal' || b.family === 'float')) || (a.family === 'float' && b.family === 'decimal' && b.size === Infinity)) {
          return opFinding(f, `a widening to a wider number (${from} to ${to}), though the older code may read it as another number type`, { severity: 'medium' });
        }
        return opFinding(f, `a change of kind (${from} to ${to}): the older code that parses or compares the value as ${a.family === 'other' ? from : `a ${a.family === 'integer' ? 'number' : a.family} value`} breaks`);
      }
      if (to && WIDE.test(to.replace(/['"`]/g, ''))) {
        return opFinding(f, `a widening only if the column already held values of that kind; from a number or another kind, older code that parses the value breaks`, { severity: 'medium' });
      }
      return opFinding(f, 'the stored values are converted and the older code may not read or write the new type');
    });
  },
});
