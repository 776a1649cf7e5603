/**
 * Waits for a promise shared with other callers until `signal` aborts: then only this caller
 * stops waiting (with the abort reason) while the shared work goes on for the others.
 *
 * @example
 * const token = await abandonOnAbort(sharedRefresh, signal);
 */
export function abandonOnAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
