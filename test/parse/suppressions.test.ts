import { describe, expect, it } from 'vitest';
import { commentSyntaxOf, suppressionsIn } from '../../src/parse/suppressions.js';

const marker = (open: string, close = '') => `${open} rollback-ready-ignore drop-column: nothing reads it${close}`;

describe('suppressionsIn', () => {
  it.each([
    ['db/1.sql', marker('--'), 'ALTER TABLE users DROP COLUMN email;'],
    ['db/1.sql', marker('/*', ' */'), 'ALTER TABLE users DROP COLUMN email;'],
    ['src/a.ts', marker('//'), 'export const a = 1;'],
    ['src/a.ts', marker('/*', ' */'), 'export const a = 1;'],
    ['src/a.tsx', marker('{/*', ' */}'), '<Route path="/a" />'],
    ['deploy/app.yaml', marker('#'), 'replicas: 2'],
    ['Dockerfile', marker('#'), 'FROM node:20'],
    ['.env.example', marker('#'), 'DB_URL='],
    ['scripts/run.sh', marker('#'), 'exec node server.js'],
    ['db/changelog.xml', marker('<!--', ' -->'), '<dropColumn tableName="users" columnName="email"/>'],
    ['src/App.vue', marker('<!--', ' -->'), '<router-view />'],
  ])('%s: %s', (path, comment, code) => {
    expect(suppressionsIn(path, `first line\n${comment}\n${code}\n`)).toEqual([
      { line: 3, comment: 2, ruleId: 'drop-column', reason: 'nothing reads it' },
    ]);
  });

  it('reads only the comment syntax of the file kind', () => {
    expect(suppressionsIn('db/1.sql', `${marker('#')}\nDROP TABLE a;\n`)).toEqual([]);
    expect(suppressionsIn('src/a.ts', `${marker('--')}\nexport {};\n`)).toEqual([]);
    expect(suppressionsIn('deploy/app.yaml', `${marker('//')}\nreplicas: 2\n`)).toEqual([]);
    expect(commentSyntaxOf('package.json')).toBeUndefined();
    expect(suppressionsIn('package.json', `{ "//": "${marker('//')}" }\n`)).toEqual([]);
  });

  it('applies to the next line of code: blank lines, doc comments and other suppressions sit between', () => {
    const text = [
      '// rollback-ready-ignore export-removed: internal',
      '// rollback-ready-ignore signature-narrowed',
      '',
      '/**',
      ' * Docs.',
      ' */',
      'export function f() {}',
    ].join('\n');
    expect(suppressionsIn('src/a.ts', text)).toEqual([
      { line: 7, comment: 1, ruleId: 'export-removed', reason: 'internal' },
      { line: 7, comment: 2, ruleId: 'signature-narrowed', reason: 'no reason given' },
    ]);
  });

  it('a comment with no code after it applies to its own line', () => {
    expect(suppressionsIn('db/1.sql', `DROP TABLE a;\n${marker('--')}\n`)).toEqual([
      { line: 2, comment: 2, ruleId: 'drop-column', reason: 'nothing reads it' },
    ]);
  });

  it('a comment at the end of a line of code is not a suppression', () => {
    expect(suppressionsIn('src/a.ts', `export const a = 1; ${marker('//')}\n`)).toEqual([]);
  });
});

describe('suppression reasons', () => {
  it('are clipped: a comment line has no length of its own', () => {
    const [s] = suppressionsIn('src/a.ts', `// rollback-ready-ignore export-removed: ${'x'.repeat(5000)}\nexport {};\n`);
    expect(s!.reason).toHaveLength(300);
    expect(s!.reason.endsWith('…')).toBe(true);
  });
});
