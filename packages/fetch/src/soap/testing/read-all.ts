import { isPortageError, type PortageError } from '@portage/core';
import type { Page } from '../../client/paginate.js';

/** Every page of a read, in order (test helper). */
export async function collect(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const one of pages) out.push(one);
  return out;
}

/** The PortageError a promise rejects with; anything else fails the test. */
export async function failure(promise: Promise<unknown>): Promise<PortageError> {
  try {
    await promise;
  } catch (error) {
    if (isPortageError(error)) return error;
    throw error;
  }
  throw new Error('expected a PortageError');
}
