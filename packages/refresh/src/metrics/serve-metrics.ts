import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerMetrics } from './worker-metrics.js';

/**
 * A running `/metrics` endpoint.
 *
 * @example const served = await serveMetrics(metrics, { port: 0 }); await fetch(`${served.url}/metrics`);
 */
export interface MetricsServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` for Prometheus to scrape (anything else answers 404). Listens on
 * 127.0.0.1 unless told otherwise: expose it on purpose, e.g. `host: '0.0.0.0'` in a container.
 *
 * @example
 * const served = await serveMetrics(metrics, { port: 9464, host: '0.0.0.0' });
 * // ... later
 * await served.close();
 */
export async function serveMetrics(metrics: Pick<WorkerMetrics, 'text' | 'contentType'>, options: { port: number; host?: string }): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: metrics are at GET /metrics\n');
      return;
    }
    metrics.text().then(
      (body) => response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : body),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${String(error)}\n`),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
