// The README's main job for now: a fake platform on loopback, read in every paging style
// through the Portage fetch client. (The persist/refresh issue turns this into a real sync.)
import type { PaginationConfig } from '@portage/core';
import { createFetchClient, createLogger } from '@portage/fetch';
import { PAGING_STYLES, startFakePlatform } from './fake-platform.js';
import type { PagingStyle } from './paging-styles.js';

const RECORDS = 2_500;

const SOURCES: Record<PagingStyle, { recordsPath: string; pagination: PaginationConfig }> = {
  offset: { recordsPath: 'data', pagination: { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: 200, stop: { totalPath: 'total' } } },
  page: { recordsPath: 'items', pagination: { type: 'page', page: { in: 'query', name: 'page' }, size: { in: 'query', name: 'limit' }, pageSize: 200 } },
  cursor: { recordsPath: 'data', pagination: { type: 'cursor', cursorPath: 'next_cursor', token: { in: 'query', name: 'cursor' } } },
  last_id: { recordsPath: 'data', pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } } },
  link_header: { recordsPath: '', pagination: { type: 'link_header' } },
  next_url: { recordsPath: 'orders', pagination: { type: 'next_url', nextUrlPath: 'next' } },
};

const platform = await startFakePlatform({ records: RECORDS, pageSize: 200 });
const client = createFetchClient({ baseUrl: platform.url, logger: createLogger({ level: 'warn' }) });
console.log(`fake platform with ${RECORDS} records at ${platform.url}\n`);
for (const style of PAGING_STYLES) {
  const started = performance.now();
  const ids = new Set<string>();
  let pages = 0;
  for await (const page of client.paginate({ request: { path: `/${style}/records`, query: { limit: 200 } }, ...SOURCES[style] })) {
    pages++;
    for (const record of page.records as { id: string }[]) ids.add(record.id);
  }
  const ms = performance.now() - started;
  const ok = ids.size === RECORDS ? 'all records, once each' : `MISMATCH: ${ids.size} distinct ids`;
  console.log(`${style.padEnd(12)} ${String(pages).padStart(3)} pages  ${String(ids.size).padStart(5)} records  ${ms.toFixed(0).padStart(5)} ms  ${ok}`);
}
await client.close();
await platform.close();
