import { ANALYZERS } from '../analyzers/index.js';
import type { Report } from '../model/report.js';
import { RULE_LIST } from '../../rules/index.js';
import { assembleReport } from './assemble.js';
import { collectFacts } from './collect.js';
import { openRelease } from './open.js';
import type { AnalyzeOptions } from './options.js';

export type { AnalyzeOptions } from './options.js';

/**
 * Analyses rolling back from `from` (running now) to `to` (the target), read-only: the release opened (git,
 * config, scope), its facts collected by the analyzers, and the report assembled from them (pure).
 * This is the programmatic API; the CLI is a thin layer over it.
 */
export async function analyzeRollback(options: AnalyzeOptions = {}): Promise<Report> {
  const release = await openRelease(options);
  try {
    const facts = await collectFacts(release, options.analyzers ?? ANALYZERS);
    const start = performance.now();
    const report = assembleReport(
      {
        from: release.from,
        to: release.to,
        toIsAncestor: release.toIsAncestor,
        toIsDescendant: release.toIsDescendant,
        files: release.files,
        facts,
        configFacts: release.configFacts,
        config: release.config,
        commits: await release.commitCount(),
        notes: release.notes,
        stats: { blobsRead: release.blobs.reads, filesAnalyzed: release.files.length },
        configSource: release.configSource,
        ...(release.scope ? { scope: scopeReport(release.scope) } : {}),
        ...(release.pullRequests ? { pullRequests: release.pullRequests } : {}),
      },
      options.rules ?? RULE_LIST,
    );
    release.onPhase('rules', performance.now() - start);
    return report;
  } finally {
    release.close();
  }
}

function scopeReport(scope: NonNullable<Awaited<ReturnType<typeof openRelease>>['scope']>): NonNullable<Report['scope']> {
  return {
    paths: scope.paths,
    joined: scope.joined,
    filesOutside: scope.filesOutside,
    ...(scope.tagPattern ? { tagPattern: scope.tagPattern } : {}),
  };
}
