import { formatSince, type IncrementalFilter } from '@portage/core';
import { placeTokens } from '../pagination/index.js';
import type { RequestSpec } from './request-spec.js';

/**
 * Adds the entity's modified-since filter to its first request.
 *
 * @example applyIncremental(spec, { in: 'header', name: 'If-Modified-Since', format: 'http_date' }, since)
 * @example applyIncremental(spec, { in: 'query', name: 'filter', template: 'lastmodifieddate:[{since}..]' }, since)
 */
export function applyIncremental(spec: RequestSpec, filter: IncrementalFilter, since: Date): RequestSpec {
  const formatted = formatSince(since, filter.format ?? (filter.in === 'header' ? 'http_date' : 'iso8601'));
  const value = filter.template === undefined ? formatted : filter.template.replaceAll('{since}', formatted);
  const asNumber = filter.in === 'body' && /^\d+$/.test(value) ? Number(value) : value;
  return placeTokens(spec, [{ kind: 'param', placement: { in: filter.in, name: filter.name }, value: asNumber }]);
}
