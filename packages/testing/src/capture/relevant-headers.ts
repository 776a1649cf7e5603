import type { FixtureRedactor } from '../redact/fixture-redactor.js';

/**
 * Which headers a fixture keeps beyond the defaults. `keep` wins over the built-in drop list
 * (e.g. keep `request-id` to test tracking ids), `drop` adds to it.
 *
 * @example { keep: ['request-id'], drop: ['x-stripe-client-user-agent'] }
 */
export interface HeaderPolicy {
  keep?: readonly string[];
  drop?: readonly string[];
}

// Hop-by-hop headers belong to one connection, not to the exchange (RFC 9110 7.6.1).
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

// Set by the HTTP library or different on every call: keeping them would make fixtures
// churn on every re-record without telling a test anything.
const VOLATILE_REQUEST = ['host', 'content-length', 'accept-encoding', 'user-agent', 'date', 'expect', 'via', 'traceparent', 'tracestate'];
const VOLATILE_RESPONSE = [
  'date',
  'age',
  'expires',
  'etag',
  'last-modified',
  'server',
  'via',
  // Bodies are stored decoded and re-serialised on replay: length and encoding are recomputed.
  'content-length',
  'content-encoding',
  'alt-svc',
  'nel',
  'report-to',
  'strict-transport-security',
  'cf-ray',
  'cf-cache-status',
  'x-cache',
  'x-cache-hits',
  'x-served-by',
  'x-timer',
  'x-runtime',
  'x-envoy-upstream-service-time',
  'request-id',
  'x-request-id',
  'x-amzn-requestid',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-github-request-id',
  'x-correlation-id',
  'traceparent',
];

// Code-unit order, not localeCompare: the same bytes on every machine and locale.
function byLowerCase(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Headers worth keeping, names lower-cased and sorted, values redacted.
 *
 * @example relevantHeaders({ Date: 'Tue, ...', Accept: 'application/json' }, 'request', redactor) // { accept: 'application/json' }
 */
export function relevantHeaders(
  headers: Readonly<Record<string, string>>,
  side: 'request' | 'response',
  redactor: FixtureRedactor,
  policy: HeaderPolicy = {},
): Record<string, string> {
  const keep = new Set((policy.keep ?? []).map((n) => n.toLowerCase()));
  const drop = new Set([...HOP_BY_HOP, ...(side === 'request' ? VOLATILE_REQUEST : VOLATILE_RESPONSE), ...(policy.drop ?? [])].map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers).sort(byLowerCase)) {
    const lower = name.toLowerCase();
    if (drop.has(lower) && !keep.has(lower)) continue;
    out[lower] = redactor.header(lower, headers[name] ?? '');
  }
  return out;
}
