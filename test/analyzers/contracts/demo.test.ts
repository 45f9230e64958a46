// The sample app of `npm run demo`: v1.1.0 gave createUser a list of addresses and added listEmails. shop-api is a
// private deployable: its modules roll back together, so those changes are counted, not judged as contracts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../support/repo.js';
import { rollback } from '../../support/contracts.js';

describe('the demo release', () => {
  it('counts the changed createUser and the removed listEmails as internal changes of the private app', async () => {
    const report = await rollback(join(FIXTURES, 'demo', 'v1.0.0'), join(FIXTURES, 'demo', 'v1.1.0'));
    expect(report.findings.filter((f) => f.category === 'contract-change')).toEqual([]);
    expect(report.internalChanges).toEqual({ changes: 4, modules: 1, removed: 2, narrowed: 1, changed: 1 });
    expect(report.findings.find((f) => f.ruleId === 'internal-changes')).toMatchObject({
      severity: 'info',
      path: 'src/users.ts',
      message: '4 internal API changes in 1 module roll back together with the code that uses them',
    });
    // It is still blocked for what it is: a dropped column the older code reads, an endpoint clients lose.
    expect(report.verdict).toBe('blocked');
    expect(report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['drop-column', 'endpoint-removed']),
    );
  });
});
