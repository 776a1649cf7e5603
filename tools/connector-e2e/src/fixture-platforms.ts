import { randomBytes } from 'node:crypto';
import { ebay } from '@portage/connector-ebay';
import { square } from '@portage/connector-square';
import { stripe } from '@portage/connector-stripe';
import { xero } from '@portage/connector-xero';
import type { Connector, Credentials } from '@portage/core';
import type { SpecHandlers } from '@portage/spec-server';
import { ebayHandlers } from './platforms/ebay/server.js';
import { LOCATION_MAIN, LOCATION_POPUP } from './platforms/square/records.js';
import { squareHandlers, squareState } from './platforms/square/server.js';
import { stripeHandlers, stripeServed } from './platforms/stripe/server.js';
import { xeroHandlers, xeroState } from './platforms/xero/server.js';

/** One recorded scenario: a full sync of `entity`, with a page size small enough to span several pages. */
export interface FixtureScenario {
  entity: string;
  pageSize?: number;
}

/**
 * What the fixtures of one connector are recorded from: the fake platform the integration tests
 * use (spec server handlers), the connection's tenant, and the scenarios. The connector's
 * `connector.fixtures.test.ts` replays each scenario with the same entity, page size and tenant.
 */
export interface FixturePlatform {
  /** The folder under specs/ and under connectors/. */
  platform: string;
  connector: Connector;
  tenant?: string;
  scenarios: Record<string, FixtureScenario>;
  /** Fresh handlers over fresh data, answering as the platform itself would (links on its real origin). */
  handlers(): SpecHandlers;
  /** Credentials the fake accepts: made at run time, so none is ever in a source file. */
  credentials(): Credentials;
  /** Field names that look secret to the redactor but are plain data on this platform. */
  keepNames?: readonly string[];
}

// Recorded answers should not change from one recording to the next unless the data does.
const RECORDING_CLOCK = () => new Date('2024-06-05T00:00:00.000Z');

const made = (bytes: number) => randomBytes(bytes).toString('base64url');
const oauth2 = (): Credentials => ({ type: 'oauth2', clientId: 'portage-fixtures', clientSecret: made(16), refreshToken: made(24), accessToken: made(24), expiresAt: Date.now() + 3600_000 });

/** The four connectors whose fixtures are recorded from their integration tests' fake platforms. */
export const FIXTURE_PLATFORMS: readonly FixturePlatform[] = [
  {
    platform: 'stripe',
    connector: stripe,
    scenarios: Object.fromEntries(['charges', 'customers', 'invoices', 'prices', 'products'].map((entity) => [entity, { entity, pageSize: 2 }])),
    handlers: () => stripeHandlers(stripeServed()),
    credentials: () => ({ type: 'bearer', token: ['sk', 'test', made(18)].join('_') }),
    // A price's lookup key is the merchant's own label for it (mapped to the Variant's SKU).
    keepNames: ['lookup_key'],
  },
  {
    platform: 'square',
    connector: square,
    tenant: `${LOCATION_MAIN},${LOCATION_POPUP}`,
    scenarios: { orders: { entity: 'orders', pageSize: 2 }, catalog: { entity: 'catalog' }, customers: { entity: 'customers', pageSize: 2 } },
    handlers: () => squareHandlers(squareState()),
    credentials: oauth2,
  },
  {
    platform: 'xero',
    connector: xero,
    tenant: '4f1c2b7e-9d3a-4c8e-b6f0-2a7d9e1c5b38',
    scenarios: Object.fromEntries(['accounts', 'contacts', 'invoices', 'payments'].map((entity) => [entity, { entity }])),
    handlers: () => {
      let answers = 0;
      return xeroHandlers(xeroState(), { now: RECORDING_CLOCK, responseId: () => `00000000-0000-4000-8000-${(++answers).toString(16).padStart(12, '0')}` });
    },
    credentials: oauth2,
  },
  {
    platform: 'ebay',
    connector: ebay,
    scenarios: { order: { entity: 'order', pageSize: 3 } },
    handlers: () => ebayHandlers({ origin: new URL(ebay.baseUrl).origin }),
    credentials: oauth2,
  },
];
