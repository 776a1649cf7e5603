import { readFile } from 'node:fs/promises';
import type { SpecLock } from '../model.js';
import { parseSpecSource } from '../source/spec-source.js';
import { SpecError } from './spec-error.js';

const FORMATS = ['openapi-3.0', 'openapi-3.1', 'swagger-2.0', 'wsdl-1.1'];

/**
 * Reads and validates specs/<platform>/spec.lock.json. Unknown keys are ignored so a lock
 * written by a newer Portage still reads.
 *
 * @example const lock = await readSpecLock('specs/stripe/spec.lock.json') // { source, version, sha256, format }
 */
export async function readSpecLock(path: string): Promise<SpecLock> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    const error = new SpecError(
      missing ? `there is no spec lock at ${path}; generate the connector with a spec source to create it` : `cannot read the spec lock ${path}: ${(cause as Error).message}`,
    );
    error.cause = cause;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const error = new SpecError(`the spec lock ${path} is not valid JSON (${(cause as Error).message}); fix it or delete it and generate again`);
    error.cause = cause;
    throw error;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new SpecError(`the spec lock ${path} must be a JSON object`);
  const lock = raw as Record<string, unknown>;
  const problem = (field: string, want: string) => new SpecError(`the spec lock ${path}: "${field}" must be ${want}; fix it or delete the lock and generate again`);
  if (typeof lock.source !== 'string' || lock.source.trim() === '') throw problem('source', 'a spec source (file path, URL or npm:<package>@<version>#<path>)');
  // Checks the form only; file sources are relative to the workspace root, which is not known here.
  parseSpecSource(lock.source, '/');
  if (typeof lock.version !== 'string' || lock.version === '') throw problem('version', 'a non-empty string');
  if (typeof lock.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(lock.sha256)) throw problem('sha256', 'a lowercase hex sha256 (64 characters)');
  if (typeof lock.format !== 'string' || !FORMATS.includes(lock.format)) throw problem('format', `one of ${FORMATS.join(', ')}`);
  return { source: lock.source, version: lock.version, sha256: lock.sha256, format: lock.format };
}

/**
 * The lock as written to disk: fixed key order, 2-space JSON, final newline, so regenerating
 * an unchanged spec leaves the file byte-for-byte the same.
 *
 * @example await writeFile('specs/stripe/spec.lock.json', specLockJson(spec.lock))
 */
export function specLockJson(lock: SpecLock): string {
  const { source, version, sha256, format } = lock;
  return `${JSON.stringify({ source, version, sha256, format }, null, 2)}\n`;
}
