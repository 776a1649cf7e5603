import { once } from 'node:events';
import type { ResolvedIo } from './cli-io.js';

/**
 * Resolves when the caller's signal aborts, or on the first SIGINT/SIGTERM of the process: how
 * long-running commands (`serve`) know to stop.
 *
 * @example await stopRequested(io); await server.close();
 */
export async function stopRequested(io: ResolvedIo): Promise<void> {
  if (io.signal) {
    if (!io.signal.aborted) await once(io.signal, 'abort');
    return;
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await once(controller.signal, 'abort');
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
}
