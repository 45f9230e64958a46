import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT, twoReleases } from './repo.js';

/**
 * The official SARIF 2.1.0 schema, never part of the project: CI names the file it keeps outside the clone with
 * ROLLBACK_READY_SARIF_SCHEMA (which must then exist). Without it the subset schema below validates alone.
 */
export const OFFICIAL_SCHEMA_FILE = process.env.ROLLBACK_READY_SARIF_SCHEMA;
/** The parts of SARIF 2.1.0 the tool writes, from the specification: validates in any clone. */
export const SUBSET_SCHEMA_FILE = join(ROOT, 'test', 'support', 'sarif-subset.schema.json');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

function compile(file: string): ValidateFunction {
  // The official schema declares draft-04 but uses no keyword that differs from draft-07 except its top-level
  // `id`, so it is compiled as draft-07 with the two draft markers removed.
  const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return ajv.compile(schema);
}

const subset = compile(SUBSET_SCHEMA_FILE);
let official: ValidateFunction | undefined | null = null;

/** The official schema's validator, or undefined where the file is not beside the clone. */
export function officialValidator(): ValidateFunction | undefined {
  if (official === null) {
    if (OFFICIAL_SCHEMA_FILE && !existsSync(OFFICIAL_SCHEMA_FILE)) {
      throw new Error(`ROLLBACK_READY_SARIF_SCHEMA names ${OFFICIAL_SCHEMA_FILE}, which does not exist`);
    }
    official = OFFICIAL_SCHEMA_FILE ? compile(OFFICIAL_SCHEMA_FILE) : undefined;
  }
  return official;
}

function errorsOf(validate: ValidateFunction, log: unknown, label: string): string {
  return validate(log) ? '' : `${label}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`;
}

/**
 * Schema errors of a SARIF log, as one string ('' when valid): against the subset schema always, and against the
 * official schema too where it is available.
 */
export function sarifErrors(log: unknown): string {
  const officialOne = officialValidator();
  return [errorsOf(subset, log, 'SARIF subset schema'), officialOne ? errorsOf(officialOne, log, 'official SARIF schema') : '']
    .filter(Boolean)
    .join('\n');
}

/** Schema errors against the official schema only (CI runs these where the file is). */
export function officialSarifErrors(log: unknown): string {
  const validate = officialValidator();
  if (!validate) throw new Error(`the official SARIF schema is not at ${OFFICIAL_SCHEMA_FILE}`);
  return errorsOf(validate, log, 'official SARIF schema');
}

/** Subset-schema errors only: the test of the subset schema itself. */
export function subsetSarifErrors(log: unknown): string {
  return errorsOf(subset, log, 'SARIF subset schema');
}

/**
 * A release whose SARIF has results of several levels: a dropped column, an odd file name in a binary no analyzer
 * reads, a big document (the release's size), and an unchanged script.
 */
export function sarifRelease(): string {
  const lines = Array.from({ length: 600 }, (_, i) => `line ${i}`).join('\n') + '\n';
  return twoReleases(
    { 'src/a.ts': 'export const a = 1;\n', 'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n' },
    {
      'src/a.ts': 'export const a = 1;\n',
      'migrations/001_users.sql': 'CREATE TABLE users (id INT, email TEXT);\n',
      'migrations/002_drop_email.sql': 'ALTER TABLE users DROP COLUMN email;\n',
      'deploy/odd name #1.bin': Buffer.from([0, 1, 2, 3]),
      'docs/big.md': lines,
    },
  );
}
