// Runs the fake platform as its own process (so a benchmark's client and server do not share
// one event loop), prints `{"url": ...}` on its first stdout line, and exits when stdin closes.
// Flags mirror `FakePlatformOptions`; drive mutations over HTTP at `/_control/*`.
import { parseArgs } from 'node:util';
import { startFakePlatform } from './fake-platform.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000' },
    'record-bytes': { type: 'string', default: '300' },
    'page-size': { type: 'string', default: '100' },
    'latency-ms': { type: 'string', default: '0' },
    'rate-limit-requests': { type: 'string' },
    'rate-limit-interval-ms': { type: 'string' },
    'fail-every': { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-idempotency': { type: 'boolean' },
  },
});
const requests = values['rate-limit-requests'];
const intervalMs = values['rate-limit-interval-ms'];
if ((requests === undefined) !== (intervalMs === undefined)) {
  throw new Error('--rate-limit-requests and --rate-limit-interval-ms go together');
}
const platform = await startFakePlatform({
  records: Number(values.records),
  recordBytes: Number(values['record-bytes']),
  pageSize: Number(values['page-size']),
  latencyMs: Number(values['latency-ms']),
  ...(requests !== undefined && intervalMs !== undefined ? { rateLimit: { requests: Number(requests), intervalMs: Number(intervalMs) } } : {}),
  ...(values['fail-every'] !== undefined ? { failEvery: Number(values['fail-every']) } : {}),
  seed: Number(values.seed),
  ...(values['no-idempotency'] ? { idempotency: false } : {}),
});
process.stdout.write(`${JSON.stringify({ url: platform.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void platform.close().then(() => process.exit(0)));
