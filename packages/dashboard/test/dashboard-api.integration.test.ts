import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNC_DEAD_LETTER_QUEUE, SYNC_QUEUE } from '@portage/refresh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardServer, type ConnectionView, type DashboardServer, type ErrorView, type RunView } from '../src/index.js';
import { seedDashboard, type SeededDashboard } from './seed-dashboard.js';

const TOKEN = 'test-dashboard-token';

let seeded: SeededDashboard;
let dashboard: DashboardServer;
let url: string;
let readOnly: DashboardServer;
let readOnlyUrl: string;
let dir: string;

beforeAll(async () => {
  seeded = await seedDashboard();
  dir = await mkdtemp(join(tmpdir(), 'portage-dashboard-'));
  dashboard = createDashboardServer({ database: seeded.database, queue: seeded.queue, actionToken: TOKEN, driftReportPath: join(dir, 'drift.json') });
  url = await dashboard.listen({ port: 0 });
  readOnly = createDashboardServer({ database: seeded.database, queue: seeded.queue });
  readOnlyUrl = await readOnly.listen({ port: 0 });
});

afterAll(async () => {
  await dashboard?.close();
  await readOnly?.close();
  await seeded?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function getJson<T>(path: string, base = url): Promise<T> {
  const response = await fetch(new URL(path, base));
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as T;
}

const replay = (id: string, headers: Record<string, string> = {}, base = url) => fetch(new URL(`/api/dead-letters/${id}/replay`, base), { method: 'POST', headers });

// What the store holds, read with plain SQL: the API must say the same.
async function entityRowsOf(runId: string) {
  return seeded.database.db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', runId).orderBy('entity').execute();
}

describe('the dashboard API over a seeded store', () => {
  it('/api/connections: every connection with its health and its last run, totals equal to the store', async () => {
    const { connections } = await getJson<{ connections: ConnectionView[] }>('/api/connections');
    const rows = await seeded.database.db.selectFrom('connections').select(['id', 'health', 'health_reason']).execute();
    expect(connections.map((c) => c.id).sort()).toEqual(rows.map((row) => row.id).sort());
    for (const connection of connections) {
      const row = rows.find((candidate) => candidate.id === connection.id)!;
      expect(connection).toMatchObject({ health: row.health, healthReason: row.health_reason });
      const last = await seeded.database.db.selectFrom('sync_runs').selectAll().where('connection_id', '=', connection.id).orderBy('started_at', 'desc').limit(1).executeTakeFirstOrThrow();
      const entities = await entityRowsOf(last.id);
      const sum = (key: 'created' | 'updated' | 'unchanged' | 'deleted') => entities.reduce((total, entity) => total + entity[key], 0);
      expect(connection.lastRun).toMatchObject({
        id: last.id,
        status: last.status,
        durationMs: last.finished_at!.getTime() - last.started_at.getTime(),
        totals: { added: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'), deleted: sum('deleted') },
      });
    }
  });

  it('/api/connections/<id>/runs: each run with per-entity counts and its duration, as stored', async () => {
    const { runs } = await getJson<{ runs: RunView[] }>(`/api/connections/${seeded.connectionIds.shop}/runs?limit=100`);
    const stored = await seeded.database.db.selectFrom('sync_runs').selectAll().where('connection_id', '=', seeded.connectionIds.shop).orderBy('started_at', 'desc').execute();
    expect(runs.map((run) => run.id)).toEqual(stored.map((run) => run.id));
    for (const run of runs) {
      const entities = await entityRowsOf(run.id);
      expect(run.entities).toEqual(
        entities.map((row) => ({ entity: row.entity, added: row.created, updated: row.updated, unchanged: row.unchanged, deleted: row.deleted, pages: row.pages, errors: row.errors.length })),
      );
    }
  });

  it('/api/errors: code, platform message, tracking id and what to do, newest first', async () => {
    const { errors } = await getJson<{ errors: ErrorView[] }>('/api/errors');
    const stored = await seeded.database.db.selectFrom('sync_run_entities').select(['run_id', 'entity', 'errors']).execute();
    const storedErrors = stored.flatMap((row) => row.errors.map((error) => ({ ...error, runId: row.run_id, entity: row.entity })));
    // Each entity error once; a run's own error repeats its entity's and is not listed twice.
    expect(errors).toHaveLength(storedErrors.length);
    expect(errors.map((error) => error.at)).toEqual([...errors.map((error) => error.at)].sort().reverse());
    for (const error of errors) {
      const match = storedErrors.find((candidate) => candidate.runId === error.runId && candidate.entity === error.entity && candidate.at === error.at)!;
      expect(error).toMatchObject({ code: match.code, action: match.action, trackingId: match.trackingId ?? null, platformMessage: match.platformMessage ?? null });
    }
    const auth = errors.find((error) => error.code === 'AUTH_INVALID')!;
    expect(auth).toMatchObject({ platform: 'paybright', status: 401, trackingId: 'req_8f3a2c91e0', whatToDo: { title: 'Re-authenticate' } });
    expect(auth.message.startsWith('AUTH_INVALID')).toBe(false);
  });

  it('/api/charts: records per run of a connection, oldest first, and runs per day that add up to the store', async () => {
    const series = await getJson<{ recordsPerRun: Array<{ runId: string; added: number }>; errorRate: Array<{ day: string; runs: number; failed: number; errors: number }> }>(
      `/api/charts?connection=${seeded.connectionIds.ledger}`,
    );
    const stored = await seeded.database.db.selectFrom('sync_runs').select(['id', 'started_at', 'status']).where('connection_id', '=', seeded.connectionIds.ledger).orderBy('started_at').execute();
    expect(series.recordsPerRun.map((run) => run.runId)).toEqual(stored.map((run) => run.id));
    expect(series.errorRate).toHaveLength(14);
    const from = new Date(`${series.errorRate[0]!.day}T00:00:00Z`);
    const all = await seeded.database.db.selectFrom('sync_runs').select(['started_at', 'status']).where('started_at', '>=', from).execute();
    expect(series.errorRate.reduce((total, day) => total + day.runs, 0)).toBe(all.length);
    expect(series.errorRate.reduce((total, day) => total + day.failed, 0)).toBe(all.filter((run) => run.status === 'failed').length);
  });

  it('/api/drift: none until the report is written, then the report; a broken file says why', async () => {
    expect(await getJson('/api/drift')).toEqual({ state: 'none', path: join(dir, 'drift.json') });
    await writeFile(join(dir, 'drift.json'), JSON.stringify({ impactReportVersion: 1, breaking: false, failed: false, connectors: [{ platform: 'acme', status: 'ok', counts: { breaking: 0, nonBreaking: 2, touching: 0, breakingTouching: 0 }, touching: [] }] }));
    expect(await getJson('/api/drift')).toMatchObject({ state: 'ok', report: { breaking: false, connectors: [{ platform: 'acme', status: 'ok' }] } });
    await writeFile(join(dir, 'drift.json'), '{ not json');
    expect(await getJson('/api/drift')).toMatchObject({ state: 'unreadable', problem: expect.stringContaining('not JSON') });
  });

  it('the page renders the same connections, and escapes what the store holds', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await response.text();
    for (const id of Object.values(seeded.connectionIds)) expect(page).toContain(`data-connection="${id}"`);
    // The seeded tenant "umbrella <b>&co</b>" is shown as text, not markup.
    expect(page).toContain('umbrella &lt;b&gt;&amp;co&lt;/b&gt;');
    expect(page).not.toContain('<b>&co</b>');
  });

  it('serves chart.js and the page script from disk', async () => {
    for (const path of ['/assets/chart.umd.min.js', '/assets/dashboard.js', '/assets/dashboard.css']) {
      const response = await fetch(new URL(path, url));
      expect(response.status, path).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('answers only requests addressed to a loopback host (no DNS rebinding)', async () => {
    const { port } = new URL(url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/api/connections', headers: { host: `evil.example:${port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(421);
  });

  it('unknown paths are 404, wrong methods 405, bad ids 400: all as JSON errors', async () => {
    expect((await fetch(new URL('/nope', url))).status).toBe(404);
    expect((await fetch(new URL('/api/connections', url), { method: 'POST' })).status).toBe(405);
    const bad = await fetch(new URL('/api/connections/not-a-uuid/runs', url));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('replaying a dead letter', () => {
  it('is refused on a read-only dashboard (403), and lists the job there as not replayable', async () => {
    expect(await getJson('/api/dead-letters', readOnlyUrl)).toMatchObject({ actionsEnabled: false, jobs: [{ id: seeded.deadLetterId }] });
    const response = await replay(seeded.deadLetterId, { authorization: `Bearer ${TOKEN}` }, readOnlyUrl);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
  });

  it('needs the token: 401 without it or with a wrong one, and the job stays', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }] as Array<Record<string, string>>) {
      const response = await replay(seeded.deadLetterId, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await seeded.queue.list(SYNC_DEAD_LETTER_QUEUE, 10)).map((job) => job.id)).toEqual([seeded.deadLetterId]);
  });

  it('with the token: the job goes back to the sync queue (without its ended run) and leaves the dead-letter queue', async () => {
    const { jobs } = await getJson<{ jobs: Array<{ id: string; failure: { code: string; trackingId: string } }> }>('/api/dead-letters');
    expect(jobs).toEqual([expect.objectContaining({ id: seeded.deadLetterId, failure: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', trackingId: 'b7e1c0d4-93a2-4f0e-8d61-5c2f7a9e1b33' }) })]);
    const response = await replay(seeded.deadLetterId, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { status: string; newJobId: string };
    expect(answer.status).toBe('replayed');
    expect(await seeded.queue.list(SYNC_DEAD_LETTER_QUEUE, 10)).toEqual([]);
    const requeued = await seeded.queue.list(SYNC_QUEUE, 10);
    expect(requeued).toEqual([expect.objectContaining({ id: answer.newJobId, data: { connectionId: seeded.connectionIds.ledger, entity: 'invoices', kind: 'full' } })]);
    // Gone now: a second replay is NOT_FOUND.
    const again = await replay(seeded.deadLetterId, { authorization: `Bearer ${TOKEN}` });
    expect(again.status).toBe(404);
  });
});
