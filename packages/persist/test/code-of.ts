/**
 * The `code` a promise rejects with, or undefined when it resolves: tests assert on codes,
 * not wording.
 *
 * @example expect(await codeOf(store.get(missingId))).toBe('NOT_FOUND');
 */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error as { code?: string }).code,
  );
}
