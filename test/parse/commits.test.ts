import { describe, expect, it } from 'vitest';
import { marksOf } from '../../src/parse/commits.js';

describe('what a commit message says it does', () => {
  it.each([
    ['fix: guard against concurrent restore (#11775)', { fix: 'fix:', ids: [] }],
    ['fix(api)!: reject empty names', { fix: 'fix(api)!:', ids: [] }],
    ['Revert "feat: new editor"', { fix: 'revert', ids: [] }],
    ['Handle empty carts', { fix: 'Fixes #12', ids: [] }, 'Fixes #12'],
    ['Handle empty carts', { fix: 'closes acme/shop#9', ids: [] }, 'closes acme/shop#9'],
    ['feat: new editor', { ids: [] }],
    ['prefix: not a fix', { ids: [] }],
  ])('%s %j', (subject, marks, body = '') => {
    expect(marksOf(subject, body)).toEqual(marks);
  });

  it('names security fixes by advisory ids, in the subject or the body, GHSA ids as GitHub writes them', () => {
    expect(marksOf('fix: security CVE-2025-68130 (#2343)')).toEqual({ fix: 'fix:', security: 'CVE-2025-68130', ids: ['CVE-2025-68130'] });
    expect(marksOf('fix(plugin-mcp): bump sdk for ghsa-FRVP-7c67-39w9')).toMatchObject({
      security: 'GHSA-frvp-7c67-39w9',
      ids: ['GHSA-frvp-7c67-39w9'],
    });
    expect(marksOf('Upgrade Next.js to 16.2.6', 'Applies the Next.js security release.\nSee cve-2026-23870.')).toEqual({
      security: 'CVE-2026-23870',
      ids: ['CVE-2026-23870'],
    });
  });

  it('names them by the words security and vulnerability, in the subject or the body', () => {
    expect(marksOf('fix(deps): update dependency koa to v2.15.4 [security]').security).toBe('security');
    expect(marksOf('chore: bump deps', 'Patches a vulnerability in the parser.').security).toBe('vulnerability');
  });

  it('names them by a weakness name in the subject only: bodies quote too much', () => {
    expect(marksOf('fix: prevent multipart content-type backtracking (#17679)').security).toBe('backtracking');
    expect(marksOf('refactor(plugin-mcp): better access control defaults').security).toBe('access control');
    expect(marksOf('fix(backend): prevent IDOR in user collection').security).toBe('IDOR');
    expect(marksOf('chore: release v4.5.6', 'Dependencies: fixes prototype pollution in a transitive package').security).toBeUndefined();
    expect(marksOf('Update sanitizeLists.ts').security).toBeUndefined();
    expect(marksOf('feat: injectable config').security).toBeUndefined();
  });

  it('does not read the name of a part of the product as a security fix', () => {
    expect(marksOf('fix(account): improve security page mobile layout (#8647)').security).toBeUndefined();
    expect(
      marksOf('fix(phrases): add missing keys to Czech locale', 'added delete_account keys to the security section').security,
    ).toBeUndefined();
    expect(
      marksOf('fix(account): allow linking identities', 'canSkipVerification reflects current security methods').security,
    ).toBeUndefined();
    expect(marksOf('fix(auth): check the security key counter').security).toBeUndefined();
    // The page named, and the fix said: still a security fix.
    expect(marksOf('fix(account): security fix for the security page').security).toBe('security');
  });

  it('reads "security" in a body only where it says what the change is', () => {
    expect(marksOf('fix: validate redirect URIs', 'This is a security fix for open redirects.').security).toBe('security');
    expect(marksOf('chore(deps): bump axios', 'Renovate: [security] update').security).toBe('security');
    expect(marksOf('fix: sidebar', 'switching between the security and profile pages').security).toBeUndefined();
  });

  it('takes only an advisory id from a feature, test, CI, docs, style or build commit', () => {
    expect(marksOf('feat(console): add app access control rules tab (#8899)').security).toBeUndefined();
    expect(marksOf('test(account): add security section visibility tests (#8805)').security).toBeUndefined();
    expect(marksOf('ci: validate OSS survey Docker injection (#8733)').security).toBeUndefined();
    expect(marksOf('ci: disable OIDC SSRF protection in alteration tests (#9308)').security).toBeUndefined();
    expect(marksOf('feat: upgrade the parser', 'Fixes CVE-2026-1234.').security).toBe('CVE-2026-1234');
    expect(marksOf('fix(core): enable OIDC provider SSRF protection by default (#9249)').security).toBe('SSRF');
  });
});
