import { describeConnectorContract } from '@portage/testing/vitest';
import { ebay } from './connector.js';

// Replays fixtures/*.json offline (see fixtures/README.md for how they were recorded): a full
// sync into Postgres, compared with fixtures/snapshots/, and checked against the pinned spec.
// Page size 3, as recorded: the later pages are followed through eBay's `next` links.
describeConnectorContract({
  connector: ebay,
  fixtures: new URL('../fixtures/', import.meta.url),
  spec: new URL('../../../specs/ebay/spec.lock.json', import.meta.url),
  scenarios: { order: { pageSize: 3 } },
});
