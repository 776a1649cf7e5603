import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpecError } from '../openapi/spec-error.js';
import { resolveSpecBytes } from '../source/resolve-spec-bytes.js';
import { writeFileAtomic } from '../source/write-file-atomic.js';

/** How WSDL/XSD documents are read: local files always; remote ones only through the spec cache. */
export interface ReadDocumentOptions {
  /**
   * The spec cache (see `defaultSpecCacheDir`). Remote imports (`schemaLocation="https://..."`)
   * are read from `<cacheDir>/url/<sha256 of the URL>`; without a cache dir they are refused.
   */
  cacheDir?: string;
  /**
   * Whether a remote import missing from the cache may be downloaded into it (default false:
   * generation at `portage generate` time may opt in; nothing downloads at sync time).
   */
  download?: boolean;
  /** Seam for tests: the HTTP client used when downloading. */
  fetch?: typeof globalThis.fetch;
}

/** True for an `http:` / `https:` location. */
export function isRemoteLocation(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/**
 * The text of one WSDL/XSD document: a local file, or a remote URL from the spec cache.
 *
 * @example await readDocument('/specs/netsuite/netsuite.wsdl', {})
 */
export async function readDocument(location: string, options: ReadDocumentOptions): Promise<string> {
  if (!isRemoteLocation(location)) {
    const { bytes } = await resolveSpecBytes({ kind: 'file', path: location }, { cacheDir: options.cacheDir ?? '' });
    return new TextDecoder().decode(bytes);
  }
  if (options.cacheDir === undefined) {
    throw new SpecError(`the import ${location} is remote; pass a spec cacheDir (and download: true once) so it is read from the spec cache`);
  }
  const cached = join(options.cacheDir, 'url', createHash('sha256').update(location).digest('hex'));
  try {
    return await readFile(cached, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (options.download !== true) {
    throw new SpecError(`the import ${location} is not in the spec cache (${cached}); generate once with download: true to cache it`);
  }
  const { bytes } = await resolveSpecBytes({ kind: 'url', url: location }, { cacheDir: options.cacheDir, ...(options.fetch ? { fetch: options.fetch } : {}) });
  await writeFileAtomic(cached, bytes);
  return new TextDecoder().decode(bytes);
}
