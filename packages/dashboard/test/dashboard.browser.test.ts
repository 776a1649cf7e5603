import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYNC_DEAD_LETTER_QUEUE, SYNC_QUEUE } from '@portage/refresh';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardServer, type DashboardServer } from '../src/index.js';
import { DRIFT_REPORT, seedDashboard, type SeededDashboard } from './seed-dashboard.js';

// Debian's chromium, driven by playwright-core (which downloads no browser of its own).
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output', 'dashboard.png');
const TOKEN = 'test-dashboard-token';
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env.CI === 'true') {
  describe('dashboard in a real browser', () => {
    it('needs Debian chromium', () => {
      throw new Error(`${CHROMIUM} is missing: .ci/run must install it (apt-get install -y chromium)`);
    });
  });
}

describe.skipIf(!haveChromium)(`dashboard in a real browser (skipped: no ${CHROMIUM}; apt-get install chromium)`, () => {
  let seeded: SeededDashboard;
  let dashboard: DashboardServer;
  let url: string;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    seeded = await seedDashboard();
    userDataDir = await mkdtemp(join(tmpdir(), 'portage-chromium-'));
    const driftReportPath = join(userDataDir, 'drift.json');
    await writeFile(driftReportPath, JSON.stringify(DRIFT_REPORT));
    dashboard = createDashboardServer({ database: seeded.database, queue: seeded.queue, actionToken: TOKEN, driftReportPath });
    url = await dashboard.listen({ port: 0 });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      viewport: { width: 1440, height: 1000 },
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await dashboard?.close();
    await seeded?.drop();
  });

  // A number as the page shows it ("1,830") back to a number.
  const shown = async (locator: ReturnType<Page['locator']>) => Number((await locator.innerText()).replace(/,/g, '').trim());

  it('loads the page with its charts and no script error', async () => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${url}?connection=${seeded.connectionIds.shop}`);
    await page.waitForSelector('body[data-charts]');
    expect(await page.getAttribute('body', 'data-charts')).toBe('drawn');
    expect(problems).toEqual([]);
    expect(await page.title()).toBe('Portage · sync status');
  });

  it('shows, for each connection, its health and its last run totals as the store has them', async () => {
    const { db } = seeded.database;
    const connections = await db.selectFrom('connections').select(['id', 'health']).execute();
    expect(await shown(page.locator('#summary [data-field="connections"]'))).toBe(connections.length);
    for (const connection of connections) {
      const row = page.locator(`#connections-table tr[data-connection="${connection.id}"]`);
      const label = { healthy: 'Healthy', degraded: 'Degraded', needs_reauth: 'Needs re-auth', disabled: 'Disabled' }[connection.health];
      expect(await row.locator('.badge').first().innerText()).toBe(label);
      const last = await db.selectFrom('sync_runs').select('id').where('connection_id', '=', connection.id).orderBy('started_at', 'desc').limit(1).executeTakeFirstOrThrow();
      const entities = await db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', last.id).execute();
      for (const [field, column] of [['added', 'created'], ['updated', 'updated'], ['unchanged', 'unchanged'], ['deleted', 'deleted']] as const) {
        const total = entities.reduce((sum, entity) => sum + entity[column], 0);
        expect(await shown(row.locator(`[data-field="${field}"]`)), `${connection.id} ${field}`).toBe(total);
      }
    }
  });

  it('shows every entity of the selected connection runs with the counts the store has', async () => {
    const { db } = seeded.database;
    const runs = await db.selectFrom('sync_runs').select('id').where('connection_id', '=', seeded.connectionIds.shop).orderBy('started_at', 'desc').limit(10).execute();
    expect(await page.locator('#runs-table tr.run-total').count()).toBe(runs.length);
    for (const run of runs) {
      for (const entity of await db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', run.id).execute()) {
        const row = page.locator(`#runs-table tr[data-run="${run.id}"][data-entity="${entity.entity}"]`);
        const want = { added: entity.created, updated: entity.updated, unchanged: entity.unchanged, deleted: entity.deleted, pages: entity.pages, errors: entity.errors.length };
        for (const [field, value] of Object.entries(want)) expect(await shown(row.locator(`[data-field="${field}"]`)), `${run.id} ${entity.entity} ${field}`).toBe(value);
      }
    }
  });

  it('shows each error with its tracking id and what to do', async () => {
    const stored = await seeded.database.db.selectFrom('sync_run_entities').select('errors').execute();
    const trackingIds = stored.flatMap((row) => row.errors.flatMap((error) => (typeof error.trackingId === 'string' ? [error.trackingId] : [])));
    expect(trackingIds.length).toBeGreaterThan(0);
    expect((await page.locator('#errors-table [data-field="tracking-id"]').allInnerTexts()).sort()).toEqual(trackingIds.sort());
    const auth = page.locator('#errors-table tr', { hasText: 'AUTH_INVALID' });
    expect(await auth.locator('.advice strong').innerText()).toBe('Re-authenticate');
    expect(await auth.locator('.platform-says').innerText()).toContain('Invalid API key provided');
  });

  it('shows the latest drift report', async () => {
    for (const connector of DRIFT_REPORT.connectors) {
      expect(await page.locator(`#drift-table tr[data-platform="${connector.platform}"] .badge`).first().innerText()).toBe(connector.status);
    }
    expect(await page.locator('#drift-table').innerText()).toContain(DRIFT_REPORT.connectors[0]!.touching[0]!.change.reason);
  });

  it('replays a dead letter with the token: success on the page, the job back in the sync queue', async () => {
    const row = page.locator(`#dead-letters-table tr[data-job="${seeded.deadLetterId}"]`);
    expect(await shown(page.locator('#summary [data-field="dead-letters"]'))).toBe((await seeded.queue.list(SYNC_DEAD_LETTER_QUEUE, 100)).length);
    // Without the token the page says what is missing and nothing moves.
    await row.locator('button.replay').click();
    await expect.poll(() => row.locator('.replay-status').innerText()).toContain('Paste the action token');
    await page.fill('#action-token', TOKEN);
    await row.locator('button.replay').click();
    await expect.poll(() => row.locator('.replay-status').innerText()).toMatch(/^Replayed as job [0-9a-f-]{36}$/);
    const newJobId = (await row.locator('.replay-status').innerText()).replace('Replayed as job ', '');
    expect(await row.locator('button.replay').isDisabled()).toBe(true);
    expect(await seeded.queue.list(SYNC_DEAD_LETTER_QUEUE, 10)).toEqual([]);
    expect((await seeded.queue.list(SYNC_QUEUE, 10)).map((job) => job.id)).toEqual([newJobId]);

    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
