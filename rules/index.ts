import type { AnyRule } from './rule.js';
import releaseVolume from './release-volume.js';
import unclassifiedChange from './unclassified-change.js';
import envVarNeeded from './env-var-needed.js';
import envExampleChanged from './env-example-changed.js';
import configFileChanged from './config-file-changed.js';
import dependencyDowngrade from './dependency-downgrade.js';
import lockfileChanged from './lockfile-changed.js';
import runtimeDowngrade from './runtime-downgrade.js';
import infrastructureChanged from './infrastructure-changed.js';

// The one list of rules. `rules`, `explain`, SARIF rule metadata and config validation derive from it.
export const RULES = {
  'release-volume': releaseVolume,
  'unclassified-change': unclassifiedChange,
  'env-var-needed': envVarNeeded,
  'env-example-changed': envExampleChanged,
  'config-file-changed': configFileChanged,
  'dependency-downgrade': dependencyDowngrade,
  'lockfile-changed': lockfileChanged,
  'runtime-downgrade': runtimeDowngrade,
  'infrastructure-changed': infrastructureChanged,
} satisfies Record<string, AnyRule>;

export type RuleId = keyof typeof RULES;

export const RULE_LIST: readonly AnyRule[] = Object.values(RULES);

export function findRule(id: string): AnyRule | undefined {
  return (RULES as Record<string, AnyRule>)[id];
}
