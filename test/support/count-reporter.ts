// Ends every run with the plain line `N passed, N failed` that CI records. Both sides count tests. A test file
// that fails before any of its tests is collected (an import that throws) has no tests to count: it is named on
// its own line and counts as one failed test, so the run can never read as green.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that failed before their tests were collected. */
  unloaded: string[];
}

export function countTests(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>, root = process.cwd()): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0, unloaded: [] };
  for (const module of modules) {
    const tests = [...module.children.allTests()];
    if (module.state() === 'failed' && tests.length === 0) counts.unloaded.push(relative(root, module.moduleId));
    for (const test of tests) {
      const state = test.result().state;
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed') counts.failed += 1;
      else counts.skipped += 1;
    }
  }
  counts.failed += counts.unloaded.length + errors.length;
  return counts;
}

export function closingLines(counts: Counts): string {
  const lines: string[] = [];
  if (counts.unloaded.length > 0) {
    lines.push(
      `${counts.unloaded.length} test file${counts.unloaded.length === 1 ? '' : 's'} failed before any test ran (one failure each): ${counts.unloaded.join(', ')}`,
    );
  }
  lines.push(`${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  return `\n${lines.join('\n')}\n`;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    process.stdout.write(closingLines(countTests(modules, errors)));
  }
}
