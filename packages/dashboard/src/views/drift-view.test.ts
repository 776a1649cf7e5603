import { describe, expect, it } from 'vitest';
import { MAX_CHANGES, toDriftView } from './drift-view.js';

const writtenAt = new Date('2026-11-23T10:00:00Z');
const change = (n: number, breaking: boolean) => ({
  change: { id: breaking ? 'response-field-removed' : 'response-field-added', severity: breaking ? 'breaking' : 'non-breaking', side: 'response', operation: 'GET /v1/orders', location: `data[].f${n}`, reason: `field f${n} changed` },
  breaking,
  uses: [{ entity: 'orders', via: 'mapping', detail: 'reads it' }, { entity: 'orders', via: 'records', detail: 'reads it' }],
});

describe('toDriftView', () => {
  it('reads what the page shows of a version 1 report: per connector status, counts and the changes that touch it', () => {
    const report = {
      impactReportVersion: 1,
      breaking: true,
      failed: true,
      connectors: [
        { platform: 'acme', status: 'breaking', counts: { breaking: 2, nonBreaking: 11, touching: 10, breakingTouching: 1 }, touching: [change(0, true), ...Array.from({ length: 9 }, (_, n) => change(n + 1, false))], fixtureProblems: ['x'] },
        { platform: 'globex', status: 'error', error: { code: 'NOT_FOUND', message: 'spec lock missing' } },
      ],
    };
    const view = toDriftView(report, writtenAt);
    if ('problem' in view) throw new Error(view.problem);
    expect(view).toMatchObject({ writtenAt: '2026-11-23T10:00:00.000Z', breaking: true, failed: true });
    const [acme, globex] = view.connectors;
    expect(acme).toMatchObject({ platform: 'acme', status: 'breaking', counts: { breaking: 2, touching: 10 }, moreChanges: 10 - MAX_CHANGES, fixtureProblems: 1, error: null });
    expect(acme!.changes).toHaveLength(MAX_CHANGES);
    expect(acme!.changes[0]).toEqual({ id: 'response-field-removed', breaking: true, operation: 'GET /v1/orders', location: 'data[].f0', reason: 'field f0 changed', entities: ['orders'] });
    expect(globex).toMatchObject({ status: 'error', counts: null, changes: [], error: 'NOT_FOUND: spec lock missing' });
  });

  it('says why a file is not a report it reads', () => {
    expect(toDriftView({ impactReportVersion: 2, connectors: [] }, writtenAt)).toHaveProperty('problem');
    expect(toDriftView([1, 2], writtenAt)).toHaveProperty('problem');
    expect(toDriftView(null, writtenAt)).toHaveProperty('problem');
  });
});
