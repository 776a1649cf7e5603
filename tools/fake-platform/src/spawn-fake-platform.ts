import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FakePlatformOptions } from './fake-platform.js';
import { connectPlatformControl, type PlatformControl } from './platform-control.js';

/** A fake platform in a child process: its URL, async control over HTTP, and `close()`. */
export interface SpawnedFakePlatform extends PlatformControl {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the fake platform in a child process and resolves with its URL; `close()` ends it.
 * Mutations and stats go through `/_control/*` (the methods here call it).
 *
 * @example
 * const platform = await spawnFakePlatform({ records: 200_000, pageSize: 500, rateLimit: { requests: 100, intervalMs: 1000 } });
 * await platform.update(10);
 */
export async function spawnFakePlatform(options: FakePlatformOptions): Promise<SpawnedFakePlatform> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@portage/source', script, ...toFlags(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => { throw new Error('the fake platform process exited before it started'); })])) as [string];
  const { url } = JSON.parse(first) as { url: string };
  return {
    url,
    ...connectPlatformControl(url),
    close: async () => {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** `FakePlatformOptions` as the flags `serve.ts` reads. */
function toFlags(options: FakePlatformOptions): string[] {
  const flags = ['--records', String(options.records), '--record-bytes', String(options.recordBytes ?? 300), '--page-size', String(options.pageSize ?? 100), '--latency-ms', String(options.latencyMs ?? 0), '--seed', String(options.seed ?? 1)];
  if (options.rateLimit) flags.push('--rate-limit-requests', String(options.rateLimit.requests), '--rate-limit-interval-ms', String(options.rateLimit.intervalMs));
  if (options.failEvery) flags.push('--fail-every', String(options.failEvery));
  if (options.idempotency === false) flags.push('--no-idempotency');
  return flags;
}
