// Runs the fake platform as its own process (so a benchmark's client and server do not share
// one event loop), prints `{"url": ...}` on its first stdout line, and exits when stdin closes.
import { parseArgs } from 'node:util';
import { startFakePlatform } from './fake-platform.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000' },
    'record-bytes': { type: 'string', default: '300' },
    'page-size': { type: 'string', default: '100' },
    'latency-ms': { type: 'string', default: '0' },
  },
});
const platform = await startFakePlatform({
  records: Number(values.records),
  recordBytes: Number(values['record-bytes']),
  pageSize: Number(values['page-size']),
  latencyMs: Number(values['latency-ms']),
});
process.stdout.write(`${JSON.stringify({ url: platform.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void platform.close().then(() => process.exit(0)));
