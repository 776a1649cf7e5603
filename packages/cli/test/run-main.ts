import { main, type CliIo } from '../src/index.js';

/** What one command line printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `portage <argv>` in-process with output captured (not a terminal, so plain lines).
 *
 * @example const { code, stdout } = await runMain(['status'], { config, env });
 */
export async function runMain(argv: readonly string[], io: Omit<CliIo, 'stdout' | 'stderr'> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...io,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
