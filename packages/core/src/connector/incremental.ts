import { z } from 'zod';

/**
 * How an entity asks for "records modified since T": a query parameter, a request header
 * (`If-Modified-Since`) or a field of a JSON search body.
 *
 * @example { in: 'query', name: 'updated_at[gte]', format: 'unix' }
 */
export const incrementalSchema = z.object({
  in: z.enum(['query', 'header', 'body']),
  name: z.string().min(1),
  format: z.enum(['iso8601', 'unix', 'unix_ms', 'date', 'http_date']).default('iso8601'),
  /**
   * The whole value, with `{since}` where the formatted instant goes, for platforms that take
   * the filter inside a larger expression. It replaces any value the request already has.
   *
   * @example 'lastmodifieddate:[{since}..]' // eBay's `filter` query parameter
   */
  template: z
    .string()
    .refine((text) => text.includes('{since}'), 'the template needs a {since} placeholder, e.g. "lastmodifieddate:[{since}..]"')
    .optional(),
});
export type IncrementalFilter = z.input<typeof incrementalSchema>;
export type IncrementalFormat = z.infer<typeof incrementalSchema>['format'];

/** Formats a modified-since instant the way the platform expects it. */
export function formatSince(since: Date, format: IncrementalFormat = 'iso8601'): string {
  switch (format) {
    case 'iso8601':
      return since.toISOString();
    case 'unix':
      return String(Math.floor(since.getTime() / 1000));
    case 'unix_ms':
      return String(since.getTime());
    case 'date':
      return since.toISOString().slice(0, 10);
    case 'http_date':
      return since.toUTCString();
  }
}
