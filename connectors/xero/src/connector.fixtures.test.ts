import { describeConnectorContract } from '@portage/testing/vitest';
import { xero } from './connector.js';

// Replays fixtures/*.json offline (see fixtures/README.md for how they were recorded): each a
// full sync into Postgres, compared with fixtures/snapshots/, and checked against the pinned spec.
// Xero's own page size (100) applies: invoices, contacts and payments span several pages.
describeConnectorContract({
  connector: xero,
  fixtures: new URL('../fixtures/', import.meta.url),
  spec: new URL('../../../specs/xero/spec.lock.json', import.meta.url),
});
