import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FakePlatformOptions } from './fake-platform.js';

/**
 * Starts the fake platform in a child process and resolves with its URL; `close()` ends it.
 *
 * @example const platform = await spawnFakePlatform({ records: 200_000, pageSize: 500 });
 */
export async function spawnFakePlatform(options: FakePlatformOptions): Promise<{ url: string; close(): Promise<void> }> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const args = ['--records', String(options.records), '--record-bytes', String(options.recordBytes ?? 300), '--page-size', String(options.pageSize ?? 100), '--latency-ms', String(options.latencyMs ?? 0)];
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@portage/source', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => { throw new Error('the fake platform process exited before it started'); })])) as [string];
  const { url } = JSON.parse(first) as { url: string };
  return {
    url,
    close: async () => {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
