import { toPortageError } from '../errors/to-portage-error.js';
import type { ResolvedIo } from '../io/cli-io.js';
import { openRuntime, type CliRuntime } from '../runtime/cli-runtime.js';

/**
 * Opens a runtime for a command, runs it, and always closes it. Errors come out as
 * PortageErrors that name the database (password redacted) when it is the problem.
 *
 * @example return withRuntime(io, values, async (runtime) => { ...; return 0; });
 */
export async function withRuntime(
  io: ResolvedIo,
  flags: Parameters<typeof openRuntime>[1],
  body: (runtime: CliRuntime) => Promise<number>,
): Promise<number> {
  const runtime = await openRuntime(io, flags);
  try {
    return await body(runtime);
  } catch (error) {
    throw toPortageError(error, runtime.settings);
  } finally {
    await runtime.close().catch(() => undefined);
  }
}
