// The SARIF the tool writes, validated in two ways: against the subset schema written from the specification (in
// any clone), and against the official schema file where it is beside the clone (CI runs this file apart for it).
import { describe, expect, it } from 'vitest';
import { analyzeRollback } from '../../src/engine/analyze.js';
import { toSarif } from '../../src/report/sarif.js';
import { OFFICIAL_SCHEMA_FILE, officialSarifErrors, officialValidator, sarifRelease, subsetSarifErrors } from '../support/sarif.js';

/** The log as parsed JSON, edited field by field below to break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any path of the parsed log is written to
type JsonLog = Record<string, any>;

const release = sarifRelease();
const written = analyzeRollback({ repo: release, from: 'v2', to: 'v1', config: {} }).then((report) => JSON.stringify(toSarif(report)));
/** A fresh copy of the log the tool writes for the release (analysed once). */
const log = async () => JSON.parse(await written) as JsonLog;

/** Each edit makes a log the specification does not allow. */
const INVALID: [string, (log: JsonLog) => void][] = [
  ['a property the specification does not define', (l) => (l.runs[0].results[0].severity = 'high')],
  ['a level outside none, note, warning, error', (l) => (l.runs[0].results[0].level = 'critical')],
  ['a result without a message', (l) => delete l.runs[0].results[0].message],
  ['a message with neither text nor id', (l) => (l.runs[0].results[0].message = { markdown: 'x' })],
  ['a region starting at line 0', (l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
  ['a rule without an id', (l) => delete l.runs[0].tool.driver.rules[0].id],
  ['a short description without text', (l) => (l.runs[0].tool.driver.rules[0].shortDescription = {})],
  ['another version', (l) => (l.version = '2.0.0')],
  ['a driver without a name', (l) => delete l.runs[0].tool.driver.name],
  ['an unknown column kind', (l) => (l.runs[0].columnKind = 'bytes')],
  ['a suppression of an unknown kind', (l) => (l.runs[0].results[0].suppressions = [{ kind: 'inline' }])],
  ['a fingerprint that is not a string', (l) => (l.runs[0].results[0].partialFingerprints = { k: 1 })],
  ['an invocation without executionSuccessful', (l) => (l.runs[0].invocations = [{ toolExecutionNotifications: [] }])],
  ['repeated tags', (l) => (l.runs[0].tool.driver.rules[0].properties.tags = ['a', 'a'])],
];

describe('the SARIF subset schema', () => {
  it('accepts what the tool writes', async () => {
    const sarif = await log();
    expect(sarif.runs[0].results.length).toBeGreaterThan(1);
    expect(subsetSarifErrors(sarif)).toBe('');
  });

  it.each(INVALID)('rejects %s', async (_what, edit) => {
    const sarif = await log();
    edit(sarif);
    expect(subsetSarifErrors(sarif)).not.toBe('');
  });
});

describe.skipIf(!officialValidator())(
  `the official SARIF 2.1.0 schema (${OFFICIAL_SCHEMA_FILE ?? 'ROLLBACK_READY_SARIF_SCHEMA unset'})`,
  () => {
    it('accepts what the tool writes', async () => {
      expect(officialSarifErrors(await log())).toBe('');
    });

    it.each(INVALID)('rejects %s, as the subset schema does', async (_what, edit) => {
      const sarif = await log();
      edit(sarif);
      expect(officialSarifErrors(sarif)).not.toBe('');
    });
  },
);
