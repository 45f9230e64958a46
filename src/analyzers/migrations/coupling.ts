// Coupled change: the release changes a migration and source files that use what it changes.
import { describeOp, typeChange } from '../../model/sql.js';
import type { MigrationCoupledFact, MigrationOpFact } from '../../model/facts/migrations.js';

const COUPLING_ACTIONS = new Set([
  'drop-table',
  'rename-table',
  'drop-column',
  'rename-column',
  'change-column-type',
  'add-column',
  'set-not-null',
  'drop-default',
]);

export interface SourceText {
  path: string;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function wordPattern(name: string): RegExp {
  const variants = new Set([name, camel(name)]);
  return new RegExp(`(?<![A-Za-z0-9_$])(?:${[...variants].map(escape).join('|')})(?![A-Za-z0-9_$])`, 'i');
}

/** For each risky operation, the changed source files (at the older release) that name its table and column. */
export function coupledChanges(ops: MigrationOpFact[], sources: SourceText[]): MigrationCoupledFact[] {
  const out: MigrationCoupledFact[] = [];
  for (const fact of ops) {
    const { op } = fact;
    if (fact.newObject || !COUPLING_ACTIONS.has(op.action) || !op.table || op.table === '*') continue;
    // A table rebuilt or put back under its name is still there for the older code.
    if (fact.rebuilt || fact.recreated) continue;
    if (op.action === 'add-column' && !(op.notNull && !op.hasDefault)) continue;
    // A widening of the same kind is no coupling hazard: the older code reads and writes the column as before.
    if (op.action === 'change-column-type' && typeChange(op) === 'widening') continue;
    const tableRe = wordPattern(op.table);
    const columnRe = op.column && op.action !== 'add-column' ? wordPattern(op.column) : undefined;
    const hits: { path: string; line: number; text: string; both: boolean }[] = [];
    for (const source of sources) {
      if (!tableRe.test(source.text) || (columnRe && !columnRe.test(source.text))) continue;
      const lines = source.text.split('\n');
      const target = columnRe ?? tableRe;
      let best: { line: number; text: string; both: boolean } | undefined;
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (!target.test(l)) continue;
        const both = tableRe.test(l) && (!columnRe || columnRe.test(l));
        if (!best || (both && !best.both)) best = { line: i + 1, text: l.trim().slice(0, 160), both };
        if (both) break;
      }
      if (best) hits.push({ path: source.path, ...best });
    }
    hits.sort((a, b) => Number(b.both) - Number(a.both) || (a.path < b.path ? -1 : 1));
    const first = hits[0];
    if (!first) continue;
    out.push({
      kind: 'migration.coupled',
      path: fact.path,
      line: fact.line,
      migration: fact.migration,
      object: op.column && op.action !== 'add-column' ? `${op.table}.${op.column}` : op.table,
      what: describeOp(op),
      sourcePath: first.path,
      sourceLine: first.line,
      sourceText: first.text,
      ...(hits.length > 1 ? { alsoIn: hits.slice(1, 4).map((h) => `${h.path}:${h.line}`) } : {}),
    });
  }
  return out;
}
