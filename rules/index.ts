import type { AnyRule } from './rule.js';
import releaseVolume from './release-volume.js';
import unclassifiedChange from './unclassified-change.js';
import unusedSuppression from './unused-suppression.js';
import classMemberNarrowed from './class-member-narrowed.js';
import contractWidened from './contract-widened.js';
import enumMemberRemoved from './enum-member-removed.js';
import exportRemoved from './export-removed.js';
import internalChanges from './internal-changes.js';
import behaviourReverted from './behaviour-reverted.js';
import securityFixReverted from './security-fix-reverted.js';
import graphqlSchemaNarrowed from './graphql-schema-narrowed.js';
import packageExportsRemoved from './package-exports-removed.js';
import packageRequirementsNarrowed from './package-requirements-narrowed.js';
import propertyNarrowed from './property-narrowed.js';
import signatureNarrowed from './signature-narrowed.js';
import pullRequestLabel from './pull-request-label.js';
import dropTable from './drop-table.js';
import dropSchema from './drop-schema.js';
import dropColumn from './drop-column.js';
import truncateTable from './truncate-table.js';
import deleteWithoutWhere from './delete-without-where.js';
import updateWithoutWhere from './update-without-where.js';
import changeColumnType from './change-column-type.js';
import renameTable from './rename-table.js';
import renameColumn from './rename-column.js';
import addNotNullColumn from './add-not-null-column.js';
import setNotNull from './set-not-null.js';
import addConstraint from './add-constraint.js';
import dropDefault from './drop-default.js';
import dropEnumValue from './drop-enum-value.js';
import dropView from './drop-view.js';
import dropFunction from './drop-function.js';
import dropTrigger from './drop-trigger.js';
import dropIndex from './drop-index.js';
import blockingIndexBuild from './blocking-index-build.js';
import schemaLeftBehind from './schema-left-behind.js';
import editedMigration from './edited-migration.js';
import coupledChange from './coupled-change.js';
import downMigration from './down-migration.js';
import downMigrationDropsData from './down-migration-drops-data.js';
import dropNotNull from './drop-not-null.js';
import addEnumValue from './add-enum-value.js';
import dropConstraint from './drop-constraint.js';
import deleteRows from './delete-rows.js';
import updateRows from './update-rows.js';
import changeDefault from './change-default.js';
import createTrigger from './create-trigger.js';
import rowLevelSecurity from './row-level-security.js';
import revoke from './revoke.js';
import cascade from './cascade.js';
import renameSchema from './rename-schema.js';
import detachPartition from './detach-partition.js';
import dropDatabaseObject from './drop-database-object.js';
import migrationUnread from './migration-unread.js';
import envVarNeeded from './env-var-needed.js';
import envExampleChanged from './env-example-changed.js';
import envValidationChanged from './env-validation-changed.js';
import configFileChanged from './config-file-changed.js';
import configWeakened from './config-weakened.js';
import dependencyDowngrade from './dependency-downgrade.js';
import lockfileChanged from './lockfile-changed.js';
import runtimeDowngrade from './runtime-downgrade.js';
import advisoryReinstated from './advisory-reinstated.js';
import infrastructureChanged from './infrastructure-changed.js';
import ciWorkflowChanged from './ci-workflow-changed.js';
import endpointRemoved from './endpoint-removed.js';
import endpointNarrowed from './endpoint-narrowed.js';
import webhookRemoved from './webhook-removed.js';
import routeUnresolved from './route-unresolved.js';
import endpointAmbiguous from './endpoint-ambiguous.js';
import endpointRerouted from './endpoint-rerouted.js';
import procedureRemoved from './procedure-removed.js';
import specCodeMismatch from './spec-code-mismatch.js';

// The one list of rules. `rules`, `explain`, SARIF rule metadata and config validation derive from it.
export const RULES = {
  'release-volume': releaseVolume,
  'unclassified-change': unclassifiedChange,
  'unused-suppression': unusedSuppression,
  'class-member-narrowed': classMemberNarrowed,
  'contract-widened': contractWidened,
  'enum-member-removed': enumMemberRemoved,
  'export-removed': exportRemoved,
  'internal-changes': internalChanges,
  'behaviour-reverted': behaviourReverted,
  'security-fix-reverted': securityFixReverted,
  'graphql-schema-narrowed': graphqlSchemaNarrowed,
  'package-exports-removed': packageExportsRemoved,
  'package-requirements-narrowed': packageRequirementsNarrowed,
  'property-narrowed': propertyNarrowed,
  'signature-narrowed': signatureNarrowed,
  'pull-request-label': pullRequestLabel,
  'drop-table': dropTable,
  'drop-schema': dropSchema,
  'drop-column': dropColumn,
  'truncate-table': truncateTable,
  'delete-without-where': deleteWithoutWhere,
  'update-without-where': updateWithoutWhere,
  'change-column-type': changeColumnType,
  'rename-table': renameTable,
  'rename-column': renameColumn,
  'add-not-null-column': addNotNullColumn,
  'set-not-null': setNotNull,
  'add-constraint': addConstraint,
  'drop-default': dropDefault,
  'drop-enum-value': dropEnumValue,
  'drop-view': dropView,
  'drop-function': dropFunction,
  'drop-trigger': dropTrigger,
  'drop-index': dropIndex,
  'blocking-index-build': blockingIndexBuild,
  'schema-left-behind': schemaLeftBehind,
  'edited-migration': editedMigration,
  'coupled-change': coupledChange,
  'down-migration': downMigration,
  'down-migration-drops-data': downMigrationDropsData,
  'drop-not-null': dropNotNull,
  'add-enum-value': addEnumValue,
  'drop-constraint': dropConstraint,
  'delete-rows': deleteRows,
  'update-rows': updateRows,
  'change-default': changeDefault,
  'create-trigger': createTrigger,
  'row-level-security': rowLevelSecurity,
  revoke: revoke,
  cascade: cascade,
  'rename-schema': renameSchema,
  'detach-partition': detachPartition,
  'drop-database-object': dropDatabaseObject,
  'migration-unread': migrationUnread,
  'env-var-needed': envVarNeeded,
  'env-example-changed': envExampleChanged,
  'env-validation-changed': envValidationChanged,
  'config-file-changed': configFileChanged,
  'config-weakened': configWeakened,
  'dependency-downgrade': dependencyDowngrade,
  'lockfile-changed': lockfileChanged,
  'runtime-downgrade': runtimeDowngrade,
  'advisory-reinstated': advisoryReinstated,
  'infrastructure-changed': infrastructureChanged,
  'ci-workflow-changed': ciWorkflowChanged,
  'endpoint-removed': endpointRemoved,
  'endpoint-narrowed': endpointNarrowed,
  'webhook-removed': webhookRemoved,
  'route-unresolved': routeUnresolved,
  'endpoint-ambiguous': endpointAmbiguous,
  'endpoint-rerouted': endpointRerouted,
  'procedure-removed': procedureRemoved,
  'spec-code-mismatch': specCodeMismatch,
} satisfies Record<string, AnyRule>;

export type RuleId = keyof typeof RULES;

export const RULE_LIST: readonly AnyRule[] = Object.values(RULES);

export function findRule(id: string): AnyRule | undefined {
  return (RULES as Record<string, AnyRule>)[id];
}
