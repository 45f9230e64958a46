import { describe, expect, it } from 'vitest';
import { canonicalPath, EndpointSet, endpointKey, joinPaths } from '../../../src/analyzers/endpoints/identity.js';

describe('endpoint identity', () => {
  it('treats every parameter syntax and name as the same parameter', () => {
    const keys = ['/users/:id/emails', '/users/{userId}/emails', '/users/[slug]/emails', '/users/:id(\\d+)/emails'].map((p) =>
      endpointKey('get', p),
    );
    expect(new Set(keys)).toEqual(new Set(['GET /users/{}/emails']));
  });

  it('keeps catch-alls, optional parameters and literal segments apart', () => {
    expect(canonicalPath('/files/[...path]')).toBe('/files/{*}');
    expect(canonicalPath('/files/*')).toBe('/files/{*}');
    expect(canonicalPath('/docs/[[...slug]]')).toBe('/docs/{*?}');
    expect(canonicalPath('/users/:id?')).toBe('/users/{?}');
    expect(canonicalPath('/users/me')).not.toBe(canonicalPath('/users/:id'));
  });

  it('joins prefixes with single slashes and drops trailing ones', () => {
    expect(joinPaths('/api/', '/users/', '')).toBe('/api/users');
    expect(joinPaths('api', undefined, '/')).toBe('/api');
    expect(joinPaths('', '/')).toBe('/');
  });

  it('says a path is still served by the same method, an every-method handler, or GET for HEAD', () => {
    const at = (method: string, path: string) => ({ method, path, source: 'express', file: 'src/app.ts', line: 1 });
    const to = new EndpointSet([at('GET', '/a/:id'), at('*', '/b'), at('POST', '/c')]);
    expect(to.serves({ method: 'GET', path: '/a/{x}' })).toBe(true);
    expect(to.serves({ method: 'HEAD', path: '/a/:id' })).toBe(true);
    expect(to.serves({ method: 'DELETE', path: '/a/:id' })).toBe(false);
    expect(to.serves({ method: 'PATCH', path: '/b' })).toBe(true);
    // A handler for every method at `from` is kept when anything still answers the path.
    expect(to.serves({ method: '*', path: '/c' })).toBe(true);
    expect(to.serves({ method: '*', path: '/d' })).toBe(false);
  });
});
