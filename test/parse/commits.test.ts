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
});
