import { describe, it, expect } from 'vitest';
import type { ResponseHeaders } from '../http/request-spec.js';
import { parseRateLimitHeaders, type RateLimitInfo } from './rate-limit-headers.js';

const NOW = Date.UTC(2024, 0, 1);
const epochSeconds = (offsetSeconds: number): string => String(NOW / 1000 + offsetSeconds);

describe('parseRateLimitHeaders', () => {
  it.each<{ name: string; given: ResponseHeaders; want: RateLimitInfo }>([
    { name: 'no headers', given: {}, want: { policies: [] } },
    {
      name: 'GitHub',
      given: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': epochSeconds(3_600) },
      want: { limit: 5_000, remaining: 4_999, resetAt: NOW + 3_600_000, resetHeader: 'x-ratelimit-reset', policies: [] },
    },
    {
      name: 'x-ratelimit-reset in seconds from now',
      given: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' },
      want: { remaining: 0, resetAt: NOW + 42_000, resetHeader: 'x-ratelimit-reset', policies: [] },
    },
    {
      name: 'X/Twitter spelling',
      given: { 'x-rate-limit-limit': '15', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': epochSeconds(900) },
      want: { limit: 15, remaining: 0, resetAt: NOW + 900_000, resetHeader: 'x-rate-limit-reset', policies: [] },
    },
    {
      name: 'IETF draft with a policy',
      given: { 'ratelimit-limit': '100', 'ratelimit-remaining': '50', 'ratelimit-reset': '30', 'ratelimit-policy': '100;w=60' },
      want: {
        limit: 100,
        remaining: 50,
        resetAt: NOW + 30_000,
        resetHeader: 'ratelimit-reset',
        policies: [{ requests: 100, intervalMs: 60_000 }],
      },
    },
    {
      name: 'several policies',
      given: { 'ratelimit-policy': '10;w=1, 1000;w=3600' },
      want: { policies: [{ requests: 10, intervalMs: 1_000 }, { requests: 1_000, intervalMs: 3_600_000 }] },
    },
    {
      name: 'draft 08 named policy',
      given: { 'ratelimit-policy': '"default";q=100;w=60' },
      want: { policies: [{ requests: 100, intervalMs: 60_000 }] },
    },
    {
      name: 'policies inside the limit header (early drafts)',
      given: { 'ratelimit-limit': '10, 10;w=1, 50;w=60' },
      want: { limit: 10, policies: [{ requests: 10, intervalMs: 1_000 }, { requests: 50, intervalMs: 60_000 }] },
    },
    {
      name: 'a policy without a window is no policy',
      given: { 'ratelimit-policy': '100', 'x-ratelimit-limit': '100' },
      want: { limit: 100, policies: [] },
    },
    {
      name: 'vendor headers win over the draft',
      given: { 'x-ratelimit-remaining': '7', 'ratelimit-remaining': '9', 'x-ratelimit-reset': '5', 'ratelimit-reset': '6' },
      want: { remaining: 7, resetAt: NOW + 5_000, resetHeader: 'x-ratelimit-reset', policies: [] },
    },
    {
      name: 'invalid values are skipped',
      given: { 'x-ratelimit-remaining': 'none', 'ratelimit-remaining': '3', 'x-ratelimit-reset': 'later', 'ratelimit-limit': '-1' },
      want: { remaining: 3, policies: [] },
    },
  ])('$name', ({ given, want }) => {
    expect(parseRateLimitHeaders(given, NOW)).toEqual(want);
  });
});
