// Benchmark (not a test): paginating N records of ~300 bytes in pages of 500 from a loopback
// server (its own process, as a platform would be), through the Portage fetch client and through a bare undici loop over the same pages,
// alternating rounds in one process; prints records/s for each and their ratio.
import { Agent, request } from 'undici';
import { createFetchClient, createLogger } from '@portage/fetch';
import { spawnFakePlatform } from '@portage/fake-platform';
import { formatRate, median, recordsPerSecond } from './measure.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const PAGE_SIZE = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

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

async function portageClient(readAhead: boolean): Promise<number> {
  const client = createFetchClient({ baseUrl: platform.url, logger });
  let count = 0;
  const pages = client.paginate({
    request: { method: 'GET', path },
    recordsPath: 'data',
    pagination: { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: PAGE_SIZE, stop: { totalPath: 'total' } },
  }, { readAhead });
  for await (const page of pages) count += page.records.length;
  await client.close();
  return count;
}

// The bare loop reads pages one after another, so the like-for-like figure is the client
// doing the same (read-ahead off); the default read-ahead mode is printed next to it: with a
// consumer that does nothing it can only add overhead, while in a sync it overlaps the
// network with the database writes.
const sequential = () => portageClient(false);
const readingAhead = () => portageClient(true);
await bareUndici(); // warm up every path (JIT, sockets)
await sequential();
await readingAhead();
const loops = { bare: bareUndici, sequential, readingAhead } as const;
const rates: Record<keyof typeof loops, number[]> = { bare: [], sequential: [], readingAhead: [] };
// A collection and a short settle before each timed run, so one loop's garbage is not
// collected on another's clock; the order rotates so no loop always runs first.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const names = Object.keys(loops) as Array<keyof typeof loops>;
for (let round = 0; round < ROUNDS; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]!);
  for (const name of order) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const run = await recordsPerSecond(loops[name]);
    if (run.records !== RECORDS) throw new Error(`${name} read ${run.records} records, expected ${RECORDS}`);
    rates[name].push(run.rate);
  }
  console.log(`round ${round + 1}: bare undici ${formatRate(rates.bare[round]!)}, portage ${formatRate(rates.sequential[round]!)} (read-ahead ${formatRate(rates.readingAhead[round]!)})`);
}
// Noise on a shared machine only ever adds time, so the best round of each loop is what the
// code costs; the median of per-round ratios cancels the machine's drift between rounds.
const ratio = (of: number[]) => median(of.map((rate, i) => rate / rates.bare[i]!));
console.log(`\nbench:fetch  ${RECORDS.toLocaleString('en-US')} records (~300 B), pages of ${PAGE_SIZE}, ${ROUNDS} rounds, fake platform in its own process`);
console.table({
  'bare undici loop': { 'best records/s': Math.round(Math.max(...rates.bare)), 'median records/s': Math.round(median(rates.bare)) },
  'portage fetch client': { 'best records/s': Math.round(Math.max(...rates.sequential)), 'median records/s': Math.round(median(rates.sequential)) },
  'portage, read-ahead (default)': { 'best records/s': Math.round(Math.max(...rates.readingAhead)), 'median records/s': Math.round(median(rates.readingAhead)) },
});
console.log(`ratio portage / bare: ${ratio(rates.sequential).toFixed(3)} (median of per-round ratios; goal >= 0.9); with read-ahead ${ratio(rates.readingAhead).toFixed(3)}`);
await platform.close();
