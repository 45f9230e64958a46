import { describe, expect, it } from 'vitest';
import { versionOnlyChange } from '../../src/parse/versions.js';

describe('a change of version numbers only', () => {
  it.each([
    ['Cargo.toml', '[package]\nname = "app"\nversion = "26.3.0"\n', '[package]\nname = "app"\nversion = "26.3.1"\n'],
    ['tauri.conf.json', '{\n  "version": "26.3.0",\n  "identifier": "x"\n}\n', '{\n  "version": "26.3.1",\n  "identifier": "x"\n}\n'],
    ['pubspec.yaml', 'name: app\nversion: 1.2.3+11\n', 'name: app\nversion: 1.2.4+12\n'],
    [
      'app.json',
      '{ "expo": {\n  "version": "2.0.0",\n  "android": { "versionCode": 20 }\n} }\n',
      '{ "expo": {\n  "version": "2.0.1",\n  "android": { "versionCode": 21 }\n} }\n',
    ],
    ['a Go constant', 'const (\n\tVersion = "2026.3.0"\n)\n', 'const (\n\tVersion = "2026.3.1"\n)\n'],
    ['a Rust field', '  bundle_version: Some("2025.8.0".to_string()),\n', '  bundle_version: Some("2025.8.1".to_string()),\n'],
  ])('%s', (_name, to, from) => {
    expect(versionOnlyChange(from, to)).toBeDefined();
  });

  it('says which versions and how many lines', () => {
    expect(versionOnlyChange('version = "2.0.0"\nx = 1\nversion = "2.0.0"\n', 'version = "1.9.0"\nx = 1\nversion = "1.9.0"\n')).toEqual({
      from: '2.0.0',
      to: '1.9.0',
      lines: 2,
    });
  });

  it.each([
    ['the same text', 'version = "1.0.0"\n', 'version = "1.0.0"\n'],
    ['a dependency line', 'serde = "1.0.200"\n', 'serde = "1.0.100"\n'],
    ['a package.json dependency', '  "react": "19.2.6",\n', '  "react": "19.2.4",\n'],
    ['a line added', 'version = "1.0.1"\nname = "a"\n', 'version = "1.0.0"\n'],
    ['another change beside the version', 'version = "1.0.1"\nname = "b"\n', 'version = "1.0.0"\nname = "a"\n'],
    ['a version word with other changes on the line', 'version = "1.0.1" # now stable\n', 'version = "1.0.0"\n'],
  ])('not for %s', (_name, from, to) => {
    expect(versionOnlyChange(from, to)).toBeUndefined();
  });
});
