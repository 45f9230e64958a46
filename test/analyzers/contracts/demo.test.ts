// The sample app of `npm run demo`: v1.1.0 gave createUser a list of addresses and added listEmails.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../support/repo.js';
import { contractFindings } from '../../support/contracts.js';

describe('the demo release', () => {
  it('shows the changed createUser and the removed listEmails with before → after', async () => {
    const found = await contractFindings(join(FIXTURES, 'demo', 'v1.0.0'), join(FIXTURES, 'demo', 'v1.1.0'));
    expect(found).toEqual([
      {
        ruleId: 'signature-narrowed',
        severity: 'high',
        path: 'src/users.ts',
        line: 9,
        message: 'createUser, exported by shop-api: parameter emails became required; parameter emails type string[] → string in the rollback',
        evidence: 'createUser(name: string, emails: string[] = []): Promise<User> (from src/users.ts:9) → createUser(name: string, email: string): Promise<User> (to src/users.ts:9)',
      },
      {
        ruleId: 'export-removed',
        severity: 'high',
        path: 'src/users.ts',
        line: 22,
        message: 'listEmails, exported by shop-api, is removed by the rollback',
        evidence: 'export async function listEmails(userId: number): Promise<string[]> (from src/users.ts:22) → absent at to',
      },
      {
        ruleId: 'contract-widened',
        severity: 'info',
        path: 'package.json',
        line: 6,
        message: 'engines.node (shop-api): engines.node >=20 → >=18 in the rollback',
        evidence: 'node >=20 (from package.json:6) → node >=18 (to package.json:6)',
      },
    ]);
  });
});
