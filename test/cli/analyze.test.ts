import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT, buildRepo, cli, git, repoState, tempDir, twoReleases } from '../support/repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const plain = twoReleases(
  { 'src/a.ts': 'export const a = 1;\n', 'migrations/001_t.sql': 'CREATE TABLE t (id INT);\n' },
  { 'src/a.ts': 'export const a = 2;\nexport const b = 3;\n', 'migrations/001_t.sql': 'CREATE TABLE t (id INT);\n', 'notes.md': 'x\n' },
);

describe('rollback-ready analyze', () => {
  it('prints the JSON contract, valid against the schema in the repo', () => {
    const { code, stdout } = cli(['--repo', plain, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'rollback-ready' },
      from: { ref: 'v2' },
      to: { ref: 'v1' },
      toIsAncestor: true,
      volume: { commits: 1, files: 2, insertions: 3, deletions: 1, authors: 1 },
    });
    expect(report.changes).toEqual([
      { path: 'notes.md', status: 'added', categories: ['docs'] },
      // The rollback removes the export b that v2 added.
      { path: 'src/a.ts', status: 'modified', categories: ['code-change', 'contract-change'] },
    ]);
    expect(report.checklist.map((c: { id: string }) => c.id)).toContain('review');
  });

  it('says the refs look swapped, and still compares the two trees', () => {
    const { code, stdout } = cli(['--repo', plain, '--from', 'v1', '--to', 'v2', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ toIsAncestor: false, toIsDescendant: true });
    expect(report.notes[0]).toMatch(/^--to is newer than --from: did you swap them\?/);
    expect(report.changes).toContainEqual({ path: 'notes.md', status: 'deleted', categories: ['docs'] });
  });

  it('gives byte-identical output for the same input', () => {
    const a = cli(['--repo', plain, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout;
    const b = cli(['--repo', plain, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout;
    const t1 = cli(['--repo', plain, '--from', 'v2', '--to', 'v1']).stdout;
    const t2 = cli(['--repo', plain, '--from', 'v2', '--to', 'v1']).stdout;
    expect(a).toBe(b);
    expect(t1).toBe(t2);
  });

  it('calls an empty diff safe with score 0', () => {
    const dir = buildRepo([
      { tree: { 'a.ts': 'export const a = 1;\n' }, tag: 'v1' },
      { tree: { 'a.ts': 'export const a = 1;\n' }, tag: 'v2' },
    ]);
    const report = JSON.parse(cli(['--repo', dir, '--from', 'v2', '--to', 'v1', '--format', 'json']).stdout);
    expect(report).toMatchObject({ verdict: 'safe', riskScore: 0, changes: [], findings: [] });
    expect(report.checklist.every((c: { status: string }) => c.status === 'pass')).toBe(true);
  });

  it('defaults --from to HEAD and --to to the previous release tag', () => {
    const dir = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'v1.9.0' },
      { tree: { 'a.md': '2\n' }, tag: 'v1.10.0' },
      { tree: { 'a.md': '3\n' } },
    ]);
    const report = JSON.parse(cli(['--format', 'json'], { cwd: dir }).stdout);
    expect(report.from.ref).toBe('HEAD');
    expect(report.to.ref).toBe('v1.10.0');
  });

  it('--base REF: the target is the merge base of --from and REF, and the advice speaks of merging', () => {
    const dir = twoReleases({ 'a.md': '1\n' }, { 'a.md': '1\n', 'b.bin': Buffer.from([0, 1]) });
    const fork = git(dir, ['rev-parse', 'v1^{commit}']).trim();
    const moved = git(dir, ['commit-tree', 'v1^{tree}', '-p', fork, '-m', 'main moved on']).trim();
    const { code, stdout } = cli(['--repo', dir, '--from', 'v2', '--base', moved, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).to).toEqual({ ref: `merge base with ${moved}`, sha: fork });
    expect(cli(['--repo', dir, '--from', 'v2', '--base', moved]).stdout).toMatch(/^Before merging: /m);
    expect(cli(['--repo', dir, '--from', 'v2', '--to', 'v1']).stdout).toMatch(/^Next: /m);
    expect(cli(['--repo', dir, '--from', 'v2', '--base', moved, '--to', 'v1'])).toMatchObject({
      code: 2,
      stderr:
        'rollback-ready: --base and --to both name the target — pass --to for a rollback, or --base for a pull request (the target is then the merge base)\n',
    });
    expect(cli(['--repo', dir, '--base', 'nope']).stderr).toMatch(/^rollback-ready: --base nope: no such ref or commit/);
  });

  it('skips prereleases for the default --to unless --tag-pattern asks for them', () => {
    const dir = buildRepo([
      { tree: { 'a.md': '1\n' }, tag: 'v1.0.0' },
      { tree: { 'a.md': '2\n' }, tag: 'v1.1.0-rc.1' },
      { tree: { 'a.md': '3\n' } },
    ]);
    expect(JSON.parse(cli(['--format', 'json'], { cwd: dir }).stdout).to.ref).toBe('v1.0.0');
    expect(JSON.parse(cli(['--format', 'json', '--tag-pattern', 'v*'], { cwd: dir }).stdout).to.ref).toBe('v1.1.0-rc.1');
  });

  it('asks for --to when there is no earlier release tag, and for the tags when the clone has none', () => {
    const untagged = buildRepo([{ tree: { 'a.md': '1\n' } }, { tree: { 'a.md': '2\n' } }]);
    const none = cli(['--repo', untagged]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'rollback-ready: no release tag before HEAD to roll back to: the repository has no tags — run `git fetch --tags` if the releases are tagged on a remote, or pass --to with the tag, branch or commit to roll back to\n',
    );
    const tagged = buildRepo([{ tree: { 'a.md': '1\n' } }, { tree: { 'a.md': '2\n' }, tag: 'v1' }]);
    const { code, stderr } = cli(['--repo', tagged, '--from', 'v1']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'rollback-ready: no release tag before v1 to roll back to — pass --to with the tag, branch or commit to roll back to\n',
    );
  });

  it('without --to in a shallow clone, says the tags may be missing and how to fetch them', () => {
    const shallow = join(tempDir(), 'shallow');
    git(tempDir(), ['clone', '-q', '--depth', '1', '--no-tags', `file://${plain}`, shallow]);
    const { code, stderr } = cli(['--repo', shallow]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'rollback-ready: no release tag before HEAD to roll back to in this shallow clone (its tags and older history may not have been fetched) — run `git fetch --unshallow --tags` (in GitHub Actions: actions/checkout with `fetch-depth: 0`), or pass --to\n',
    );
  });

  it('never writes to the analysed repository', () => {
    const before = repoState(plain);
    for (const format of ['text', 'json']) cli(['--repo', plain, '--from', 'v2', '--to', 'v1', '--format', format]);
    expect(repoState(plain)).toBe(before);
  });

  it('works on a bare clone', () => {
    const bare = join(tempDir(), 'bare.git');
    git(tempDir(), ['clone', '-q', '--bare', plain, bare]);
    const before = repoState(bare);
    const { code, stdout } = cli(['--repo', bare, '--from', 'v2', '--to', 'v1', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).volume.files).toBe(2);
    expect(repoState(bare)).toBe(before);
  });

  describe('errors: one line, exit 2, no stack trace', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown ref', ['--repo', plain, '--from', 'v2', '--to', 'nope'], /--to nope: no such ref or commit/],
      ['a ref that looks like an option', ['--repo', plain, '--from', 'v2', '--to=--output=x'], /cannot start with "-"/],
      ['a path as a ref', ['--repo', plain, '--from', 'v2', '--to', 'HEAD:../../etc/passwd'], /not a valid ref/],
      ['a folder that is no repository', ['--repo', tempDir(), '--from', 'HEAD', '--to', 'HEAD'], /is not a git repository/],
      ['a missing folder', ['--repo', '/no/such/dir'], /no such folder/],
      ['an unknown option', ['--repo', plain, '--colour'], /^rollback-ready: unknown option --colour — see `rollback-ready --help`\n$/],
      ['an unknown format', ['--repo', plain, '--format', 'xml'], /--format xml: unknown format/],
      ['an unknown severity', ['--repo', plain, '--fail-on', 'huge'], /--fail-on huge: unknown severity/],
      ['a bad score', ['--repo', plain, '--max-score', '101'], /--max-score 101: not a whole number from 0 to 100/],
    ];
    it.each(cases)('%s', (_name, args, message) => {
      const { code, stdout, stderr } = cli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
    });

    it('writes nothing when a ref tries to smuggle an option', () => {
      const dir = tempDir();
      cli(['--repo', plain, '--from', 'v2', '--to=--output=' + join(dir, 'x')]);
      cli(['--repo', plain, '--from', 'v2', '--to', `--upload-pack=touch ${join(dir, 'y')}`]);
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  it('prints help and version', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Usage[\s\S]*--fail-on[\s\S]*Exit codes/) });
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('names the verdict and the next step in the text report', () => {
    const { stdout } = cli(['--repo', plain, '--from', 'v2', '--to', 'v1']);
    expect(stdout).toMatch(/^(SAFE|CAUTION|BLOCKED) — risk \d+\/100$/m);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^Next: /);
    expect(stdout).not.toMatch(/\u001b/);
  });
});

describe('--platform', () => {
  it('ends the report with the rollback command and the caveats of the platform', () => {
    const json = JSON.parse(cli(['--repo', plain, '--from', 'v2', '--to', 'v1', '--format', 'json', '--platform', 'gitops']).stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.rollback.commands[0]).toBe(`git revert --no-edit ${json.to.sha}..${json.from.sha}`);
    expect(json.rollback.caveats.join(' ')).toMatch(/migrations are never rolled back/i);
    const swapped = JSON.parse(cli(['--repo', plain, '--from', 'v1', '--to', 'v2', '--format', 'json', '--platform', 'gitops']).stdout);
    expect(swapped.rollback.commands[0]).toBe(`git reset --hard ${swapped.to.sha}`);
    const text = cli(['--repo', plain, '--from', 'v2', '--to', 'v1', '--platform', 'heroku']).stdout;
    expect(text).toMatch(/Roll back on heroku\n {2}\$ heroku releases\n {2}\$ heroku rollback <release of v1>/);
  });

  it('refuses an unknown platform', () => {
    const { code, stderr } = cli(['--repo', plain, '--platform', 'mainframe']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--platform mainframe: unknown platform — use one of: gitops, convox/);
  });
});
