import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, git, tempDir, twoReleases } from '../../support/repo.js';
import { FakeGitHub } from '../../support/github-server.js';
import { sarifErrors } from '../../support/sarif.js';
import { PLATFORM_IDS } from '../../../src/model/platform.js';
import { SEVERITIES } from '../../../src/model/report.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  run: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const SCRIPT = join(ROOT, 'action', 'run.sh');

/** Runs one step of the action the way the runner would, with the step's inputs as RR_* variables. */
function step(command: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', `"${SCRIPT}" ${command}`], {
    cwd: env.GITHUB_WORKSPACE,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: a step that talks to the local GitHub server of this process must let it answer. */
function stepAsync(command: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', `"${SCRIPT}" ${command}`], {
      cwd: env.GITHUB_WORKSPACE,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function runner(repo: string) {
  const dir = tempDir();
  const env = {
    GITHUB_WORKSPACE: repo,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  return env;
}

const outputsOf = (file: string) => {
  const text = readFileSync(file, 'utf8');
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  for (const m of text.matchAll(/^([\w-]+)=(.*)$/gm)) out[m[1]!] = m[2]!;
  return out;
};

describe('action.yml', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of ['to', 'from', 'fail-on', 'max-score', 'comment', 'platform']) expect(action.inputs).toHaveProperty(input);
    for (const output of ['verdict', 'risk-score', 'report-path', 'sarif-path'])
      expect(action.outputs[output]!.value).toBe(`\${{ steps.analyse.outputs.${output} }}`);
  });

  it('passes inputs to the shell only through the environment', () => {
    for (const s of action.runs.steps) {
      expect(s.run, s.name).not.toMatch(/\$\{\{/);
      if (s.run.includes('run.sh')) expect(s.run).toMatch(/^"\$GITHUB_ACTION_PATH\/action\/run\.sh" (analyse|comment|gate)$/);
    }
    const comment = action.runs.steps.find((s) => s.run.endsWith(' comment'))!;
    expect(comment.if).toBe("inputs.comment == 'true' && github.event.pull_request");
    expect(action.runs.steps.find((s) => s.run.endsWith(' gate'))!.if).toBe("steps.analyse.outputs.exit-code == '1'");
  });

  describe('its steps, run as the runner runs them', () => {
    const repo = twoReleases(
      { 'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n' },
      {
        'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n',
        'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
      },
    );

    const styleOnly = twoReleases({ 'web/site.css': 'a{color:red}\n' }, { 'web/site.css': 'a {\n  color: red;\n}\n' });

    it('analyse writes SARIF, JSON and the outputs, and defers a failed gate to the gate step', () => {
      const env = runner(repo);
      const analysed = step('analyse', {
        ...env,
        RR_FROM: 'v2',
        RR_TO: 'v1',
        RR_FAIL_ON: 'low',
        RR_PLATFORM: 'gitops',
        RR_WARN_ONLY: 'false',
      });
      expect(analysed.code).toBe(0);
      expect(analysed.stderr).toMatch(/^::error title=rollback-ready gate::gate failed/m);
      const out = outputsOf(env.GITHUB_OUTPUT);
      // A dropped column is critical (w 0.60) and has no down migration (low, w 0.03): 100 × (1 − 0.40 × 0.97) = 61.
      expect(out).toMatchObject({ 'exit-code': '1', verdict: 'blocked', 'risk-score': '61' });
      expect(sarifErrors(JSON.parse(readFileSync(out['sarif-path']!, 'utf8')))).toBe('');
      expect(JSON.parse(readFileSync(out['report-path']!, 'utf8')).rollback.platform).toBe('gitops');
      expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^<!-- rollback-ready -->/);
      expect(analysed.stdout).toMatch(/^BLOCKED — risk 61\/100$/m);
      expect(step('gate', env).code).toBe(1);
    });

    it('analyse passes a clean gate, and honours warn-only', () => {
      const env = runner(styleOnly);
      expect(step('analyse', { ...env, RR_FROM: 'v2', RR_TO: 'v1', RR_FAIL_ON: 'high' }).code).toBe(0);
      expect(outputsOf(env.GITHUB_OUTPUT)['exit-code']).toBe('0');
      const warned = runner(repo);
      expect(step('analyse', { ...warned, RR_FROM: 'v2', RR_TO: 'v1', RR_FAIL_ON: 'low', RR_WARN_ONLY: 'true' }).code).toBe(0);
      expect(outputsOf(warned.GITHUB_OUTPUT)['exit-code']).toBe('0');
    });

    it('analyse fails at once on an input error, and no input runs as shell', () => {
      const env = runner(repo);
      const marker = join(env.RUNNER_TEMP, 'pwned');
      const bad = step('analyse', { ...env, RR_FROM: 'v2', RR_TO: `$(touch ${marker})`, RR_MAX_SCORE: '; touch ' + marker });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^rollback-ready: --max-score/m);
      expect(existsSync(marker)).toBe(false);
      expect(outputsOf(env.GITHUB_OUTPUT)['exit-code']).toBe('2');
    });
  });
});

describe('the Action in a pull request whose base branch moved on', () => {
  // v1 is where the pull request forked; v2 its head (adds a file no analyzer reads). main then gained a file of its
  // own: judged against main's tip, the head would look like it removes it.
  const repo = twoReleases(
    { 'src/a.ts': 'export const a = 1;\n' },
    { 'src/a.ts': 'export const a = 1;\n', 'deploy/seed.bin': Buffer.from([0, 1]) },
  );
  const [forkPoint, head] = ['v1', 'v2'].map((tag) => git(repo, ['rev-parse', `${tag}^{commit}`]).trim()) as [string, string];
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: Buffer.from([9, 9, 9]), encoding: 'utf8' }).trim();
  const tree = execFileSync('git', ['mktree'], {
    cwd: repo,
    input: `${git(repo, ['ls-tree', 'v1^{tree}'])}100644 blob ${blob}\tmain-only.bin\n`,
    encoding: 'utf8',
  }).trim();
  const movedBase = git(repo, ['commit-tree', tree, '-p', forkPoint, '-m', 'main moved on']).trim();

  it('gates, writes SARIF, annotates and summarises against the merge base, as the comment does', async () => {
    const env = runner(repo);
    const github = await new FakeGitHub({
      owner: 'acme',
      name: 'shop',
      pullRequests: [
        { number: 5, title: 'Seed', baseRefName: 'main', headRefName: 'seed', baseRefOid: movedBase, headRefOid: head, comments: [] },
      ],
      commits: [],
    }).start();
    try {
      const event = join(env.RUNNER_TEMP, 'event.json');
      writeFileSync(event, JSON.stringify({ number: 5, pull_request: { number: 5, base: { sha: movedBase }, head: { sha: head } } }));
      // The inputs as action.yml passes them in a pull request with no `to` input.
      const inputs = { RR_FROM: head, RR_TO: '', RR_BASE: movedBase, RR_FAIL_ON: 'low' };
      const analysed = step('analyse', { ...env, ...inputs });
      expect(analysed.code, analysed.stderr).toBe(0);
      const out = outputsOf(env.GITHUB_OUTPUT);
      const report = JSON.parse(readFileSync(out['report-path']!, 'utf8'));
      expect(report.to).toEqual({ ref: `merge base with ${movedBase}`, sha: forkPoint });
      expect(report.changes.map((c: { path: string }) => c.path)).toEqual(['deploy/seed.bin']);
      const sarif = JSON.parse(readFileSync(out['sarif-path']!, 'utf8'));
      expect(JSON.stringify(sarif)).not.toContain('main-only.bin');
      expect(analysed.stderr).not.toContain('main-only.bin');
      expect(analysed.stderr).toMatch(/^::error title=rollback-ready gate::gate failed: 1 finding at or above low/m);
      expect(out['exit-code']).toBe('1');
      const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
      expect(summary).not.toContain('main-only.bin');
      expect(summary).toMatch(/^Before merging: /m);

      // The comment step reads the same pull request from GitHub and comes to the same range and verdict.
      const commented = await stepAsync('comment', {
        ...env,
        GITHUB_TOKEN: 'ghs_test',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_GRAPHQL_URL: github.url,
      });
      expect(commented.code, commented.stderr).toBe(0);
      const body = github.pullRequest(5).comments[0]!.body;
      expect(body).toContain(`\`${head.slice(0, 7)}\` → \`${forkPoint.slice(0, 7)}\``);
      expect(body).toContain(`**${report.verdict.toUpperCase()} — risk ${report.riskScore}/100**`);
      expect(body).not.toContain('main-only.bin');
    } finally {
      await github.stop();
    }
  });

  it('with a `to` input, uses it as given', () => {
    const env = runner(repo);
    expect(step('analyse', { ...env, RR_FROM: head, RR_TO: movedBase, RR_BASE: movedBase }).code).toBe(0);
    const report = JSON.parse(readFileSync(outputsOf(env.GITHUB_OUTPUT)['report-path']!, 'utf8'));
    expect(report.to.sha).toBe(movedBase);
  });
});

describe('action/run.sh on bash 3.2 (macOS runners)', () => {
  // Under `set -u`, bash before 4.4 fails on "${list[@]}" of an empty array ("unbound variable"); no such bash
  // is packaged for this machine, so the script is held to the form that works on every version.
  const script = readFileSync(SCRIPT, 'utf8');

  it('expands every array as ${list[@]+"${list[@]}"}', () => {
    const code = script
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    const guarded = /\$\{(\w+)\[@\]\+"\$\{\1\[@\]\}"\}/g;
    expect(code.match(guarded)?.length).toBeGreaterThanOrEqual(3);
    expect(code.replace(guarded, '').match(/\$\{\w+\[@\]\}/g)).toBeNull();
  });

  it('runs a step with no gate input (the empty array) under set -u', () => {
    const env = runner(twoReleases({ 'a.md': '1\n' }, { 'a.md': '2\n' }));
    const result = step('analyse', { ...env, RR_FROM: 'v2', RR_TO: 'v1' });
    expect(result.code, result.stderr).toBe(0);
    expect(outputsOf(env.GITHUB_OUTPUT)['exit-code']).toBe('0');
  });
});

describe('action.yml', () => {
  it('names the platforms and severities of the registries in its input descriptions', () => {
    expect(action.inputs.platform!.description).toContain(`(${PLATFORM_IDS.join(', ')})`);
    expect(action.inputs['fail-on']!.description).toContain(`(${SEVERITIES.join(', ')})`);
  });
});

describe('the CI recipes of docs/ci.md', () => {
  const page = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
  const yamlBlocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));

  it('are valid YAML', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(3);
  });

  it('has a complete GitHub workflow: full checkout, the action with real inputs, SARIF upload, comment', () => {
    const workflow = yamlBlocks.find((b) => b?.jobs)!;
    const steps = Object.values(
      workflow.jobs as Record<string, { steps: { uses?: string; id?: string; with?: Record<string, unknown>; if?: string }[] }>,
    )[0]!.steps;
    expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { 'fetch-depth': 0 } });
    const ours = steps.find((s) => s.id === 'rollback')!;
    for (const input of Object.keys(ours.with!)) expect(action.inputs, input).toHaveProperty(input);
    expect(ours.with).toHaveProperty('comment');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe('${{ steps.rollback.outputs.sarif-path }}');
    for (const used of JSON.stringify(steps).matchAll(/steps\.rollback\.outputs\.([\w-]+)/g))
      expect(action.outputs).toHaveProperty(used[1]!);
    expect(workflow.permissions).toMatchObject({ 'security-events': 'write', 'pull-requests': 'write' });
  });

  it('has a GitLab job that publishes the Code Quality report it writes', () => {
    const job = yamlBlocks.find((b) => b?.['rollback-ready']?.artifacts)!['rollback-ready'];
    expect(job.variables.GIT_DEPTH).toBe('0');
    expect(job.script.join('\n')).toContain('--output gitlab=gl-code-quality-report.json');
    expect(job.artifacts.reports.codequality).toBe('gl-code-quality-report.json');
  });

  it('has an Argo CD PreSync Job that reads a bare clone', () => {
    const job = yamlBlocks.find((b) => b?.kind === 'Job')!;
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBe('PreSync');
    expect(job.spec.template.spec.containers[0].args[0]).toMatch(
      /git clone --quiet --bare[\s\S]*rollback-ready --repo \/tmp\/app\.git --fail-on critical/,
    );
  });
});
