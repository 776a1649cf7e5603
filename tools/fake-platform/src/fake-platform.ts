import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataset, type FakeRecord } from './dataset.js';
import { answerPage, type PagingStyle } from './paging-styles.js';

export interface FakePlatformOptions {
  /** Records in the seeded dataset. */
  records: number;
  recordBytes?: number;
  /** Page size when the request names none. */
  pageSize?: number;
  /** Added before each answer. */
  latencyMs?: number;
}

export interface FakePlatform {
  url: string;
  records: FakeRecord[];
  /** Requests answered so far. */
  requestCount(): number;
  close(): Promise<void>;
}

export const PAGING_STYLES: readonly PagingStyle[] = ['offset', 'page', 'cursor', 'last_id', 'link_header', 'next_url'];

/**
 * A loopback HTTP server holding a seeded dataset, served at `/<style>/records` in every
 * paging style.
 *
 * @example
 * const platform = await startFakePlatform({ records: 1000 });
 * // GET `${platform.url}/last_id/records?limit=100&starting_after=rec_0000100`
 */
export async function startFakePlatform(options: FakePlatformOptions): Promise<FakePlatform> {
  const records = createDataset(options.records, options.recordBytes);
  const pageSize = options.pageSize ?? 100;
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const style = url.pathname.split('/')[1] as PagingStyle;
    if (!PAGING_STYLES.includes(style) || !url.pathname.endsWith('/records')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no such endpoint"}}');
      return;
    }
    const answer = answerPage(style, records, url, pageSize);
    const text = JSON.stringify(answer.body);
    const send = () =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...answer.headers })
        .end(text);
    if (options.latencyMs) setTimeout(send, options.latencyMs);
    else send();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    requestCount: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
