import { RULES } from '../../rules/index.js';
import type { AnyRule } from '../../rules/rule.js';
import type { ConfigWeakenedFact } from '../model/facts.js';
import type { BlobStore } from '../git/blobs.js';
import { UsageError } from '../util/errors.js';
import { severityRank, type Severity } from '../model/report.js';
import { keyLines } from '../parse/key-lines.js';
import { defaultConfig } from './default-config.js';
import { setsNothing } from './defaults.js';
import { CONFIG_FILES, configFromTree, describeOrigin, PACKAGE_KEY, type ConfigOrigin } from './load.js';
import type { Config } from './schema.js';

// A release does not configure its own analysis. In a pull request `from` is the head, which the author controls:
// read from there, `ignore: ['**']` or `gate: { warnOnly: true }` would pass any release. The configuration in
// effect comes from the side the release does not control, `to` (or --config); the release's own configuration is
// only compared with it, and each way it would weaken the analysis is reported (rule config-weakened).

/** One way the release's configuration would weaken the analysis, at a key path of that configuration. */
export interface Weakening {
  at: readonly (string | number)[];
  change: string;
}

/** The configuration in the `from` tree: read and validated, or why it could not be. */
export interface ReleaseConfig {
  origin: ConfigOrigin;
  text?: string;
  config?: Config;
  problem?: string;
}

/** Reads the release's configuration; never throws for what the release wrote (that is reported instead). */
export async function readReleaseConfig(blobs: BlobStore, sha: string, ref: string): Promise<ReleaseConfig> {
  // The problem without the `config <file> at <ref>: ` the finding says anyway.
  const problemOf = (error: UsageError, path: string) => {
    const labels = [`config ${describeOrigin({ source: 'repository', path, ref })}: `, `config ${path} at ${ref}: `];
    const label = labels.find((l) => error.problem.startsWith(l));
    return label ? error.problem.slice(label.length) : error.problem;
  };
  let loaded;
  try {
    loaded = await configFromTree(blobs, sha, ref);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // The first config file present that is not package.json (a package.json that does not parse is skipped).
    const entries = await blobs.listFolder(sha, '');
    const path = CONFIG_FILES.find((name) => name !== 'package.json' && entries.has(name)) ?? 'package.json';
    return { origin: { source: 'repository', path, ref }, problem: problemOf(error, path) };
  }
  const release: ReleaseConfig = { origin: loaded.origin, ...(loaded.text !== undefined ? { text: loaded.text } : {}) };
  if (setsNothing(loaded.raw)) return { ...release, config: defaultConfig() };
  try {
    return { ...release, config: (await import('./validate.js')).parseConfig(loaded.raw, describeOrigin(loaded.origin)) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { ...release, problem: problemOf(error, loaded.origin.path ?? '') };
  }
}

const RULE_BY_ID = RULES as Record<string, AnyRule>;

function severityOf(config: Config, id: string): Severity | 'off' | undefined {
  const base = Object.hasOwn(RULE_BY_ID, id) ? RULE_BY_ID[id]!.severity : config.customRules.find((r) => r.id === id)?.severity;
  const setting = Object.hasOwn(config.rules, id) ? config.rules[id] : undefined;
  if (setting === undefined) return base;
  if (typeof setting === 'string') return setting;
  return setting.severity ?? base;
}

const rank = (severity: Severity | 'off') => (severity === 'off' ? -1 : severityRank(severity));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown) => JSON.stringify(value);
const optionsOf = (config: Config, id: string) => {
  const setting = Object.hasOwn(config.rules, id) ? config.rules[id] : undefined;
  return typeof setting === 'object' ? setting.options : undefined;
};

/**
 * Every way `release` (the configuration of `from`) would make the analysis see less, pass more, or work under
 * other limits than `inEffect`. What only makes it stricter (a rule raised, a path no longer ignored) is not here.
 */
export function weakeningsOf(release: Config, inEffect: Config): Weakening[] {
  const out: Weakening[] = [];
  const add = (at: Weakening['at'], change: string) => out.push({ at, change });

  release.ignore.forEach((glob, i) => {
    if (!inEffect.ignore.includes(glob)) add(['ignore', i], `ignores ${show(glob)}`);
  });

  const ids = new Set([...Object.keys(release.rules), ...Object.keys(inEffect.rules), ...inEffect.customRules.map((r) => r.id)]);
  for (const id of [...ids].sort()) {
    // A custom rule's own severity is compared with the rule itself (below).
    if (!Object.hasOwn(release.rules, id) && !Object.hasOwn(inEffect.rules, id)) continue;
    const was = severityOf(inEffect, id);
    const now = severityOf(release, id);
    if (was === undefined || now === undefined) continue;
    if (rank(now) < rank(was)) add(['rules', id], now === 'off' ? `turns ${id} off (was ${was})` : `lowers ${id} from ${was} to ${now}`);
    else if (!same(optionsOf(release, id), optionsOf(inEffect, id))) add(['rules', id], `changes the options of ${id}`);
  }

  // Limits bound the work an analysis of untrusted input does, and what it leaves unread: the operator's to set.
  for (const key of ['maxFileBytes', 'timeBudgetSeconds'] as const) {
    if (release.limits[key] !== inEffect.limits[key])
      add(['limits', key], `sets limits.${key} to ${release.limits[key]} (was ${inEffect.limits[key]})`);
  }
  // A score threshold that is not set never applies: the weakest there is.
  for (const key of ['cautionAt', 'blockedAt'] as const) {
    const was = inEffect.verdict[key];
    const now = release.verdict[key];
    if (was !== undefined && (now === undefined || now > was)) {
      add(['verdict', key], now === undefined ? `removes verdict.${key} (was ${was})` : `raises verdict.${key} from ${was} to ${now}`);
    }
  }

  const failRank = (s: Severity | undefined) => (s === undefined ? Infinity : severityRank(s));
  if (failRank(release.gate.failOn) > failRank(inEffect.gate.failOn)) {
    add(
      ['gate', 'failOn'],
      release.gate.failOn
        ? `raises gate.failOn from ${inEffect.gate.failOn} to ${release.gate.failOn}`
        : `removes gate.failOn (was ${inEffect.gate.failOn})`,
    );
  }
  const { maxScore } = inEffect.gate;
  if (maxScore !== undefined && (release.gate.maxScore === undefined || release.gate.maxScore > maxScore)) {
    add(
      ['gate', 'maxScore'],
      release.gate.maxScore === undefined
        ? `removes gate.maxScore (was ${maxScore})`
        : `raises gate.maxScore from ${maxScore} to ${release.gate.maxScore}`,
    );
  }
  if (release.gate.warnOnly && !inEffect.gate.warnOnly) add(['gate', 'warnOnly'], 'sets gate.warnOnly: a crossed gate would not fail');

  if (!same([...release.contracts.entries].sort(), [...inEffect.contracts.entries].sort())) {
    add(['contracts', 'entries'], `changes contracts.entries, the files that are the public API, to ${show(release.contracts.entries)}`);
  }
  for (const glob of inEffect.migrations.paths) {
    if (!release.migrations.paths.includes(glob)) add(['migrations', 'paths'], `stops reading migrations at ${show(glob)}`);
  }
  if (inEffect.migrations.discover && !release.migrations.discover)
    add(['migrations', 'discover'], 'stops looking for migrations in the usual places (migrations.discover: false)');
  if (release.migrations.dialect !== inEffect.migrations.dialect) {
    add(
      ['migrations', 'dialect'],
      `sets migrations.dialect to ${release.migrations.dialect ?? 'detected'} (was ${inEffect.migrations.dialect ?? 'detected'})`,
    );
  }
  for (const glob of inEffect.api.specs) {
    if (!release.api.specs.includes(glob)) add(['api', 'specs'], `stops reading the API spec ${show(glob)}`);
  }
  release.api.routeRoots.forEach((glob, i) => {
    if (!inEffect.api.routeRoots.includes(glob))
      add(['api', 'routeRoots', i], `adds the route root ${show(glob)} (an endpoint found there counts as still served)`);
  });

  for (const rule of inEffect.customRules) {
    const index = release.customRules.findIndex((r) => r.id === rule.id);
    if (index < 0) add(['customRules'], `removes the custom rule ${rule.id}`);
    else if (!same(release.customRules[index], rule)) add(['customRules', index], `changes the custom rule ${rule.id}`);
  }

  if (release.scope.length > 0 && (inEffect.scope.length === 0 || inEffect.scope.some((p) => !release.scope.includes(p)))) {
    add(['scope'], `narrows the scope to ${release.scope.join(', ')}`);
  }
  return out;
}

/**
 * The line of the deepest key of `at` that the config text has (JSON is read as YAML, which keeps positions);
 * under `rollbackReady` in package.json. Undefined when the text does not parse.
 */
export function lineOf(text: string, file: string, at: Weakening['at']): number | undefined {
  const lineAt = keyLines(text);
  if (!lineAt) return undefined;
  const path = file === 'package.json' ? [PACKAGE_KEY, ...at] : at;
  let line = 1;
  for (let depth = 1; depth <= path.length; depth++) {
    const found = lineAt(path.slice(0, depth));
    if (found === undefined) break;
    line = found;
  }
  return line;
}

/**
 * The facts of the release's configuration against the one in effect: each weakening, with the release's
 * config file and line; or one fact when the release's configuration cannot be read or validated (what cannot
 * be read cannot be shown to be no weaker).
 */
export function releaseConfigFacts(release: ReleaseConfig, inEffect: { config: Config; origin: ConfigOrigin }): ConfigWeakenedFact[] {
  const used = describeOrigin(inEffect.origin);
  const file = release.origin.path;
  if (release.problem !== undefined) {
    return [{ kind: 'config.weakened', path: file ?? '.', change: `cannot be read or validated (${release.problem})`, inEffect: used }];
  }
  return weakeningsOf(release.config ?? defaultConfig(), inEffect.config).map((w) => {
    if (file === undefined) {
      // The release deleted the config file: its settings are the defaults.
      return { kind: 'config.weakened', path: inEffect.origin.path ?? '.', change: `deletes it, which ${w.change}`, inEffect: used };
    }
    const line = release.text !== undefined ? lineOf(release.text, file, w.at) : undefined;
    return { kind: 'config.weakened', path: file, ...(line !== undefined ? { line } : {}), change: w.change, inEffect: used };
  });
}
