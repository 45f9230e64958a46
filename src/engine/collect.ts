import { pathAt, type Analyzer, type ChangedScript } from '../analyzers/analyzer.js';
import { leftoverFacts } from '../analyzers/files/analyzer.js';
import { pullRequestFixes } from '../analyzers/history/analyzer.js';
import { Facts, type Fact } from '../model/facts.js';
import { advisoryFacts, advisoryQuery } from './advisories.js';
import { append } from '../util/arrays.js';
import type { ChangedFile } from '../model/report.js';
import { isReadScript, loadRelease, type LoadedRelease } from './release.js';
import { countChangedLines } from '../git/line-counts.js';
import type { KnownReadings } from './trees.js';
import type { OpenedRelease } from './open.js';

/**
 * Reads both sides of every changed file and runs the analyzers over them, in order: their facts; then what the
 * files no analyzer classified say by themselves, the security fixes of the merged pull requests, and the
 * advisories the caller looked up.
 */
export async function collectFacts(opened: OpenedRelease, analyzers: readonly Analyzer[]): Promise<Fact[]> {
  const { config, files } = opened;
  let phaseStart = performance.now();
  const phaseDone = (phase: string) => {
    const now = performance.now();
    opened.onPhase(phase, now - phaseStart);
    phaseStart = now;
  };
  let release: LoadedRelease | undefined;
  try {
    release = await loadRelease({
      repo: opened.repo,
      blobs: opened.blobs,
      trees: opened.trees,
      from: opened.from,
      to: opened.to,
      toIsAncestor: opened.toIsAncestor,
      files,
      commits: opened.commits,
      config,
      ...(opened.scope ? { scope: opened.scope.all } : {}),
      onProgress: opened.onProgress,
      deadline: opened.deadline,
      clock: opened.clock,
      onPhase: phaseDone,
      ...(opened.shared ? { shared: opened.shared } : {}),
    });

    // git gave up counting lines (an object it cannot read): they are counted from the texts that were read.
    if (opened.degraded) countChangedLines(files, (file, side) => release!.content(file, side));
    // Every changed script is parsed for the readers, then the analyzers run in order; the scripts an analyzer asks
    // for (`release.tree`) come from the release's cache while they are still in it.
    const { readings, failures } = await readScripts(release, analyzers, opened.shared?.readings ?? (new Map() as KnownReadings));
    phaseDone('parse');
    const facts: Fact[] = [];
    for (const analyzer of analyzers) {
      if (release.outOfTime()) {
        facts.push({
          kind: 'file.unreadable',
          path: '.',
          reason: `the ${analyzer.name} analyzer did not run: the time budget of ${config.limits.timeBudgetSeconds}s (limits.timeBudgetSeconds) ran out`,
        });
        continue;
      }
      opened.onProgress(analyzer.name, 0, files.length);
      append(facts, await runAnalyzer(analyzer, release, readings.get(analyzer) ?? new Map()));
      phaseDone(`analyze:${analyzer.name}`);
    }
    append(facts, failures);
    facts.push({ kind: 'stat', path: '.', name: 'scriptsParsed', value: release.parses() });
    append(facts, leftovers(release, facts, files));
    append(facts, pullRequestFixes(opened.pullRequests ?? [], await opened.commits));
    if (opened.advisories) {
      const { query, places } = advisoryQuery(new Facts(facts));
      if (Object.keys(query).length === 0)
        opened.notes.push('advisories: the rollback goes back to no other npm package version, so there was nothing to check');
      else {
        opened.onProgress('advisories', 0, 1);
        const answer = await opened.advisories(query);
        if ('error' in answer) opened.notes.push(`advisories not checked: ${answer.error}`);
        append(facts, advisoryFacts(query, places, answer));
        phaseDone('advisories');
      }
    }
    return facts;
  } finally {
    release?.close();
  }
}

/**
 * The changed files no analyzer classified, looked at once more: a change of version numbers only says what it is
 * by itself. What is still left is reported for review when the report is assembled.
 */
function leftovers(release: LoadedRelease, facts: readonly Fact[], files: readonly ChangedFile[]): Fact[] {
  const seen = new Set<string>();
  for (const fact of facts) if (fact.kind === 'file.classified' || fact.kind === 'file.unreadable') seen.add(fact.path);
  return leftoverFacts(
    release,
    files.filter((f) => !seen.has(f.path)),
  );
}

/** Scripts parsed between two turns of the event loop. */
const YIELD_EVERY = 20;

/**
 * Every changed script parsed once per side and given to each analyzer's reader; what the readers return is kept
 * and the trees are left to the release's cache. A reader that fails on a script leaves that script for review.
 */
async function readScripts(
  release: LoadedRelease,
  analyzers: readonly Analyzer[],
  known: KnownReadings,
): Promise<{ readings: Map<Analyzer, Map<ChangedFile, unknown>>; failures: Fact[] }> {
  const readers = analyzers.filter((a) => a.readScript !== undefined);
  const readings = new Map(readers.map((a) => [a, new Map<ChangedFile, unknown>()]));
  const failures: Fact[] = [];
  if (readers.length === 0) return { readings, failures };
  const scripts = release.files.filter(isReadScript);
  let done = 0;
  for (const file of scripts) {
    // Not read before the time budget ran out: its content reads as not read, and the analyzers say so.
    if (release.outOfTime()) break;
    if (++done % 200 === 0) release.progress('parsing scripts', done, scripts.length);
    // Parsing holds the thread; a turn of the event loop now and then drains the pipes of the git processes working
    // beside it (the tree listings), which otherwise fill and stop git until parsing ends.
    if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    // A reading is a function of the script: another analysis of the same change (another target) already made it.
    const sides = `${file.status}\0${pathAt(file, 'from')}\0${file.fromBlob ?? ''}\0${pathAt(file, 'to')}\0${file.toBlob ?? ''}`;
    let script: ChangedScript | undefined;
    for (const analyzer of readers) {
      const key = `${analyzer.name}\0${sides}`;
      let outcome = known.get(key);
      if (!outcome) {
        if (!script) {
          script = { file };
          if (file.fromBlob) script.from = await release.tree('from', pathAt(file, 'from'));
          if (file.toBlob) script.to = await release.tree('to', pathAt(file, 'to'));
        }
        if (!script.from && !script.to) break;
        try {
          outcome = { reading: analyzer.readScript!(script) };
        } catch (error) {
          outcome = { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
        }
        known.set(key, outcome);
      }
      if ('error' in outcome)
        failures.push({
          kind: 'file.unreadable',
          path: file.path,
          reason: `the ${analyzer.name} analyzer could not read this script: ${outcome.error}`,
        });
      else if (outcome.reading !== undefined) readings.get(analyzer)!.set(file, outcome.reading);
    }
  }
  return { readings, failures };
}

async function runAnalyzer(analyzer: Analyzer, release: LoadedRelease, readings: ReadonlyMap<ChangedFile, unknown>): Promise<Fact[]> {
  try {
    return await analyzer.analyze(release, readings);
  } catch (error) {
    // A bug in one analyzer must not hide the rest of the report, nor pass as safe.
    const message = error instanceof Error ? error.message : String(error);
    return [{ kind: 'file.unreadable', path: '.', reason: `the ${analyzer.name} analyzer failed: ${message.split('\n')[0]}` }];
  }
}
