import { describe, expect, it } from 'vitest';
import { readModifiedSince } from './modified-since.js';

const url = (query: string) => new URL(`http://127.0.0.1/offset/records${query}`);

describe('readModifiedSince', () => {
  it.each([
    { name: 'nothing', query: '', header: undefined, want: { since: undefined } },
    { name: 'ISO with zone', query: '?updated_since=2026-03-01T10:00:00%2B02:00', header: undefined, want: { since: '2026-03-01T08:00:00.000Z' } },
    { name: 'HTTP-date header', query: '', header: 'Sun, 01 Mar 2026 08:00:00 GMT', want: { since: '2026-03-01T08:00:00.000Z' } },
    { name: 'both: the later wins', query: '?updated_since=2026-03-02T00:00:00Z', header: 'Sun, 01 Mar 2026 08:00:00 GMT', want: { since: '2026-03-02T00:00:00.000Z' } },
    { name: 'both: the later wins, header later', query: '?updated_since=2026-02-01T00:00:00Z', header: 'Sun, 01 Mar 2026 08:00:00 GMT', want: { since: '2026-03-01T08:00:00.000Z' } },
    { name: 'bad header ignored', query: '', header: 'whenever', want: { since: undefined } },
  ])('$name', ({ query, header, want }) => {
    expect(readModifiedSince(url(query), header)).toEqual(want);
  });

  it('refuses a malformed parameter, or a year string comparison cannot handle', () => {
    expect(readModifiedSince(url('?updated_since=later'), undefined)).toHaveProperty('error');
    expect(readModifiedSince(url('?updated_since=%2B010000-01-01T00:00:00Z'), undefined)).toHaveProperty('error');
  });

  it('reads another parameter name', () => {
    expect(readModifiedSince(url('?since=2026-03-01T00:00:00Z'), undefined, 'since')).toEqual({ since: '2026-03-01T00:00:00.000Z' });
  });
});
