import { describeConnectorContract } from '@portage/testing/vitest';
import { stripe } from './connector.js';

// Replays fixtures/*.json offline (see fixtures/README.md for how they were recorded): each a
// full sync into Postgres, compared with fixtures/snapshots/, and checked against the pinned spec.
// Page size 2, as recorded, so every list spans several pages.
describeConnectorContract({
  connector: stripe,
  fixtures: new URL('../fixtures/', import.meta.url),
  spec: new URL('../../../specs/stripe/spec.lock.json', import.meta.url),
  scenarios: Object.fromEntries(['charges', 'customers', 'invoices', 'prices', 'products'].map((entity) => [entity, { pageSize: 2 }])),
});
