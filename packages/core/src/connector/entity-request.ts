import { z } from 'zod';
import { soapCallSchema } from './soap-call.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The first request of a list endpoint; paginators derive every next request from it. */
export const entityRequestSchema = z.object({
  method: z.enum(['GET', 'POST']).default('GET'),
  /** Path relative to the connector's base URL, e.g. "/v1/charges". */
  path: z.string().startsWith('/'),
  query: z.record(z.string(), scalar).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** JSON body, for POST search/list endpoints. */
  body: z.unknown().optional(),
  /**
   * Set for an entity read over SOAP: the operation of the first page and its input. `path`
   * is then the SOAP endpoint's path; query and body are not used.
   */
  soap: soapCallSchema.optional(),
});
export type EntityRequest = z.input<typeof entityRequestSchema>;

/** How the response body is read. XML is turned into JSON; `arrayPaths` say which elements are lists. */
export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('json') }),
  z.object({ type: z.literal('xml'), arrayPaths: z.array(z.string()).default([]) }),
]);
export type ResponseFormat = z.input<typeof responseFormatSchema>;
