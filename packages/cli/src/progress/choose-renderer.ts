import type { OutputWriter } from '../io/cli-io.js';
import { useColor } from '../format/use-color.js';
import { createBarProgress } from './create-bar-progress.js';
import { createPlainProgress } from './create-plain-progress.js';
import type { ProgressRenderer } from './progress-renderer.js';

/**
 * Live bars in a terminal, plain lines anywhere else (logs, pipes, tests).
 *
 * @example const renderer = chooseRenderer(io.stdout, io.env, ['orders', 'products']);
 */
export function chooseRenderer(stdout: OutputWriter, env: Readonly<Record<string, string | undefined>>, entities: readonly string[]): ProgressRenderer {
  if (stdout.isTTY === true) return createBarProgress(stdout as NodeJS.WritableStream, entities, { color: useColor(stdout, env) });
  return createPlainProgress({ write: (text) => stdout.write(text) });
}
