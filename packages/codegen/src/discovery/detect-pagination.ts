import type { PageStop, PaginationConfig } from '@portage/core';
import type { ReportPaginationType, SpecRefs } from '../model.js';
import { normalize, words } from './names.js';
import type { OperationView } from './operation-view.js';
import { isNumeric, isObjectView, isStringLike, viewSchema, type SchemaView } from './schema-view.js';

/** The pagination a list endpoint needs, as the fetch client's config plus the report's view of it. */
export interface PaginationMatch {
  config: PaginationConfig;
  /** The request input carrying the token, offset or page number. */
  param?: string;
  /** The stable report's type: `last_id` reports as `cursor`, offset + next href as `offset`. */
  reportType: ReportPaginationType;
  /** 0..1: how strong the evidence is (a request input and a response field that pair up = 1). */
  strength: number;
  evidence: string[];
  /** The page-size input and the default to send. */
  pageSize?: { in: 'query' | 'body'; name: string; value: number; max?: number };
}

/** A request input the paginator could write: a query parameter or a top-level body field. */
interface Input {
  in: 'query' | 'body';
  name: string;
  schema: SchemaView;
}

/** A response body field, top level or one object down (`meta.next_cursor`). */
interface Field {
  path: string;
  name: string;
  schema: SchemaView;
}

/** Size of a first page when the spec gives no maximum, and the cap on one it gives. */
export const DEFAULT_PAGE_SIZE = 100;

const SIZE_NAMES = ['limit', 'per_page', 'page_size', 'pageSize', 'max_results', 'count', 'size', '$top'];
const OFFSET_NAMES = ['offset', 'skip', 'start_index'];
const PAGE_NAMES = ['page', 'page_number', 'page_no', 'page_index'];
/** A cursor input or field, once a leading `next` is dropped (`nextPageToken` -> `pagetoken`). */
const CURSOR_KEYS = new Set(['cursor', 'pagetoken', 'token', 'continuation', 'continuationtoken', 'pagecursor']);
const NEXT_URL_KEYS = new Set(['next', 'nextlink', 'odatanextlink', 'nexturl', 'nextpageurl', 'nextpagelink', 'nexthref']);
const HAS_MORE_KEYS = ['has_more', 'hasMore', 'has_next_page', 'more'];
const TOTAL_KEYS = ['total', 'total_count', 'total_results', 'total_items', 'total_records'];
const TOTAL_PAGES_KEYS = ['total_pages', 'page_count', 'pages', 'num_pages'];

function requestInputs(refs: SpecRefs, operation: OperationView): Input[] {
  const query: Input[] = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => ({ in: 'query', name: parameter.name, schema: parameter.schema }));
  if (operation.method === 'GET' || operation.requestBody === undefined) return query;
  const body: Input[] = [...operation.requestBody.properties].map(([name, node]) => ({ in: 'body', name, schema: viewSchema(refs, node) }));
  return [...body, ...query];
}

function responseFields(refs: SpecRefs, body: SchemaView): Field[] {
  const fields: Field[] = [];
  for (const [name, node] of body.properties) {
    const schema = viewSchema(refs, node);
    fields.push({ path: name, name, schema });
    if (!isObjectView(schema)) continue;
    for (const [innerName, innerNode] of schema.properties) {
      fields.push({ path: `${name}.${innerName}`, name: innerName, schema: viewSchema(refs, innerNode) });
    }
  }
  return fields;
}

const byName = <T extends { name: string }>(items: T[], names: readonly string[]) => {
  for (const name of names) {
    const found = items.find((item) => normalize(item.name) === normalize(name));
    if (found !== undefined) return found;
  }
  return undefined;
};

/** The normalized name without a leading `next` word. */
const withoutNext = (name: string) => {
  const parts = words(name);
  return (parts[0] === 'next' ? parts.slice(1) : parts).join('');
};

/** Which stop signals a strategy can use: every one has has-more; totals need counting. */
type StopKinds = { total?: boolean; totalPages?: boolean };

function stopSignals(fields: Field[], kinds: StopKinds = {}): { stop?: PageStop; evidence: string[] } {
  const stop: PageStop = {};
  const evidence: string[] = [];
  const hasMore = byName(fields.filter((field) => field.schema.types.has('boolean')), HAS_MORE_KEYS);
  if (hasMore) {
    stop.hasMorePath = hasMore.path;
    evidence.push(`response boolean \`${hasMore.path}\` says more pages exist`);
  }
  const numeric = fields.filter((field) => isNumeric(field.schema));
  const total = kinds.total ? byName(numeric, TOTAL_KEYS) : undefined;
  if (total) {
    stop.totalPath = total.path;
    evidence.push(`response number \`${total.path}\` gives the total`);
  }
  const totalPages = kinds.totalPages ? byName(numeric, TOTAL_PAGES_KEYS) : undefined;
  if (totalPages) {
    stop.totalPagesPath = totalPages.path;
    evidence.push(`response number \`${totalPages.path}\` gives the page count`);
  }
  return Object.keys(stop).length > 0 ? { stop, evidence } : { evidence };
}

function pageSizeOf(inputs: Input[]): PaginationMatch['pageSize'] {
  const size = byName(
    inputs.filter((input) => !input.schema.types.has('boolean')),
    SIZE_NAMES,
  );
  if (size === undefined) return undefined;
  const maximum = size.schema.maximum;
  const value = maximum !== undefined && maximum >= 1 ? Math.min(Math.floor(maximum), DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return { in: size.in, name: size.name, value, ...(maximum !== undefined && maximum >= 1 ? { max: Math.floor(maximum) } : {}) };
}

const sizeEvidence = (size: PaginationMatch['pageSize']) =>
  size === undefined ? [] : [`${size.in} \`${size.name}\` sets the page size (first request sends ${size.value})`];

/** Cursor pairs: a response field like `next_cursor` and a request input like `cursor`. */
function findCursor(inputs: Input[], fields: Field[]): { field: Field; input: Input; exact: boolean } | undefined {
  const tokenFields = fields.filter((field) => isStringLike(field.schema) && !isNumeric(field.schema) && !isObjectView(field.schema));
  const tokenInputs = inputs.filter((input) => isStringLike(input.schema) && !isNumeric(input.schema));
  let fallback: { field: Field; input: Input; exact: boolean } | undefined;
  for (const field of tokenFields) {
    const fieldKey = withoutNext(field.name);
    // `next_page` (a string) + a string `page` input is a page token (Stripe search); a
    // numeric `page` is a page number and stays with page pagination.
    const isCursorField = CURSOR_KEYS.has(fieldKey) || (fieldKey === 'page' && words(field.name)[0] === 'next');
    if (!isCursorField) continue;
    for (const input of tokenInputs) {
      const inputKey = normalize(input.name);
      if (inputKey === fieldKey || inputKey === normalize(field.name)) return { field, input, exact: true };
      if (CURSOR_KEYS.has(inputKey) && fieldKey !== 'page') fallback ??= { field, input, exact: false };
    }
  }
  return fallback;
}

function findNextUrl(refs: SpecRefs, fields: Field[]): { path: string; strong: boolean } | undefined {
  for (const field of fields) {
    if (!NEXT_URL_KEYS.has(normalize(field.name))) continue;
    if (isObjectView(field.schema) && field.schema.properties.has('href')) {
      const href = viewSchema(refs, field.schema.properties.get('href'));
      if (isStringLike(href)) return { path: `${field.path}.href`, strong: true };
    }
    if (!isStringLike(field.schema) || isNumeric(field.schema) || field.schema.types.has('boolean') || isObjectView(field.schema)) continue;
    const strong = field.schema.format === 'uri' || field.schema.format === 'url' || normalize(field.name) !== 'next';
    return { path: field.path, strong };
  }
  return undefined;
}

/**
 * Detects the pagination a list endpoint needs, strongest signal first: Stripe-style
 * `starting_after` (+ `has_more`), a cursor field paired with a cursor input, a declared
 * `Link` header, a next-page URL in the body (with `offset`, reported as offset), offset +
 * page size, page number. `none` when nothing paginates.
 *
 * @example detectPagination(refs, operation, body, 'id').config
 * // { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } }
 */
export function detectPagination(refs: SpecRefs, operation: OperationView, body: SchemaView, primaryKey: string | null): PaginationMatch {
  const inputs = requestInputs(refs, operation);
  const fields = responseFields(refs, body);
  const pageSize = pageSizeOf(inputs);
  const withSize = (match: Omit<PaginationMatch, 'pageSize'>): PaginationMatch =>
    pageSize === undefined ? match : { ...match, pageSize, evidence: [...match.evidence, ...sizeEvidence(pageSize)] };

  const startingAfter = byName(inputs, ['starting_after']);
  if (startingAfter !== undefined) {
    const { stop, evidence } = stopSignals(fields);
    const hasMore = stop?.hasMorePath;
    return withSize({
      config: {
        type: 'last_id',
        idPath: primaryKey ?? 'id',
        token: { in: startingAfter.in, name: startingAfter.name },
        ...(hasMore ? { stop: { hasMorePath: hasMore } } : {}),
      },
      param: startingAfter.name,
      reportType: 'cursor',
      strength: hasMore ? 1 : 0.8,
      evidence: [`${startingAfter.in} \`${startingAfter.name}\` takes the last record's id`, ...evidence],
    });
  }

  const cursor = findCursor(inputs, fields);
  if (cursor !== undefined) {
    const { stop, evidence } = stopSignals(fields);
    const hasMore = stop?.hasMorePath;
    return withSize({
      config: {
        type: 'cursor',
        cursorPath: cursor.field.path,
        token: { in: cursor.input.in, name: cursor.input.name },
        ...(hasMore ? { stop: { hasMorePath: hasMore } } : {}),
      },
      param: cursor.input.name,
      reportType: 'cursor',
      strength: cursor.exact ? 1 : 0.8,
      evidence: [`response \`${cursor.field.path}\` is sent back as ${cursor.input.in} \`${cursor.input.name}\``, ...evidence],
    });
  }

  const pageInput = byName(inputs, PAGE_NAMES);
  const offsetInput = byName(inputs, OFFSET_NAMES);
  const linkHeader = operation.responseHeaders.find((header) => header.toLowerCase() === 'link');
  if (linkHeader !== undefined) {
    const param = pageInput ?? offsetInput;
    return withSize({
      config: { type: 'link_header' },
      ...(param ? { param: param.name } : {}),
      reportType: 'link_header',
      strength: 1,
      evidence: [`response declares a \`${linkHeader}\` header`, ...(param ? [`${param.in} \`${param.name}\` is what its next link changes`] : [])],
    });
  }

  const nextUrl = findNextUrl(refs, fields);
  if (nextUrl !== undefined) {
    const { stop, evidence } = stopSignals(fields);
    return withSize({
      config: { type: 'next_url', nextUrlPath: nextUrl.path, ...(stop?.hasMorePath ? { stop: { hasMorePath: stop.hasMorePath } } : {}) },
      ...(offsetInput ? { param: offsetInput.name } : {}),
      // Offset/limit with a next href: the report says offset (what the API is), the config
      // follows the href (what the client needs).
      reportType: offsetInput ? 'offset' : 'next_url',
      strength: nextUrl.strong || offsetInput ? 1 : 0.9,
      evidence: [
        `response \`${nextUrl.path}\` holds the next page's URL`,
        ...(offsetInput ? [`${offsetInput.in} \`${offsetInput.name}\` is the offset the URL advances`] : []),
        ...evidence,
      ],
    });
  }

  if (offsetInput !== undefined && pageSize !== undefined) {
    const { stop, evidence } = stopSignals(fields, { total: true });
    return withSize({
      config: {
        type: 'offset',
        offset: { in: offsetInput.in, name: offsetInput.name },
        limit: { in: pageSize.in, name: pageSize.name },
        pageSize: pageSize.value,
        ...(stop ? { stop } : {}),
      },
      param: offsetInput.name,
      reportType: 'offset',
      strength: 0.9,
      evidence: [`${offsetInput.in} \`${offsetInput.name}\` skips records`, ...evidence],
    });
  }

  if (pageInput !== undefined && !pageInput.schema.types.has('boolean')) {
    const { stop, evidence } = stopSignals(fields, { total: true, totalPages: true });
    const zeroBased = pageInput.schema.minimum === 0 || pageInput.schema.default === 0;
    return withSize({
      config: {
        type: 'page',
        page: { in: pageInput.in, name: pageInput.name },
        ...(pageSize ? { size: { in: pageSize.in, name: pageSize.name }, pageSize: pageSize.value } : {}),
        ...(zeroBased ? { firstPage: 0 } : {}),
        ...(stop ? { stop } : {}),
      },
      param: pageInput.name,
      reportType: 'page',
      strength: 0.8,
      evidence: [`${pageInput.in} \`${pageInput.name}\` numbers the pages${zeroBased ? ' from 0' : ''}`, ...evidence],
    });
  }

  return {
    config: { type: 'none' },
    reportType: 'none',
    strength: 0.2,
    evidence: [offsetInput ? `${offsetInput.in} \`${offsetInput.name}\` found without a page-size input: not paginated` : 'no pagination inputs or fields'],
  };
}
