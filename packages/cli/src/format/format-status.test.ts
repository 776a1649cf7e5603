import type { Connection, SyncRun } from '@portage/persist';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from './connection-status.js';
import { formatStatus } from './format-status.js';

const connection: Connection = {
  id: '0b8e9a4c-1111-4222-8333-444455556666',
  platform: 'shop',
  tenant: 'acme',
  health: 'healthy',
  healthReason: null,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};
const succeeded: SyncRun = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  connectionId: connection.id,
  kind: 'full',
  status: 'succeeded',
  startedAt: new Date('2026-11-23T12:00:00Z'),
  finishedAt: new Date('2026-11-23T12:00:03.200Z'),
  error: null,
  entities: [
    { entity: 'customers', created: 250, updated: 0, unchanged: 0, deleted: 0, pages: 3, errors: [] },
    { entity: 'orders', created: 5000, updated: 12, unchanged: 40, deleted: 2, pages: 51, errors: [] },
  ],
};
const rejected = (n: number) => ({ code: 'VALIDATION_FAILED', action: 'fix_config', message: `VALIDATION_FAILED: the orders mapping threw on record ${n}: no total (hint)`, at: '2026-11-23T12:05:00Z' });
const failed: SyncRun = {
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  connectionId: connection.id,
  kind: 'incremental',
  status: 'failed',
  startedAt: new Date('2026-11-23T13:00:00Z'),
  finishedAt: new Date('2026-11-23T13:02:05Z'),
  error: { code: 'AUTH_INVALID', action: 'alert_customer', message: 'AUTH_INVALID: GET /orders answered 401 (ask the customer to reconnect the account)', at: '2026-11-23T13:02:05Z' },
  entities: [{ entity: 'orders', created: 1, updated: 0, unchanged: 0, deleted: 0, pages: 1, errors: [1, 2, 3, 4, 5].map(rejected) }],
};
const now = new Date('2026-11-23T14:00:00Z');

describe('formatStatus', () => {
  it('given a connection with runs, shows health, a run table and per-entity counts and errors', () => {
    const given: ConnectionStatus[] = [{ connection: { ...connection, health: 'needs_reauth', healthReason: 'credentials rejected' }, runs: [failed, succeeded] }];
    const want = [
      'connection 0b8e9a4c-1111-4222-8333-444455556666  shop  tenant acme  health: needs_reauth (credentials rejected)',
      '  RUN                                   KIND         STATUS     STARTED               FINISHED              DURATION',
      '  aaaaaaaa-0000-4000-8000-000000000002  incremental  failed     2026-11-23 13:00:00Z  2026-11-23 13:02:05Z  2m 05s',
      '      error: AUTH_INVALID (alert_customer): GET /orders answered 401 (ask the customer to reconnect the account)',
      '      ENTITY  ADDED  UPDATED  UNCHANGED  DELETED  PAGES',
      '      orders      1        0          0        0      1',
      '      error orders: VALIDATION_FAILED (fix_config): the orders mapping threw on record 1: no total (hint)',
      '      error orders: VALIDATION_FAILED (fix_config): the orders mapping threw on record 2: no total (hint)',
      '      error orders: VALIDATION_FAILED (fix_config): the orders mapping threw on record 3: no total (hint)',
      '      ... and 2 more errors for orders (see --format json)',
      '  aaaaaaaa-0000-4000-8000-000000000001  full         succeeded  2026-11-23 12:00:00Z  2026-11-23 12:00:03Z  3.2s',
      '      ENTITY     ADDED  UPDATED  UNCHANGED  DELETED  PAGES',
      '      customers    250        0          0        0      3',
      '      orders      5000       12         40        2     51',
      '',
    ].join('\n');
    expect(formatStatus(given, { color: false, now })).toBe(want);
  });

  it('given a running run, shows its duration so far; given no runs, says how to start one', () => {
    const running: SyncRun = { ...succeeded, status: 'running', finishedAt: null, startedAt: new Date('2026-11-23T13:59:30Z'), entities: [] };
    const other = { ...connection, id: '0b8e9a4c-1111-4222-8333-777777777777', tenant: 'globex' };
    const text = formatStatus([{ connection, runs: [running] }, { connection: other, runs: [] }], { color: false, now });
    expect(text).toContain('  aaaaaaaa-0000-4000-8000-000000000001  full  running  2026-11-23 13:59:30Z  -         30.0s so far\n      no pages written yet\n');
    expect(text).toContain('\n\nconnection 0b8e9a4c-1111-4222-8333-777777777777  shop  tenant globex  health: healthy\n  no runs yet: start one with `portage sync 0b8e9a4c-1111-4222-8333-777777777777`\n');
  });

  it('given no connections, says how to create one', () => {
    expect(formatStatus([], { color: false, now })).toBe('no connections yet: create one with `portage connect`\n');
  });

  it('colours status and health only when asked, keeping the columns aligned', () => {
    const plain = formatStatus([{ connection, runs: [succeeded] }], { color: false, now });
    const coloured = formatStatus([{ connection, runs: [succeeded] }], { color: true, now });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[32msucceeded\u001b[39m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });
});
