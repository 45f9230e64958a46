// Keeps the rule set honest: the registry is the one list, and every rule carries what users need.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { CHECKLIST } from '../../src/model/checklist.js';
import { CATEGORIES, SEVERITIES } from '../../src/model/report.js';
import { ROOT } from '../support/repo.js';

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('rule registry', () => {
  it('registers every rule file, under the id of its file name', () => {
    expect(Object.keys(RULES).sort()).toEqual(ruleFiles.sort());
    for (const [key, rule] of Object.entries(RULES)) expect(rule.id).toBe(key);
  });

  it.each(Object.values(RULES).map((r) => [r.id, r] as const))('%s is complete', (id, rule) => {
    expect(CATEGORIES).toContain(rule.category);
    expect(SEVERITIES).toContain(rule.severity);
    expect(Object.keys(CHECKLIST)).toContain(rule.checklist);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.remediation.length).toBeGreaterThan(20);
    expect(rule.docs.why.length).toBeGreaterThan(40);
    expect(rule.docs.example.length).toBeGreaterThan(10);
    expect(rule.docs.fix.length).toBeGreaterThan(20);
    const testFile = join(ROOT, 'test', 'rules', `${id}.test.ts`);
    expect(existsSync(testFile), `${id} needs test/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toMatch(/testRule\(/);
  });

  it('has no rule id used in source that is not registered', () => {
    const used = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/ruleId:\s*'([a-z0-9-]+)'/g)) used.add(m[1]!);
        }
      }
    };
    scan(join(ROOT, 'src'));
    scan(join(ROOT, 'rules'));
    for (const id of used) expect(Object.keys(RULES), `ruleId '${id}' is not registered`).toContain(id);
  });
});
