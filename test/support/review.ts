// A real rollback to review: a fail item (release volume with low thresholds), a manual item
// (files no analyzer reads: unknown kinds) and passing ones, analysed from a real temporary repository.
import { analyzeRollback } from '../../src/engine/analyze.js';
import type { Report } from '../../src/model/report.js';
import { buildRepo } from './repo.js';

const base = { 'src/a.ts': 'export const a = 1;\n', 'README.md': '# app\n' };

export function threeReleases(): string {
  return buildRepo([
    { tree: base, tag: 'v1', date: 1_700_000_000 },
    { tree: { ...base, 'README.md': '# app\n\nsecond\n' }, tag: 'v2', date: 1_700_100_000 },
    {
      tree: {
        ...base,
        'src/a.ts': 'export const a = 2;\n',
        'docker/entry.unk': 'run\n',
        'settings.unk': 'TOKEN=\n',
        'evil\u001b[2Jname.cfg': 'x\n',
      },
      tag: 'v3',
      date: 1_700_200_000,
    },
  ]);
}

export const CONFIG = { platform: 'heroku', rules: { 'release-volume': { options: { files: [0, 1] } } } };

export async function reviewReport(repo = threeReleases(), config: Record<string, unknown> = CONFIG): Promise<Report> {
  return analyzeRollback({ repo, from: 'v3', to: 'v1', config });
}
