import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { getPath, PortageError } from '@portage/core';

/**
 * One record of an export file and its local key.
 *
 * @example const entry: ExportFileRecord = { localKey: 'crm-1', record: { id: 'crm-1', email: 'ada@example.test' } };
 */
export interface ExportFileRecord {
  localKey: string;
  record: Record<string, unknown>;
}

/**
 * Reads `--file`: a JSON array of unified records, each with its local key at
 * `localKeyPath` (a dot path; default `id`). Every problem names the record's index.
 *
 * @throws PortageError CONFIG_INVALID when the file cannot be read or parsed, a record is not
 * an object, or its local key is missing or repeated.
 * @example const records = await readExportFile('customers.json', process.cwd(), 'id');
 */
export async function readExportFile(file: string, cwd: string, localKeyPath: string): Promise<ExportFileRecord[]> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new PortageError('CONFIG_INVALID', `--file names ${path}, which cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause, context: { source: path } });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new PortageError('CONFIG_INVALID', `${path} is not valid JSON (${(cause as Error).message}): write a JSON array of records`, { cause, context: { source: path } });
  }
  if (!Array.isArray(value)) throw new PortageError('CONFIG_INVALID', `${path} must hold a JSON array of records, e.g. [{ "id": "crm-1", "email": "..." }]`, { context: { source: path } });
  const seen = new Set<string>();
  return value.map((record: unknown, index): ExportFileRecord => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new PortageError('CONFIG_INVALID', `record ${index} of ${path} is not an object`, { context: { source: path, fieldPath: String(index) } });
    }
    const key = getPath(record, localKeyPath);
    if ((typeof key !== 'string' || key === '') && typeof key !== 'number') {
      throw new PortageError('CONFIG_INVALID', `record ${index} of ${path} has no local key at "${localKeyPath}": set --local-key-path to the field that identifies records in your system`, {
        context: { source: path, fieldPath: `${index}.${localKeyPath}` },
      });
    }
    const localKey = String(key);
    if (seen.has(localKey)) {
      throw new PortageError('CONFIG_INVALID', `record ${index} of ${path} repeats the local key "${localKey}": export each record once`, { context: { source: path, fieldPath: `${index}.${localKeyPath}` } });
    }
    seen.add(localKey);
    return { localKey, record: record as Record<string, unknown> };
  });
}
