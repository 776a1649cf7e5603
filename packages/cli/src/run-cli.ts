import { main } from './main.js';

/**
 * The `portage` binary: `main` on the process's arguments and streams, its result as the
 * exit code. The process ends on its own once the command has closed its connections.
 *
 * @example await runCli(); // bin/portage.js
 */
export async function runCli(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
