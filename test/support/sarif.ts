import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT } from './repo.js';

/** The official SARIF 2.1.0 schema, kept beside the project (never copied into it). */
export const SARIF_SCHEMA_FILE = join(ROOT, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json');

// The schema declares draft-04 but uses no keyword that differs from draft-07 except its top-level
// `id`, so it is compiled as draft-07 with the two draft markers removed.
const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** Schema errors of a SARIF log, as one string ('' when valid). */
export function sarifErrors(log: unknown): string {
  return validate(log) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}
