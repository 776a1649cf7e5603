import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listRuns, type PortageDatabase } from '@portage/persist';
import { replayDeadLetters, type JobQueue } from '@portage/refresh';
import { loadDeadLetterViews, loadPageModel, ERRORS_SHOWN, type DashboardSources } from '../data/load-page-model.js';
import { loadDriftReport } from '../data/load-drift-report.js';
import { loadRunActivity } from '../data/load-run-activity.js';
import { loadSnapshot } from '../data/load-snapshot.js';
import { renderPage } from '../page/render-page.js';
import { chartSeries } from '../views/chart-series.js';
import { toConnectionView } from '../views/connection-view.js';
import { errorViews } from '../views/error-view.js';
import { toRunView } from '../views/run-view.js';
import { checkActionToken } from './check-action-token.js';
import { readAsset, STATIC_ASSETS } from './static-assets.js';
import { send, sendError, sendFailure, sendJson } from './respond.js';

/**
 * Options of {@link createDashboardServer}.
 *
 * @example const options: DashboardServerOptions = { database, queue, actionToken: process.env.PORTAGE_DASHBOARD_TOKEN };
 */
export interface DashboardServerOptions {
  database: PortageDatabase;
  /** The sync job queue (pg-boss): dead letters are listed from it and replayed into it. */
  queue: Pick<JobQueue, 'list' | 'send' | 'remove'>;
  /** Replay needs `Authorization: Bearer <actionToken>`; without one the dashboard is read-only. */
  actionToken?: string | undefined;
  /** Where `portage drift --json-out <file>` writes its report; read on each request. */
  driftReportPath?: string | undefined;
  /** Runs loaded per connection (default 20). */
  runsPerConnection?: number;
  /** Days the error-rate chart covers (default 14). */
  chartDays?: number;
  /** Told of every action taken (a replay), for an audit line. */
  onAction?: (line: string) => void;
  /** Injected by tests. */
  now?: () => Date;
}

/**
 * A dashboard, listening or not: `handle` is its request listener.
 *
 * @example const url = await dashboard.listen({ port: 8790 });
 */
export interface DashboardServer {
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Starts listening (127.0.0.1 unless told otherwise) and resolves with the page's URL. */
  listen(options: { port: number; host?: string }): Promise<string>;
  close(): Promise<void>;
}

type Route = (request: IncomingMessage, response: ServerResponse, url: URL, params: string[]) => Promise<void>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * The sync status dashboard over the Postgres store: one HTML page and a JSON API under
 * `/api` (connections, runs with per-entity counts and durations, errors with code, platform
 * message, tracking id and what to do, dead letters, the drift report, chart series). Read-only
 * unless an action token is given; then `POST /api/dead-letters/<id>/replay` with
 * `Authorization: Bearer <token>` replays a dead-lettered job. Bound to a loopback address, it
 * answers only requests addressed to a loopback host name (no DNS rebinding).
 *
 * @example
 * const dashboard = createDashboardServer({ database, queue, actionToken: process.env.PORTAGE_DASHBOARD_TOKEN });
 * console.log(`open ${await dashboard.listen({ port: 8790 })}`);
 */
export function createDashboardServer(options: DashboardServerOptions): DashboardServer {
  const now = options.now ?? (() => new Date());
  const token = options.actionToken === undefined || options.actionToken === '' ? undefined : options.actionToken;
  const sources: DashboardSources = {
    database: options.database,
    queue: options.queue,
    driftReportPath: options.driftReportPath,
    runsPerConnection: options.runsPerConnection ?? 20,
  };
  const chartDays = options.chartDays ?? 14;
  let server: Server | undefined;
  let loopbackOnly = false;

  const routes: Array<{ method: string; pattern: RegExp; route: Route }> = [
    {
      method: 'GET',
      pattern: /^\/$/,
      route: async (_request, response, url) => {
        const model = await loadPageModel(sources, { connectionId: url.searchParams.get('connection') ?? undefined, actionsEnabled: token !== undefined, now: now() });
        send(response, 200, 'text/html; charset=utf-8', renderPage(model));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/connections$/,
      route: async (_request, response) => {
        const snapshot = await loadSnapshot(sources.database, sources.runsPerConnection);
        sendJson(response, 200, { generatedAt: now().toISOString(), connections: snapshot.connections.map(({ connection, runs }) => toConnectionView(connection, runs)) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/connections\/([^/]+)\/runs$/,
      route: async (_request, response, url, [id]) => {
        const limit = boundedInteger(url.searchParams.get('limit'), { min: 1, max: 1000, fallback: sources.runsPerConnection });
        const runs = await listRuns(sources.database.db, id!, limit);
        sendJson(response, 200, { connectionId: id, runs: runs.map(toRunView) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/errors$/,
      route: async (_request, response, url) => {
        const limit = boundedInteger(url.searchParams.get('limit'), { min: 1, max: 1000, fallback: ERRORS_SHOWN });
        sendJson(response, 200, { errors: errorViews(await loadSnapshot(sources.database, sources.runsPerConnection), limit) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/dead-letters$/,
      route: async (_request, response) => {
        const views = await loadDeadLetterViews(sources.queue, await loadSnapshot(sources.database, 1));
        sendJson(response, 200, { actionsEnabled: token !== undefined, ...views });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/dead-letters\/([^/]+)\/replay$/,
      route: async (request, response, _url, [id]) => {
        if (token === undefined) {
          sendError(response, 403, 'PERMISSION_DENIED', 'the dashboard is read-only: start it with PORTAGE_DASHBOARD_TOKEN set (or --actions) to replay jobs, or run `portage dlq replay`');
          return;
        }
        if (!checkActionToken(request.headers.authorization, token)) {
          sendError(response, 401, 'AUTH_INVALID', 'replay needs the action token: send Authorization: Bearer <token> (the token the dashboard printed at start, or PORTAGE_DASHBOARD_TOKEN)', {
            'www-authenticate': 'Bearer realm="portage-dashboard"',
          });
          return;
        }
        const [outcome] = await replayDeadLetters(options.queue, { jobIds: [id!] });
        if (outcome?.status === 'replayed') {
          options.onAction?.(`replayed dead letter ${outcome.jobId} as job ${outcome.newJobId}: ${outcome.data.connectionId} ${outcome.data.entity} (${outcome.data.kind})`);
          sendJson(response, 200, { status: 'replayed', jobId: outcome.jobId, newJobId: outcome.newJobId });
          return;
        }
        sendJson(response, 409, { status: 'kept', jobId: id, message: 'kept: this entity already has a sync queued or running; replay it once that one ends' });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/drift$/,
      route: async (_request, response) => sendJson(response, 200, await loadDriftReport(sources.driftReportPath)),
    },
    {
      method: 'GET',
      pattern: /^\/api\/charts$/,
      route: async (_request, response, url) => {
        const connectionId = url.searchParams.get('connection') || null;
        const [runs, activity] = await Promise.all([
          connectionId ? listRuns(sources.database.db, connectionId, 30) : Promise.resolve([]),
          loadRunActivity(sources.database, { days: chartDays, now: now() }),
        ]);
        sendJson(response, 200, chartSeries(connectionId, runs, activity.days));
      },
    },
  ];

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
    const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
    if (loopbackOnly && !LOOPBACK.test(hostName(request.headers.host))) {
      sendError(response, 421, 'PERMISSION_DENIED', 'this dashboard answers only requests to a loopback host (localhost, 127.0.0.1, [::1]): open it by that address');
      return;
    }
    const asset = STATIC_ASSETS[url.pathname];
    if (asset && method === 'GET') {
      readAsset(asset).then(
        (bytes) => send(response, 200, asset.contentType, bytes, { 'cache-control': 'public, max-age=300' }),
        (error: unknown) => sendFailure(response, error),
      );
      return;
    }
    const matches = routes.filter((candidate) => candidate.pattern.test(url.pathname));
    const match = matches.find((candidate) => candidate.method === method);
    if (!match) {
      if (matches.length > 0) sendError(response, 405, 'VALIDATION_FAILED', `${url.pathname} answers ${matches.map((candidate) => candidate.method).join(', ')}`, { allow: matches.map((candidate) => candidate.method).join(', ') });
      else sendError(response, 404, 'NOT_FOUND', `nothing at ${url.pathname}: the page is at /, the API under /api`);
      return;
    }
    const params = match.pattern.exec(url.pathname)!.slice(1).map((part) => decodeURIComponent(part));
    match.route(request, response, url, params).catch((error: unknown) => sendFailure(response, error));
  }

  return {
    handle,
    listen: async ({ port, host = '127.0.0.1' }) => {
      loopbackOnly = LOOPBACK.test(host);
      const listening = createServer(handle);
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      server = listening;
      const { port: bound } = listening.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`;
    },
    close: async () => {
      const listening = server;
      server = undefined;
      if (!listening) return;
      await new Promise<void>((resolve, reject) => {
        listening.close((error) => (error ? reject(error) : resolve()));
        listening.closeAllConnections();
      });
    },
  };
}

function hostName(header: string | undefined): string {
  if (!header) return '';
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1);
  return header.split(':')[0] ?? '';
}

function boundedInteger(value: string | null, bounds: { min: number; max: number; fallback: number }): number {
  if (value === null || value === '') return bounds.fallback;
  const number = Number(value);
  return Number.isInteger(number) ? Math.min(bounds.max, Math.max(bounds.min, number)) : bounds.fallback;
}
