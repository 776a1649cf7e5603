import { z } from 'zod';

/**
 * Where a request value (page token, offset, page number, filter) is placed. `body` names a
 * dot path inside a JSON request body (POST search endpoints).
 */
export const paramPlacementSchema = z.object({
  in: z.enum(['query', 'header', 'body']),
  name: z.string().min(1),
});
export type ParamPlacement = z.infer<typeof paramPlacementSchema>;

/** Extra stop signals read from the response body; every paginator also stops on an empty page. */
export const pageStopSchema = z.object({
  /** Boolean saying more pages exist, e.g. Stripe's `has_more`. */
  hasMorePath: z.string().min(1).optional(),
  /** Total number of records across all pages. */
  totalPath: z.string().min(1).optional(),
  /** Total number of pages (page-number pagination). */
  totalPagesPath: z.string().min(1).optional(),
});
export type PageStop = z.infer<typeof pageStopSchema>;

const none = z.object({ type: z.literal('none') });

/** Offset/limit: the next offset is the current one plus the records received. */
const offset = z.object({
  type: z.literal('offset'),
  offset: paramPlacementSchema,
  limit: paramPlacementSchema,
  pageSize: z.number().int().positive(),
  startOffset: z.number().int().nonnegative().optional(),
  stop: pageStopSchema.optional(),
});

/** Page number (1-based unless `firstPage` says otherwise). */
const page = z.object({
  type: z.literal('page'),
  page: paramPlacementSchema,
  size: paramPlacementSchema.optional(),
  pageSize: z.number().int().positive().optional(),
  firstPage: z.number().int().nonnegative().optional(),
  stop: pageStopSchema.optional(),
});

/** Opaque cursor read from the response body, sent back in query, header or body. */
const cursor = z.object({
  type: z.literal('cursor'),
  cursorPath: z.string().min(1),
  token: paramPlacementSchema,
  stop: pageStopSchema.optional(),
});

/** "Last id" cursor: the id of the last record is the token (Stripe `starting_after` + `has_more`). */
const lastId = z.object({
  type: z.literal('last_id'),
  idPath: z.string().min(1),
  token: paramPlacementSchema,
  stop: pageStopSchema.optional(),
});

/** RFC 8288 `Link` header with a `rel` (default "next"). */
const linkHeader = z.object({
  type: z.literal('link_header'),
  rel: z.string().min(1).optional(),
});

/** The next page's URL is in the body (absolute, or relative to the URL of the request that got the page). */
const nextUrl = z.object({
  type: z.literal('next_url'),
  nextUrlPath: z.string().min(1),
  stop: pageStopSchema.optional(),
});

/**
 * SOAP continuation (entities whose request has a `soap` call): the first page comes from the
 * entity's operation, every later page from `operation`, whose input is read from the page
 * before. Covers "search then searchMoreWithId(searchId, pageIndex)" (page numbers counted up
 * to `totalPagesPath`) and "query then queryMore(queryLocator)" (until `donePath` is true).
 * Paths are dot paths into an operation's result (the JSON of its output message).
 *
 * @example { type: 'soap_continuation', operation: 'queryMore', input: { queryLocator: 'result.queryLocator' }, donePath: 'result.done' }
 */
const soapContinuation = z.object({
  type: z.literal('soap_continuation'),
  /** The operation that reads every page after the first, e.g. "searchMoreWithId". */
  operation: z.string().min(1),
  /** Input of that operation: each field takes the value found at a dot path of the previous page's result. */
  input: z.record(z.string(), z.string().min(1)).default({}),
  /**
   * A page number the next call carries: `param` gets the number of the page just read (read
   * at `path`, else counted from 1) plus one; the read ends when it reaches `totalPagesPath`.
   */
  pageNumber: z
    .object({
      param: z.string().min(1),
      path: z.string().min(1).optional(),
      totalPagesPath: z.string().min(1),
    })
    .optional(),
  /** Boolean that is true on the last page (e.g. "result.done"). */
  donePath: z.string().min(1).optional(),
  /** Records in a continuation page's result, when not at the entity's `recordsPath`. */
  recordsPath: z.string().optional(),
  /**
   * Status reported inside a successful answer: a page whose value at `successPath` is not true
   * fails with the code and message found beside it, instead of reading as an empty page.
   */
  status: z
    .object({
      successPath: z.string().min(1),
      codePath: z.string().min(1).optional(),
      messagePath: z.string().min(1).optional(),
    })
    .optional(),
});

export const paginationSchema = z.discriminatedUnion('type', [none, offset, page, cursor, lastId, linkHeader, nextUrl, soapContinuation]);

/**
 * Pagination config: a discriminated union on `type`, plain data.
 *
 * @example { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } }
 */
export type PaginationConfig = z.infer<typeof paginationSchema>;
export type PaginationType = PaginationConfig['type'];

/** Pagination types run by the SOAP client rather than the HTTP paginators. */
export const SOAP_PAGINATION_TYPES = ['soap_continuation'] as const;
export type SoapPaginationType = (typeof SOAP_PAGINATION_TYPES)[number];
/** The pagination config of a SOAP entity. */
export type SoapPaginationConfig = Extract<PaginationConfig, { type: SoapPaginationType }>;
