import { describeConnectorContract } from '@portage/testing/vitest';
import { square } from './connector.js';

// Replays fixtures/*.json offline (see fixtures/README.md for how they were recorded): each a
// full sync into Postgres, compared with fixtures/snapshots/, and checked against the pinned spec.
describeConnectorContract({
  connector: square,
  fixtures: new URL('../fixtures/', import.meta.url),
  spec: new URL('../../../specs/square/spec.lock.json', import.meta.url),
  // The recorded connection's two locations: SearchOrders sends them in its body.
  tenant: 'L8ZQ3Y9WJ2K1P,LT4N6B1XV0M7R',
  scenarios: { orders: { pageSize: 2 }, customers: { pageSize: 2 } },
});
