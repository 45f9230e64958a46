// The JSON Schema of the report (the contract other tools read) names the same values as the model that builds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CHANGE_STATUSES, CHECKLIST_STATUSES, CONFIG_SOURCES, SEVERITIES, VERDICTS } from '../../src/model/report.js';
import { PLATFORM_IDS } from '../../src/model/platform.js';
import { EXCLUDED_KINDS } from '../../src/model/facts/volume.js';
import { ROOT } from '../support/repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8')) as Record<string, unknown>;

/** Every `enum` in the schema, by its JSON pointer. */
function enumsOf(node: unknown, pointer = ''): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' && Array.isArray(value)) found.set(pointer, value);
    else for (const [p, e] of enumsOf(value, `${pointer}/${key}`)) found.set(p, e);
  }
  return found;
}

const MODEL: Record<string, readonly string[]> = {
  '/definitions/category': CATEGORIES,
  '/definitions/severity': SEVERITIES,
  '/properties/verdict': VERDICTS,
  '/properties/changes/items/properties/status': CHANGE_STATUSES,
  '/properties/checklist/items/properties/status': CHECKLIST_STATUSES,
  '/properties/config/properties/source': CONFIG_SOURCES,
  '/properties/rollback/properties/platform': PLATFORM_IDS,
  '/properties/volume/properties/excluded/items/properties/kind': EXCLUDED_KINDS,
};

describe('report.schema.json', () => {
  it.each(Object.entries(MODEL))('%s lists the model constant, in its order', (pointer, values) => {
    expect(enumsOf(schema).get(pointer)).toEqual([...values]);
  });

  it('has no enum the model does not declare', () => {
    expect([...enumsOf(schema).keys()].sort()).toEqual(Object.keys(MODEL).sort());
  });
});
