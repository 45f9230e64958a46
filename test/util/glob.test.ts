import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globBase, globMatcher, globProblem, MAX_GLOB_ALTERNATIVES } from '../../src/util/glob.js';

describe('globMatcher', () => {
  it.each([
    ['**', ['a', 'a/b/c'], []],
    ['src/**/*.ts', ['src/x.ts', 'src/a/b/c.ts'], ['src/x.js', 'lib/x.ts', 'src/.hidden/x.ts']],
    ['a/**', ['a', 'a/b', 'a/b/c'], ['ab', 'b/a']],
    ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b'], ['ab', 'a/b/c', 'a/xb']],
    ['**/x', ['x', 'y/x', 'y/z/x'], ['yx', 'x/y']],
    ['db/migrations/*.sql', ['db/migrations/001.sql'], ['db/migrations/sub/001.sql', 'db/migrations/.x.sql']],
    ['**/*.{js,ts}', ['a.js', 'x/y/b.ts'], ['a.tsx']],
    ['file{1..3}.ts', ['file1.ts', 'file3.ts'], ['file4.ts', 'file{1..3}.ts']],
    ['{a,{b,c}}/x', ['a/x', 'c/x'], ['d/x']],
    ['[a-c]?.md', ['ax.md', 'cz.md'], ['dx.md', 'a/.md', 'a.md']],
    ['[!a].ts', ['b.ts'], ['a.ts', '/.ts']],
    ['[[:digit:]]*', ['1x', '9'], ['x1']],
    ['\\*.md', ['*.md'], ['a.md']],
    ['v*', ['v1.0.0', 'v'], ['av1', 'x/v1']],
    ['api@*', ['api@1.2.3'], ['web@1.2.3']],
  ])('%s', (glob, hits, misses) => {
    const matches = globMatcher(glob);
    for (const path of hits) expect(matches(path), path).toBe(true);
    for (const path of misses) expect(matches(path), path).toBe(false);
  });

  it('matches names starting with a dot only with `dot`', () => {
    expect(globMatcher('**/*.yml')('.github/workflows/ci.yml')).toBe(false);
    expect(globMatcher('**/*.yml', { dot: true })('.github/workflows/ci.yml')).toBe(true);
    expect(globMatcher('*', { dot: true })('.env')).toBe(true);
    expect(globMatcher('.github/**')('.github/workflows/ci.yml')).toBe(true);
  });

  it('reads a list as picomatch does: any glob, a `!glob` matching what it does not, `ignore` left out', () => {
    expect(globMatcher(['a/*', 'b/*'])('b/x')).toBe(true);
    expect(globMatcher(['!a/*'])('b/x')).toBe(true);
    expect(globMatcher(['!a/*'])('a/x')).toBe(false);
    expect(globMatcher(['packages/*'], { ignore: ['packages/internal'] })('packages/internal')).toBe(false);
  });

  it('agrees with picomatch on the globs both read', () => {
    // Segments of characters and wildcards, or `**` alone: picomatch reads a `**` inside a segment now as `*`
    // (`**a`), now as crossing slashes (`**.ts`, `**{a,b}`); here it is always `*`, as in bash.
    const segment = fc.oneof(
      fc.constant('**'),
      fc
        .array(fc.constantFrom('a', 'b', '.', '*', '?', '{a,b}', '[ab]'), { minLength: 1, maxLength: 4 })
        .map((parts) => parts.join(''))
        .filter((text) => !text.includes('**')),
    );
    const glob = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      // Where picomatch is not consistent with itself: `a/**` matches `a` but `*/**` does not match `a`, and
      // `a/**/**` is read as `a/**`.
      .filter(
        (segments) =>
          !segments.some(
            (s, i) => s === '**' && i > 0 && (segments[i - 1] === '**' || (i === segments.length - 1 && /[*?[{]/.test(segments[i - 1]!))),
          ),
      )
      .map((segments) => segments.join('/'));
    const path = fc
      .array(
        fc.array(fc.constantFrom('a', 'b', '.'), { minLength: 1, maxLength: 4 }).map((c) => c.join('')),
        { minLength: 1, maxLength: 4 },
      )
      .map((segments) => segments.join('/'))
      // picomatch singles out `.` and `..` segments, which git paths never have.
      .filter((p) => !p.split('/').some((s) => s === '.' || s === '..'));
    fc.assert(
      // picomatch has fast paths for the globs `*.*` and `**/*.*` that want a non-empty extension (`a.` is no
      // match, though `a.*` and `x/*.*` match `a.`); here `*` matches nothing as well, as in bash and git.
      fc.property(
        glob.filter((g) => g !== '*.*' && g !== '**/*.*'),
        path,
        fc.boolean(),
        (g, p, dot) => {
          expect(globMatcher(g, { dot })(p), `${g} ${p} dot=${dot}`).toBe(picomatch(g, { dot })(p));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('ends on a glob that makes a backtracking matcher run for minutes (its time is linear in the path)', () => {
    const glob = `${'*a'.repeat(16)}*b`;
    const matches = globMatcher(glob, { dot: true });
    // picomatch takes over 4 s for 30 characters of this, and doubles with each one more: these would never end.
    expect(matches('a'.repeat(20_000))).toBe(false);
    expect(matches(`${'a'.repeat(20_000)}b`)).toBe(true);
  });
});

describe('globProblem', () => {
  it('refuses extglobs, too many alternatives and too long globs; takes the rest', () => {
    expect(globProblem('src/**/*.ts')).toBeUndefined();
    expect(globProblem('!src/**')).toBeUndefined();
    expect(globProblem('@(a|b)/*')).toMatch(/extglob/);
    expect(globProblem('src/!(x)')).toMatch(/extglob/);
    expect(globProblem('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}')).toMatch(new RegExp(`more than ${MAX_GLOB_ALTERNATIVES}`));
    expect(globProblem('{1..1000}')).toMatch(/more than/);
    expect(globProblem('a'.repeat(1001))).toMatch(/longer than 1000/);
    // A refused glob matches nothing rather than running long.
    expect(globMatcher('{1..100000}')('5')).toBe(false);
  });
});

describe('globBase', () => {
  it.each([
    ['packages/*', 'packages'],
    ['apps/api/**', 'apps/api'],
    ['*', ''],
    ['{a,b}/*', ''],
    ['services/web', 'services'],
  ])('%s → %s', (glob, base) => expect(globBase(glob)).toBe(base));
});
