import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { PortageError } from '@portage/core';

/**
 * The JSON text of `--credentials`: the value itself, or the contents of the file after `@`
 * (which keeps secrets out of shell history and process listings).
 *
 * @throws PortageError CONFIG_INVALID when the file cannot be read.
 * @example await readCredentialsText('@secrets/shop.json', process.cwd());
 */
export async function readCredentialsText(value: string, cwd: string): Promise<string> {
  if (!value.startsWith('@')) return value;
  const path = isAbsolute(value.slice(1)) ? value.slice(1) : resolve(cwd, value.slice(1));
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new PortageError('CONFIG_INVALID', `--credentials names ${path}, which cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause,
      context: { source: path },
    });
  }
}
