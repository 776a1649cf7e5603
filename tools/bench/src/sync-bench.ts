// Benchmark (not a test): a Portage sync of N records (~300 B, last-id pages of 500) from the
// fake platform (its own process) into Postgres through pg-boss and a worker process, next to
// what the same machine does raw: the fetch client's read rate, the COPY rate of the same
// mapped rows, and a naive fetch-then-insert-each-row loop. Then an incremental resync of 1%
// changed records, and the worker's peak RSS for N/10 and N records. Prints one table.
//
// The worker runs in a child process (as in production); its peak RSS is the kernel's VmHWM of
// a fresh worker per size. End to end is timed from queue.send to the run's finished_at, so
// pg-boss pick-up (polling every 0.5 s) is included; the run's own time is printed too.
// "Flat" RSS is read as a ratio <= 1.2. Knobs: BENCH_RECORDS, BENCH_ROUNDS (raw rounds),
// BENCH_NAIVE_RECORDS, BENCH_WORKER_CPU_PROF=<dir> (V8 CPU profiles of the workers).
import { availableParallelism } from 'node:os';
import { spawnFakePlatform } from '@portage/fake-platform';
import { formatRate, median, recordsPerSecond } from './measure.js';
import { formatMiB, pidsNamed, processTree, startCpuMeter } from './process-stats.js';
import { copyInto, copyLines, createRowTable, fetchAll, fetchMappedRows, naiveLoop } from './sync-baselines.js';
import { startSyncWorld } from './sync-world.js';
import { textTable } from './text-table.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const SMALL = Math.round(RECORDS / 10);
const PAGE_SIZE = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const NAIVE_RECORDS = Number(process.env.BENCH_NAIVE_RECORDS ?? 10_000);
const CHANGED = Math.round(RECORDS / 100);

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// A collection and a short settle before each timed run, so earlier garbage is not collected
// on its clock (as in fetch-bench).
const settle = async () => {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 50));
};
const count = (n: number) => n.toLocaleString('en-US');
const log = (line: string) => console.log(line);

const started = performance.now();
const [big, small] = await Promise.all([
  spawnFakePlatform({ records: RECORDS, recordBytes: 300, pageSize: PAGE_SIZE }),
  spawnFakePlatform({ records: SMALL, recordBytes: 300, pageSize: PAGE_SIZE }),
]);
const world = await startSyncWorld().catch(async (error: unknown) => {
  await Promise.all([big.close(), small.close()]);
  throw error;
});
const { pool, schema } = world.database;

try {
  // 1, 2. Raw fetch and raw COPY, alternating rounds; the mapped rows are read once, untimed
  // (this read also warms the platform's page cache and the JIT for every later read).
  let lines = copyLines(await fetchMappedRows(big.url));
  const mappedBytes = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
  await fetchAll(big.url);
  const fetchRates: number[] = [];
  const copyRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const table = `${schema}.copy_round_${round}`;
    await createRowTable(pool, table);
    const timeFetch = async () => {
      await settle();
      const result = await recordsPerSecond(() => fetchAll(big.url));
      if (result.records !== RECORDS) throw new Error(`raw fetch read ${result.records} records, expected ${RECORDS}`);
      fetchRates.push(result.rate);
    };
    const timeCopy = async () => {
      await settle();
      const result = await recordsPerSecond(() => copyInto(pool, table, lines));
      if (result.records !== RECORDS) throw new Error(`raw COPY wrote ${result.records} rows, expected ${RECORDS}`);
      copyRates.push(result.rate);
    };
    if (round % 2 === 0) {
      await timeFetch();
      await timeCopy();
    } else {
      await timeCopy();
      await timeFetch();
    }
    await pool.query(`drop table ${table}`);
    log(`round ${round + 1}: raw fetch ${formatRate(fetchRates.at(-1)!)}, raw COPY ${formatRate(copyRates.at(-1)!)}`);
  }
  lines = [];

  // 4. The naive loop, on a subset.
  await createRowTable(pool, `${schema}.naive_rows`);
  await settle();
  const naive = await recordsPerSecond(() => naiveLoop(big.url, pool, `${schema}.naive_rows`, NAIVE_RECORDS));
  log(`naive loop: ${count(naive.records)} records in ${naive.seconds.toFixed(1)} s, ${formatRate(naive.rate)}`);
  await pool.query(`drop table ${schema}.naive_rows`);
  await settle();

  // 6a. Peak RSS of a fresh worker process over a full sync of N/10 records.
  const smallWorker = await world.spawnWorker(small.url);
  const smallIdle = smallWorker.rss();
  const smallRun = await world.runJob({ connectionId: await world.connect('bench-small'), entity: 'customers', kind: 'full' });
  const smallPeak = smallWorker.peakRss();
  await smallWorker.stop();
  if (smallRun.created !== SMALL) throw new Error(`the ${count(SMALL)}-record sync created ${smallRun.created} records`);
  log(`full sync of ${count(SMALL)}: ${smallRun.seconds.toFixed(2)} s, worker peak RSS ${formatMiB(smallPeak)} (idle ${formatMiB(smallIdle)})`);

  // 3, 6b. End to end: one full job through pg-boss to a fresh worker process.
  const worker = await world.spawnWorker(big.url);
  const bigIdle = worker.rss();
  const connectionId = await world.connect('bench-big');
  const benchTree = () => processTree(process.pid).filter((pid) => pid !== worker.pid);
  const stopMeter = startCpuMeter({ worker: () => [worker.pid], postgres: () => pidsNamed('postgres'), bench: benchTree });
  const full = await world.runJob({ connectionId, entity: 'customers', kind: 'full' });
  const cpu = stopMeter();
  const bigPeak = worker.peakRss();
  if (full.created !== RECORDS) throw new Error(`the full sync created ${full.created} records, expected ${RECORDS}`);
  log(`full sync of ${count(RECORDS)}: ${full.seconds.toFixed(2)} s from enqueue (${full.runSeconds.toFixed(2)} s in the run, ${full.pages} pages), worker peak RSS ${formatMiB(bigPeak)} (idle ${formatMiB(bigIdle)})`);

  // 5. Incremental: 1% of the records change on the platform, then a job since the full start.
  const changed = await big.update(CHANGED);
  if (changed.length !== CHANGED) throw new Error(`the platform changed ${changed.length} records, expected ${CHANGED}`);
  const incremental = await world.runJob({ connectionId, entity: 'customers', kind: 'incremental', since: full.startedAt.toISOString() });
  if (incremental.updated !== CHANGED) throw new Error(`the incremental sync updated ${incremental.updated} records, expected ${CHANGED}`);
  log(`incremental of ${count(CHANGED)} changed: ${incremental.seconds.toFixed(3)} s from enqueue (${incremental.runSeconds.toFixed(3)} s in the run, ${incremental.pages} pages)`);
  await worker.stop();

  const best = { fetch: Math.max(...fetchRates), copy: Math.max(...copyRates) };
  const endToEnd = RECORDS / full.seconds;
  const ratio = endToEnd / Math.min(best.fetch, best.copy);
  const fraction = incremental.seconds / full.seconds;
  const rssRatio = bigPeak / smallPeak;
  const goal = (text: string, met: boolean) => `${text}: ${met ? 'met' : 'NOT MET'}`;
  const rounds = (rates: number[]) => `best of ${rates.length}, median ${count(Math.round(median(rates)))}`;
  const others = cpu.machine! - cpu.worker! - cpu.postgres! - cpu.bench!;

  log(`\nbench:sync  ${count(RECORDS)} records (~300 B raw, ~${Math.round(mappedBytes)} B mapped rows), pages of ${PAGE_SIZE}; fake platform and sync worker each in their own process`);
  log(
    textTable(
      ['measure', 'result', 'goal'],
      [
        ['raw fetch (fetch client, customers)', `${formatRate(best.fetch)} (${rounds(fetchRates)})`, ''],
        ['raw COPY (logged table, primary key)', `${formatRate(best.copy)} (${rounds(copyRates)})`, ''],
        ['end to end (pg-boss, worker process)', `${formatRate(endToEnd)} (${full.seconds.toFixed(2)} s enqueue to finished_at; run alone ${count(Math.round(RECORDS / full.runSeconds))}/s)`, ''],
        ['end to end / slower raw', `${ratio.toFixed(3)} (slower: ${best.fetch < best.copy ? 'fetch' : 'COPY'})`, goal('>= 0.5', ratio >= 0.5)],
        [`naive loop (first ${count(naive.records)} records)`, `${formatRate(naive.rate)} (so ~${(RECORDS / naive.rate).toFixed(0)} s for ${count(RECORDS)})`, ''],
        [`incremental, ${count(CHANGED)} changed (1%)`, `${incremental.seconds.toFixed(3)} s = ${fraction.toFixed(4)} of initial (run alone ${(incremental.runSeconds / full.runSeconds).toFixed(4)})`, goal('<= 0.03', fraction <= 0.03)],
        [`worker peak RSS, ${count(SMALL)} records`, `${formatMiB(smallPeak)} (idle before: ${formatMiB(smallIdle)})`, ''],
        [`worker peak RSS, ${count(RECORDS)} records`, `${formatMiB(bigPeak)} (idle before: ${formatMiB(bigIdle)})`, ''],
        ['peak RSS ratio', `${rssRatio.toFixed(2)}`, goal('flat (<= 1.2)', rssRatio <= 1.2)],
      ],
    ),
  );
  const cores = availableParallelism();
  log(
    `CPU during the full sync (${full.seconds.toFixed(1)} s x ${cores} cores = ${(full.seconds * cores).toFixed(0)} CPU-s): worker ${cpu.worker!.toFixed(1)}, Postgres ${cpu.postgres!.toFixed(1)}, ` +
      `platform + bench ${cpu.bench!.toFixed(1)}, other processes ${Math.max(0, others).toFixed(1)} CPU-s. Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
} finally {
  await world.close();
  await Promise.all([big.close(), small.close()]);
}
