// `npm run demo`: builds the bundled sample app as a real git repository with two releases
// in a temp folder, then runs rollback-ready on "roll back from v1.1.0 to v1.0.0".
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../testing/fixture-repo.js';
import { CLI_BUNDLE } from '../util/version.js';
import { DEMO_SAMPLE, buildSample } from './samples.js';

const repo = buildSample(DEMO_SAMPLE, join(tempDir('rollback-ready-demo-'), 'shop-api'));

// The plain report unless asked otherwise (`npm run demo -- --format tui` opens the terminal review).
const extra = process.argv.slice(2);
const format = extra.some((a) => a === '--format' || a.startsWith('--format=')) ? [] : ['--format', 'text'];
const args = ['--repo', repo, '--from', 'v1.1.0', '--to', 'v1.0.0', ...format, ...extra];
process.stderr.write(`Sample repository: ${repo} (releases v1.0.0 and v1.1.0)\n$ rollback-ready ${args.join(' ')}\n\n`);
const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { stdio: 'inherit' });
process.exitCode = result.status ?? 2;
