import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedSpec, LoadedWsdl, SpecSource } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { SpecError } from '../openapi/spec-error.js';
import { writeFileAtomic } from '../source/write-file-atomic.js';
import { loadWsdl } from '../wsdl/load-wsdl.js';
import { readOperations } from '../wsdl/read-operations.js';
import { readSchemas } from '../wsdl/read-schemas.js';
import { isRemoteLocation, type ReadDocumentOptions } from '../wsdl/read-document.js';
import { readSoapAddress } from './read-address.js';
import { wsdlStubDocument } from './wsdl-document.js';
import { wsdlSetSha256 } from './wsdl-set-hash.js';
import { wsdlVersion } from './wsdl-version.js';

/** The lock format of WSDL sources. */
export const WSDL_FORMAT = 'wsdl-1.1';

export interface LoadWsdlSpecOptions {
  /** The source's text form as written to the lock. */
  label: string;
  /** The spec cache: remote documents are kept under `<cacheDir>/url/`. */
  cacheDir: string;
  /** The sha256 from spec.lock.json: loading fails when the set no longer matches it. */
  expectedSha256?: string;
  /** The entry's bytes when the caller fetched them already (a URL sniffed for its root element). */
  entryBytes?: Uint8Array;
  /** Seam for tests: the HTTP client for remote documents. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Sets parsed in this process, by entry: a caller that loads the same source twice (the CLI
 * resolves --entities, then generates) parses it once. Reused only when every file of the set
 * still hashes the same, so an edited import is always read again.
 */
const parsed = new Map<string, { sha256: string; wsdl: LoadedWsdl }>();

const urlCacheFile = (cacheDir: string, url: string) => join(cacheDir, 'url', createHash('sha256').update(url).digest('hex'));

/** The bytes of one document of the set as the loader read it: the file, or the spec cache's copy of a URL. */
async function documentBytes(location: string, cacheDir: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(isRemoteLocation(location) ? urlCacheFile(cacheDir, location) : location));
}

/** The set parsed earlier from `entry`, if none of its files changed since. */
async function reuseParsed(entry: string, cacheDir: string): Promise<{ wsdl: LoadedWsdl } | undefined> {
  const earlier = parsed.get(entry);
  if (earlier === undefined) return undefined;
  try {
    const files = await Promise.all(earlier.wsdl.set.files.map(async (location) => ({ location, bytes: await documentBytes(location, cacheDir) })));
    return wsdlSetSha256(files) === earlier.sha256 ? earlier : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a WSDL source (a file or an http(s) URL) with every document it imports, checks it
 * against the pinned hash and returns it in the `LoadedSpec` shape the engine passes around:
 * `wsdl` holds the set, its schemas and operations; `document` is a stub without paths. The
 * lock has format `wsdl-1.1`, the version from the target namespace (else the source), and
 * the sha256 of the whole set (see `wsdlSetSha256`). Remote documents are downloaded once
 * into the spec cache and read from there afterwards.
 *
 * @example
 * const spec = await loadWsdlSpec({ kind: 'file', path: '/shared/netsuite.wsdl' }, { label: '../shared/netsuite.wsdl', cacheDir });
 * spec.lock // { source: '../shared/netsuite.wsdl', version: '2023.2', sha256: '…', format: 'wsdl-1.1' }
 */
export async function loadWsdlSpec(source: SpecSource, options: LoadWsdlSpecOptions): Promise<LoadedSpec> {
  if (source.kind === 'npm') {
    throw new SpecError(`${options.label} is a WSDL: WSDL sources are a file or an http(s) URL (their imports are resolved next to them), not an npm package`);
  }
  const entry = source.kind === 'file' ? source.path : source.url;
  if (source.kind === 'url' && options.entryBytes !== undefined) await writeFileAtomic(urlCacheFile(options.cacheDir, entry), options.entryBytes);
  const readOptions: ReadDocumentOptions = { cacheDir: options.cacheDir, download: true, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const reused = await reuseParsed(entry, options.cacheDir);
  const set = reused?.wsdl.set ?? (await loadWsdl(entry, readOptions));
  const files = await Promise.all(set.files.map(async (location) => ({ location, bytes: await documentBytes(location, options.cacheDir) })));
  const sha256 = wsdlSetSha256(files);
  if (options.expectedSha256 !== undefined && options.expectedSha256.toLowerCase() !== sha256) {
    throw new SpecError(
      `the pinned WSDL set changed: ${options.label} and its ${files.length - 1} imported files now hash to ${sha256}, but spec.lock.json pins ${options.expectedSha256}. ` +
        'Review the upstream change, then re-pin by generating again with the source passed explicitly (e.g. --spec <source>), which rewrites spec.lock.json',
    );
  }
  const root = set.definitions[0];
  if (root === undefined) throw new SpecError(`${options.label} is an XML Schema, not a WSDL: give the .wsdl file that imports it`);
  const address = readSoapAddress(set.definitions);
  const wsdl: LoadedWsdl = reused?.wsdl ?? { set, index: readSchemas(set.schemas), operations: readOperations(set.definitions), ...(address !== undefined ? { address } : {}) };
  parsed.set(entry, { sha256, wsdl });
  const version = wsdlVersion(root.attributes['targetNamespace'] ?? '', options.label);
  const document = wsdlStubDocument(wsdl, version);
  return {
    document,
    refs: createSpecRefs(document),
    lock: { source: options.label, version, sha256, format: WSDL_FORMAT },
    bytes: files[0]!.bytes,
    wsdl,
  };
}
