// Benchmark (not a test): paginating N records of ~300 bytes in pages of 500 from a loopback
// server (its own process, as a platform would be), through the Portage fetch client and through a bare undici loop over the same pages,
// alternating rounds in one process; prints records/s for each and their ratio.
import { Agent, request } from 'undici';
import { createFetchClient, createLogger } from '@portage/fetch';
import { spawnFakePlatform } from '@portage/fake-platform';
import { formatRate, median, recordsPerSecond } from './measure.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const PAGE_SIZE = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);

const platform = await spawnFakePlatform({ records: RECORDS, recordBytes: 300, pageSize: PAGE_SIZE });
const path = '/offset/records';

async function bareUndici(): Promise<number> {
  const agent = new Agent({ connections: 16 });
  let offset = 0;
  let count = 0;
  for (;;) {
    const res = await request(`${platform.url}${path}?offset=${offset}&limit=${PAGE_SIZE}`, { dispatcher: agent });
    const body = (await res.body.json()) as { data: unknown[] };
    if (body.data.length === 0) break;
    count += body.data.length;
    offset += body.data.length;
  }
  await agent.close();
  return count;
}

// The client logs every response at info level, as in production; lines go to /dev/null.
const logger = createLogger({ destination: '/dev/null' });

async function portageClient(): Promise<number> {
  const client = createFetchClient({ baseUrl: platform.url, logger });
  let count = 0;
  const pages = client.paginate({
    request: { method: 'GET', path },
    recordsPath: 'data',
    pagination: { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: PAGE_SIZE, stop: { totalPath: 'total' } },
  }, { readAhead: process.env.BENCH_READ_AHEAD !== '0' });
  for await (const page of pages) count += page.records.length;
  await client.close();
  return count;
}

await bareUndici(); // warm up both paths (JIT, sockets)
await portageClient();
const bare: number[] = [];
const portage: number[] = [];
// A collection and a short settle before each timed run, so one loop's garbage is not
// collected on the other's clock; the order alternates so neither always runs second.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const timed = async (fn: () => Promise<number>) => {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return recordsPerSecond(fn);
};
for (let round = 0; round < ROUNDS; round++) {
  const bareFirst = round % 2 === 0;
  const first = await timed(bareFirst ? bareUndici : portageClient);
  const second = await timed(bareFirst ? portageClient : bareUndici);
  const [b, p] = bareFirst ? [first, second] : [second, first];
  if (b.records !== RECORDS || p.records !== RECORDS) throw new Error(`read ${b.records} / ${p.records} records, expected ${RECORDS}`);
  bare.push(b.rate);
  portage.push(p.rate);
  console.log(`round ${round + 1}: bare undici ${formatRate(b.rate)}, portage fetch ${formatRate(p.rate)}, ratio ${(p.rate / b.rate).toFixed(3)}`);
}
// Noise on a shared machine only ever adds time, so the best round of each loop is what the
// code costs; each round also runs both loops back to back, so the median per-round ratio
// cancels the machine's drift between rounds. Both are printed.
const best = { bare: Math.max(...bare), portage: Math.max(...portage) };
const pairedRatio = median(portage.map((rate, i) => rate / bare[i]!));
console.log(`\nbench:fetch  ${RECORDS.toLocaleString('en-US')} records (~300 B), pages of ${PAGE_SIZE}, ${ROUNDS} rounds, fake platform in its own process`);
console.table({
  'bare undici loop': { 'best records/s': Math.round(best.bare), 'median records/s': Math.round(median(bare)) },
  'portage fetch client': { 'best records/s': Math.round(best.portage), 'median records/s': Math.round(median(portage)) },
});
console.log(`ratio portage / bare: best ${(best.portage / best.bare).toFixed(3)}, median of per-round ratios ${pairedRatio.toFixed(3)} (goal >= 0.9)`);
await platform.close();
