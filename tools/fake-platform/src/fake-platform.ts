import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorAnswer, type Answer } from './answer.js';
import { answerControl } from './control-routes.js';
import { createDataRoutes, PAGING_STYLES } from './data-routes.js';
import type { FakeRecord } from './dataset.js';
import { createRateLimitWindow, type RateLimit } from './rate-limit-window.js';
import { RecordStore, type RecordTarget } from './record-store.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import type { Tombstone } from './tombstone-log.js';
import { IdempotencyCache } from './idempotency-cache.js';
import { isWriteRoute, routeWrite } from './write-routes.js';
import { WriteTraffic, type WriteFaults, type WriteStats } from './write-traffic.js';

export { PAGING_STYLES };

export interface FakePlatformOptions {
  /** Records in the seeded dataset. */
  records: number;
  recordBytes?: number;
  /** Page size when the request names none. */
  pageSize?: number;
  /** Added before each answer. */
  latencyMs?: number;
  /** Beyond `requests` per `intervalMs`, answer 429 with `Retry-After`. */
  rateLimit?: RateLimit;
  /** Answer 503 to every Nth request (the Nth, 2Nth...), for retry tests. */
  failEvery?: number;
  /** Seeds the choice of records in `update(n)` / `remove(n)`; default 1. */
  seed?: number;
  /** Honour `Idempotency-Key` on writes (default true); false: a platform without idempotency keys. */
  idempotency?: boolean;
}

export interface FakePlatform {
  url: string;
  /**
   * Live records sorted by id: the seed, then whatever mutations made of it. The platform's own
   * array, typed mutable only to keep the original API: change records through `insert`,
   * `update` and `remove`, or the updated_at index goes out of step; `snapshot()` is a copy.
   */
  readonly records: FakeRecord[];
  /** Creates `count` records updated now, with ids after all others. */
  insert(count: number): FakeRecord[];
  /** Changes `amount` and sets `updated_at` to now on these ids, or on `n` seeded-random ones. */
  update(target: string[] | number): FakeRecord[];
  /** Deletes these ids, or `n` seeded-random ones, leaving tombstones; returns the ids. */
  remove(target: string[] | number): string[];
  /** A copy of the live records, sorted by id. */
  snapshot(): FakeRecord[];
  /** Tombstones with `deleted_at >= since` (ISO 8601), or all of them. */
  deleted(since?: string): Tombstone[];
  /** Platform requests answered so far (`/_control/*` is not counted). */
  requestCount(): number;
  /** The last 10,000 platform requests, oldest first. */
  requests(): RequestRecord[];
  /** Counters of the export endpoints: requests in flight now and at most, records created and updated. */
  writeStats(): WriteStats;
  /** Changes what the export endpoints do wrong (delay, dropped answers, idempotency); returns all settings. */
  setWriteFaults(faults: WriteFaults): Required<WriteFaults>;
  /** Zeroes the export counters and maxima. */
  resetWriteStats(): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server holding a seeded, mutable dataset, served at `/<style>/records` in
 * every paging style (see `answerPage` for what each guarantees while records change), with
 * `updated_since` / `If-Modified-Since` filters, a deletions feed at `/deleted?since=`,
 * optional latency, rate limit and failures, and `/_control/*` to mutate it from another
 * process.
 *
 * Per platform request, in order: the request is counted and logged; every `failEvery`th is
 * answered 503; beyond the rate limit it is answered 429 (503s use no quota); otherwise it is
 * routed. Every answer waits `latencyMs` and carries the X-RateLimit headers when a rate limit
 * is set. Control requests skip all of that.
 *
 * @example
 * const platform = await startFakePlatform({ records: 1000, rateLimit: { requests: 50, intervalMs: 1000 } });
 * // GET `${platform.url}/last_id/records?limit=100&starting_after=rec_0000100`
 * platform.update(5); // five records change, deterministically
 * // GET `${platform.url}/cursor/records?updated_since=${syncStartedAt}` sees them
 */
export async function startFakePlatform(options: FakePlatformOptions): Promise<FakePlatform> {
  const store = new RecordStore({ records: options.records, recordBytes: options.recordBytes, seed: options.seed });
  const route = createDataRoutes(store, options.pageSize ?? 100);
  const quota = options.rateLimit ? createRateLimitWindow(options.rateLimit) : undefined;
  const log = new RequestLog(10_000);
  const traffic = new WriteTraffic(options.idempotency === false ? { idempotency: false } : {});
  const idempotency = new IdempotencyCache();
  let count = 0;

  // Failures and the rate limit come before routing: a refused request changes nothing.
  const gate = (now: number): { refused: Answer } | { headers?: Record<string, string> } => {
    if (options.failEvery && count % options.failEvery === 0) return { refused: errorAnswer(503, `every ${options.failEvery}th request fails`) };
    const decision = quota?.take(now);
    if (decision && !decision.allowed) return { refused: errorAnswer(429, 'rate limit exceeded', decision.headers) };
    return decision ? { headers: decision.headers } : {};
  };
  const withHeaders = (answered: Answer, headers: Record<string, string> | undefined): Answer =>
    headers ? { ...answered, headers: { ...answered.headers, ...headers } } : answered;

  const answer = (req: IncomingMessage, url: URL, now: number): Answer => {
    const gated = gate(now);
    if ('refused' in gated) return gated.refused;
    return withHeaders(route(url, req.headers['if-modified-since']), gated.headers);
  };

  // The export endpoints: the body is read first, a write is committed before any delay, and
  // a dropped answer leaves the request hanging until the client gives up.
  const answerWrite = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const isWrite = method !== 'GET';
    res.on('close', traffic.begin(isWrite));
    count++;
    const now = Date.now();
    const body = await readText(req);
    const gated = gate(now);
    const header = req.headers['idempotency-key'];
    const answered =
      'refused' in gated
        ? gated.refused
        : withHeaders(routeWrite({ method, url, body, idempotencyKey: typeof header === 'string' ? header : undefined }, store, idempotency, traffic), gated.headers);
    log.add({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), at: now, status: answered.status });
    if (isWrite && answered.status < 300 && traffic.takeDrop()) return;
    const delay = (options.latencyMs ?? 0) + traffic.faults.delayMs;
    if (delay) setTimeout(() => send(res, answered), delay);
    else send(res, answered);
  };

  const platform: FakePlatform = {
    url: '',
    get records() {
      return store.live as FakeRecord[];
    },
    insert: (n) => store.insert(n),
    update: (target: RecordTarget) => store.update(target),
    remove: (target: RecordTarget) => store.remove(target),
    snapshot: () => store.live.slice(),
    deleted: (since) => store.deletedSince(since),
    requestCount: () => count,
    requests: () => log.list(),
    writeStats: () => traffic.stats(),
    setWriteFaults: (faults) => traffic.setFaults(faults),
    resetWriteStats: () => traffic.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (url.pathname.startsWith('/_control/')) {
      answerControl(req, url.pathname, platform).then(
        (controlled) => send(res, controlled),
        (error: unknown) => send(res, errorAnswer(500, String(error))),
      );
      return;
    }
    if (isWriteRoute(url)) {
      answerWrite(req, res, url).catch((error: unknown) => send(res, errorAnswer(500, String(error))));
      return;
    }
    count++;
    const now = Date.now();
    const answered = answer(req, url, now);
    log.add({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), at: now, status: answered.status });
    if (options.latencyMs) setTimeout(() => send(res, answered), options.latencyMs);
    else send(res, answered);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  platform.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return platform;
}

function send(res: ServerResponse, answer: Answer): void {
  // The client may have gone (a test that timed out, a benchmark that stopped early).
  if (res.destroyed) return;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) }).end(answer.body);
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}
