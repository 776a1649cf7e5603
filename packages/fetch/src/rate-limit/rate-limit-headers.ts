import type { ResponseHeaders } from '../http/request-spec.js';
import type { WindowBudget } from './sliding-window.js';

/** What a response says about the caller's quota; a field is absent when no header gave it. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Epoch ms at which the current window resets. */
  resetAt?: number;
  /** The header `resetAt` came from, for messages. */
  resetHeader?: string;
  /** Quotas whose window length is advertised (`ratelimit-policy: 100;w=60`), for adoption. */
  policies: WindowBudget[];
}

// First valid header wins, vendor spellings before the IETF draft's, as the retry rules expect.
const LIMIT_HEADERS = ['x-ratelimit-limit', 'x-rate-limit-limit', 'ratelimit-limit'];
const REMAINING_HEADERS = ['x-ratelimit-remaining', 'x-rate-limit-remaining', 'ratelimit-remaining'];
const RESET_HEADERS: ReadonlyArray<readonly [name: string, meaning: 'vendor' | 'delta']> = [
  ['x-ratelimit-reset', 'vendor'],
  ['x-rate-limit-reset', 'vendor'],
  ['ratelimit-reset', 'delta'],
];
const POLICY_HEADERS = ['ratelimit-policy', ...LIMIT_HEADERS];

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const EPOCH_SECONDS = 1e9;
// Seconds this large would be ~30,000 years from now: such a value can only be epoch ms.
const EPOCH_MILLISECONDS = 1e12;

/**
 * Reads the vendor (`x-ratelimit-*`, `x-rate-limit-*`) and IETF draft (`ratelimit-*`) quota
 * headers. Vendors disagree on `x-ratelimit-reset`: GitHub sends epoch seconds, most others
 * seconds from now, so a value over 1e9 is taken as an epoch (no window lasts 31 years).
 *
 * @example
 * parseRateLimitHeaders({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000060' }, 1_700_000_000_000)
 * // { remaining: 0, resetAt: 1_700_000_060_000, resetHeader: 'x-ratelimit-reset', policies: [] }
 */
export function parseRateLimitHeaders(headers: ResponseHeaders, now: number): RateLimitInfo {
  const info: RateLimitInfo = { policies: [] };
  const limit = firstOf(LIMIT_HEADERS, headers, leadingInteger);
  if (limit !== undefined) info.limit = limit;
  const remaining = firstOf(REMAINING_HEADERS, headers, leadingInteger);
  if (remaining !== undefined) info.remaining = remaining;
  for (const [name, meaning] of RESET_HEADERS) {
    const value = headers[name];
    const resetAt = value === undefined ? undefined : parseReset(value, meaning, now);
    if (resetAt === undefined) continue;
    info.resetAt = resetAt;
    info.resetHeader = name;
    break;
  }
  for (const name of POLICY_HEADERS) {
    const value = headers[name];
    const policies = value === undefined ? [] : parsePolicies(value);
    if (policies.length === 0) continue;
    info.policies = policies;
    break;
  }
  return info;
}

function firstOf(names: readonly string[], headers: ResponseHeaders, parse: (value: string) => number | undefined): number | undefined {
  for (const name of names) {
    const value = headers[name];
    const parsed = value === undefined ? undefined : parse(value);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

/** "100" and the draft's "100, 100;w=60" both mean 100. */
function leadingInteger(value: string): number | undefined {
  const head = value.split(',')[0]?.split(';')[0]?.trim() ?? '';
  return INTEGER.test(head) ? Number(head) : undefined;
}

function parseReset(value: string, meaning: 'vendor' | 'delta', now: number): number | undefined {
  const text = value.trim();
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  if (meaning === 'vendor' && n > EPOCH_MILLISECONDS) return Math.ceil(n);
  if (meaning === 'vendor' && n > EPOCH_SECONDS) return Math.ceil(n * 1000);
  return now + Math.ceil(n * 1000);
}

/** Draft policy items: `100;w=60` (drafts 03-07) or `"default";q=100;w=60` (draft 08 on). */
function parsePolicies(value: string): WindowBudget[] {
  const policies: WindowBudget[] = [];
  for (const item of value.split(',')) {
    const [head = '', ...params] = item.split(';').map((part) => part.trim());
    let quota = INTEGER.test(head) ? Number(head) : undefined;
    let windowSeconds: number | undefined;
    for (const param of params) {
      const [key, raw = ''] = param.split('=').map((part) => part.trim());
      if (key === 'q' && INTEGER.test(raw)) quota = Number(raw);
      if (key === 'w' && INTEGER.test(raw)) windowSeconds = Number(raw);
    }
    if (quota && windowSeconds) policies.push({ requests: quota, intervalMs: windowSeconds * 1000 });
  }
  return policies;
}
