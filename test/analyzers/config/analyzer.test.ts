import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../../src/engine/analyze.js';
import { twoReleases } from '../../support/repo.js';

const run = (to: Record<string, string>, from: Record<string, string>) =>
  analyzeRollback({ repo: twoReleases(to, from), from: 'v2', to: 'v1' });

describe('environment variables the rollback needs', () => {
  it('reports DB_URL when the newer code renamed it to DATABASE_URL', async () => {
    const report = await run(
      {
        'src/db.ts': "import { Pool } from 'pg';\n\nexport const db = new Pool({ connectionString: process.env.DB_URL });\n",
        '.env.example': 'PORT=3000\nDB_URL=postgres://localhost/shop\n',
      },
      {
        'src/db.ts': "import { Pool } from 'pg';\n\nexport const db = new Pool({ connectionString: process.env.DATABASE_URL });\n",
        '.env.example': 'PORT=3000\nDATABASE_URL=postgres://localhost/shop\n',
      },
    );
    const env = report.findings.filter((f) => f.ruleId === 'env-var-needed');
    expect(env).toMatchObject([
      { path: 'src/db.ts', line: 3, severity: 'medium', category: 'config-change', evidence: 'process.env.DB_URL' },
    ]);
    expect(env[0]!.message).toMatch(/^the rollback needs DB_URL/);
    expect(report.findings.find((f) => f.ruleId === 'env-example-changed')).toMatchObject({
      path: '.env.example',
      line: 2,
      message: expect.stringMatching(/brings back DB_URL and drops DATABASE_URL/),
    });
    expect(report.checklist.find((c) => c.id === 'config')).toMatchObject({
      status: 'manual',
      detail: expect.stringMatching(/^check by hand: the rollback needs DB_URL/),
    });
    expect(report.changes.find((c) => c.path === '.env.example')!.categories).toEqual(['config-change']);
    expect(report.verdict).toBe('caution');
  });

  it('reads every way of reading a variable, and ignores tests', async () => {
    const to = [
      "const a = process.env['A_KEY'];",
      'const { B_KEY, C_KEY: c, D_KEY = "d" } = process.env;',
      'const e = import.meta.env.VITE_E;',
      "const f = Deno.env.get('F_KEY');",
      'const g = (process.env as any).G_KEY;',
      'const shared = process.env.SHARED;',
      '',
    ].join('\n');
    const report = await run(
      { 'src/env.ts': to, 'src/env.test.ts': 'process.env.TEST_ONLY;\n' },
      { 'src/env.ts': 'const shared = process.env.SHARED;\n', 'src/env.test.ts': '\n' },
    );
    const found = report.findings.filter((f) => f.ruleId === 'env-var-needed').map((f) => [f.message.split(':')[0], f.line, f.evidence]);
    expect(found).toEqual([
      ['the rollback needs A_KEY', 1, "process.env['A_KEY']"],
      ['the rollback needs B_KEY', 2, '{ B_KEY } = process.env'],
      ['the rollback needs C_KEY', 2, '{ C_KEY } = process.env'],
      ['the rollback needs D_KEY', 2, '{ D_KEY } = process.env'],
      ['the rollback needs VITE_E', 3, 'import.meta.env.VITE_E'],
      ['the rollback needs F_KEY', 4, "Deno.env.get('F_KEY')"],
      ['the rollback needs G_KEY', 5, 'process.env.G_KEY'],
    ]);
  });

  it('finds a read whose property name is written with a Unicode escape', async () => {
    // No `env` in the older release's text: only the escape spells it.
    const report = await run(
      { 'src/keys.ts': 'export const key = process.\\u0065nv.LEGACY_KEY;\n' },
      { 'src/keys.ts': 'export const key = 1;\n' },
    );
    const found = report.findings.filter((f) => f.ruleId === 'env-var-needed').map((f) => [f.message.split(':')[0], f.evidence]);
    expect(found).toEqual([['the rollback needs LEGACY_KEY', 'process.env.LEGACY_KEY']]);
  });

  it('stays quiet when an unchanged file of the running release still reads the variable', async () => {
    const report = await run(
      { 'src/db.ts': 'export const url = process.env.DB_URL;\n', 'src/health.ts': 'export const dbUrl = process.env.DB_URL;\n' },
      { 'src/db.ts': 'export const url = process.env.DATABASE_URL;\n', 'src/health.ts': 'export const dbUrl = process.env.DB_URL;\n' },
    );
    expect(report.findings.filter((f) => f.ruleId === 'env-var-needed')).toEqual([]);
  });

  it('stays quiet when the variable moved to another changed file', async () => {
    const report = await run(
      { 'src/a.ts': 'export const url = process.env.DB_URL;\n', 'src/b.ts': 'export const b = 1;\n' },
      { 'src/a.ts': 'export const url = 1;\n', 'src/b.ts': 'export const b = process.env.DB_URL;\n' },
    );
    expect(report.findings.filter((f) => f.ruleId === 'env-var-needed')).toEqual([]);
  });
});

describe('feature-flag and app config files', () => {
  it('names the keys the rollback changes, never their values', async () => {
    const report = await run(
      {
        'config/flags.json': '{"newCheckout": false, "legacyCart": true}',
        'config/app.yaml': 'db:\n  pool: 5\n',
        'settings.toml': '[server]\nport = 80\n',
        '.env.production': 'SECRET=old-secret\n',
      },
      {
        'config/flags.json': '{"newCheckout": true}',
        'config/app.yaml': '# tuned\ndb:\n  pool: 5\n',
        'settings.toml': '[server]\nport = 80 # http\n',
        '.env.production': 'SECRET=new-secret\n',
      },
    );
    const messages = report.findings.filter((f) => f.ruleId === 'config-file-changed').map((f) => f.message);
    expect(messages).toEqual([
      'committed environment file: the rollback changes back SECRET in .env.production',
      'feature flags: the rollback changes back newCheckout, brings back legacyCart in config/flags.json',
      'app config: the rollback changes back server.port in settings.toml',
    ]);
    expect(JSON.stringify(report)).not.toContain('old-secret');
    expect(JSON.stringify(report)).not.toContain('new-secret');
    expect(report.changes.find((c) => c.path === 'config/app.yaml')!.categories).toEqual(['style-only']);
  });

  it("leaves an editor's settings to the files analysis: dev tooling, not app config", async () => {
    // VS Code's settings are JSON with comments and trailing commas, which no JSON reader takes.
    const settings = (words: string) => `{\n  // spelling\n  "cSpell.words": [${words}],\n}\n`;
    const report = await run(
      { '.vscode/settings.json': settings('"upsell"') },
      { '.vscode/settings.json': settings('"upsell", "deepmerge"') },
    );
    expect(report.changes.find((c) => c.path === '.vscode/settings.json')!.categories).toEqual(['style-only']);
    expect(report.findings.filter((f) => f.path === '.vscode/settings.json')).toEqual([]);
  });
});

describe('the environment module', () => {
  const classValidator = (smtp: string) =>
    [
      'import { IsEmail, IsOptional, IsUrl } from "class-validator";',
      'import environment from "./utils/environment";',
      'export class Environment {',
      '  @IsUrl()',
      '  public URL = environment.URL ?? "";',
      smtp,
      '  @IsOptional()',
      '  public SMTP_FROM_EMAIL = environment.SMTP_FROM_EMAIL;',
      '}',
      '',
    ].join('\n');

  it('reports a variable the older release declares with another check (a class-validator decorator)', async () => {
    const report = await run(
      { 'server/env.ts': classValidator('  @IsEmail({ allow_display_name: true })') },
      { 'server/env.ts': classValidator('  @IsMailboxAddress()') },
    );
    expect(report.findings.filter((f) => f.ruleId === 'env-validation-changed')).toMatchObject([
      {
        path: 'server/env.ts',
        line: 6,
        severity: 'medium',
        message:
          'server/env.ts declares SMTP_FROM_EMAIL differently in the older release: values set for the running release must pass its checks',
      },
    ]);
    expect(report.verdict).toBe('caution');
  });

  it('reads zod schemas (t3-env), and leaves variables the release only added to env-var-needed', async () => {
    const t3 = (port: string, extra = '') =>
      `import { z } from "zod";\nexport const env = createEnv({\n  server: {\n    DATABASE_URL: z.string().url(),\n    PORT: ${port},\n${extra}  },\n});\n`;
    const changed = await run(
      { 'src/env.ts': t3('z.coerce.number().default(3000)') },
      { 'src/env.ts': t3('z.coerce.number().min(1024).default(8080)') },
    );
    expect(changed.findings.filter((f) => f.ruleId === 'env-validation-changed').map((f) => f.message)).toEqual([
      'src/env.ts declares PORT differently in the older release: values set for the running release must pass its checks',
    ]);
    const added = await run(
      { 'src/env.ts': t3('z.coerce.number()') },
      { 'src/env.ts': t3('z.coerce.number()', '    SENTRY_DSN: z.string().optional(),\n') },
    );
    expect(added.findings.filter((f) => f.ruleId === 'env-validation-changed')).toEqual([]);
  });

  it('does not read modules that are not the environment module', async () => {
    const report = await run({ 'src/limits.ts': 'export const MAX_ITEMS = 10;\n' }, { 'src/limits.ts': 'export const MAX_ITEMS = 20;\n' });
    expect(report.findings.filter((f) => f.ruleId === 'env-validation-changed')).toEqual([]);
  });
});
