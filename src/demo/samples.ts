// The sample repositories of the demo and the docs, built from fixture folders: each subfolder is a release,
// in name order, tagged with its name less a leading order number (`3-api@1.1.0` → `api@1.1.0`). A file beside a
// release folder named after it with `.message` (`2-v2.message`) is its commit message.
// Commit dates and identities are fixed (src/testing/fixture-repo.ts), so shas are the same on every machine.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, type ReleaseSpec } from '../testing/fixture-repo.js';
import { PACKAGE_ROOT } from '../util/version.js';

/** The sample app of `npm run demo`: fixtures/demo, releases v1.0.0 and v1.1.0. */
export const DEMO_SAMPLE = 'demo';

export function sampleReleases(sample: string): ReleaseSpec[] {
  const folder = join(PACKAGE_ROOT, 'fixtures', sample);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const tag = name.replace(/^\d+-/, '');
      const message = join(folder, `${name}.message`);
      return { tree: join(folder, name), tag, message: existsSync(message) ? readFileSync(message, 'utf8').trim() : `release ${tag}` };
    });
}

/** Builds the sample as a git repository in `dir` and returns `dir`. */
export function buildSample(sample: string, dir: string): string {
  return buildRepo(sampleReleases(sample), dir);
}
