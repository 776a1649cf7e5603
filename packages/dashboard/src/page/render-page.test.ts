import { describe, expect, it } from 'vitest';
import type { PageModel } from './page-model.js';
import { renderPage } from './render-page.js';

const EVIL = '<img src=x onerror=alert(1)>';
const now = new Date('2026-11-23T12:00:00Z');
const counts = { added: 1234, updated: 5, unchanged: 6, deleted: 7 };
const run = {
  id: 'r1',
  connectionId: 'c1',
  kind: 'full',
  status: 'failed',
  startedAt: '2026-11-23T11:00:00.000Z',
  finishedAt: '2026-11-23T11:02:05.000Z',
  durationMs: 125_000,
  totals: { ...counts, pages: 3, errors: 1 },
  entities: [{ entity: EVIL, ...counts, pages: 3, errors: 1 }],
};
const connection = { id: 'c1', platform: EVIL, tenant: EVIL, health: 'needs_reauth', healthReason: EVIL, lastRun: run, lastSucceededAt: null, recentFailed: 1, recentRuns: 1 };
const advice = { title: 'Re-authenticate', detail: 'Ask the customer to reconnect the account.' };

function model(overrides: Partial<PageModel> = {}): PageModel {
  return {
    now,
    actionsEnabled: false,
    connections: [connection],
    selected: { connection, runs: [run] },
    errors: [
      {
        at: '2026-11-23T11:02:00.000Z',
        connectionId: 'c1',
        platform: EVIL,
        tenant: EVIL,
        runId: 'r1',
        entity: EVIL,
        code: 'AUTH_INVALID',
        action: 'alert_customer',
        message: EVIL,
        platformMessage: EVIL,
        platformCode: EVIL,
        status: 401,
        trackingId: EVIL,
        whatToDo: advice,
      },
    ],
    deadLetters: {
      jobs: [
        {
          id: EVIL,
          createdOn: '2026-11-23T11:03:00.000Z',
          connectionId: 'c1',
          platform: EVIL,
          tenant: EVIL,
          entity: EVIL,
          kind: 'full',
          failure: { code: 'AUTH_INVALID', action: 'alert_customer', message: EVIL, trackingId: EVIL, platformMessage: EVIL },
          whatToDo: advice,
        },
      ],
    },
    activity: { runs: 1, failed: 1, errors: 1 },
    drift: {
      state: 'ok',
      path: `/tmp/${EVIL}.json`,
      report: {
        writtenAt: '2026-11-23T10:00:00.000Z',
        breaking: true,
        failed: false,
        connectors: [{ platform: EVIL, status: 'breaking', counts: { breaking: 1, nonBreaking: 0, touching: 1, breakingTouching: 1 }, changes: [{ id: EVIL, breaking: true, operation: EVIL, location: EVIL, reason: EVIL, entities: [EVIL] }], moreChanges: 0, fixtureProblems: 0, error: EVIL }],
      },
    },
    ...overrides,
  };
}

describe('renderPage', () => {
  it('escapes every value from the store, the queue and the drift report, in every section', () => {
    const page = renderPage(model());
    expect(page).not.toContain('<img');
    // Each section shows the hostile text, escaped: connections, runs, errors, dead letters, drift.
    const escaped = '&lt;img src=x onerror=alert(1)&gt;';
    for (const id of ['connections', 'runs', 'errors', 'dead-letters', 'drift']) {
      const section = page.slice(page.indexOf(`<section id="${id}">`), page.indexOf('</section>', page.indexOf(`<section id="${id}">`)));
      expect(section, id).toContain(escaped);
    }
  });

  it('shows counts with separators, durations, health and what to do', () => {
    const page = renderPage(model());
    expect(page).toContain('<td class="num" data-field="added">1,234</td>');
    expect(page).toContain('2 min 05 s');
    expect(page).toContain('Needs re-auth');
    expect(page).toContain('<strong>Re-authenticate</strong>');
    expect(page).toContain('HTTP 401');
  });

  it('read-only: the replay button is disabled and a note says how to enable it', () => {
    const page = renderPage(model());
    expect(page).toMatch(/<button type="button" class="replay" data-replay="[^"]*" disabled /);
    expect(page).toContain('id="read-only-note"');
    expect(page).not.toContain('id="action-token"');
  });

  it('with actions: the button is enabled and the page asks for the token', () => {
    const page = renderPage(model({ actionsEnabled: true }));
    expect(page).not.toMatch(/data-replay="[^"]*" disabled/);
    expect(page).toContain('id="action-token"');
  });

  it('says so when there is no drift report, no error, no dead letter and no connection', () => {
    const page = renderPage(model({ connections: [], selected: null, errors: [], deadLetters: { jobs: [] }, drift: { state: 'none', path: null } }));
    expect(page).toContain('No connections yet');
    expect(page).toContain('No errors in the latest runs.');
    expect(page).toContain('The dead-letter queue is empty.');
    expect(page).toContain('No drift report yet');
  });
});
