import type { ParamPlacement } from '@portage/core';
import type { RequestSpec, ResponseHeaders } from '../http/request-spec.js';

/**
 * What a paginator computes; placing it in a request is `placeTokens`' job, so a paginator
 * never touches a request.
 */
export type PageToken =
  | { kind: 'param'; placement: ParamPlacement; value: string | number }
  | { kind: 'url'; url: string };

/** Where a paginated read stands between two pages: serialisable, so it can be checkpointed. */
export interface PageState {
  /** The request that fetches the next page. */
  request: RequestSpec;
  /** Zero-based index of the page that request fetches. */
  pageIndex: number;
  /** Records received before that page. */
  recordsSoFar: number;
}

/** One received page, as a paginator sees it. */
export interface PageContext {
  request: RequestSpec;
  status: number;
  headers: ResponseHeaders;
  body: unknown;
  records: readonly unknown[];
  pageIndex: number;
  /** Records received including this page. */
  recordsSoFar: number;
}

export interface Paginator {
  /** Tokens the first request carries (e.g. offset=0, limit=100); often none. */
  start(): PageToken[];
  /** Tokens for the next page, or undefined when this page was the last. Pure. */
  next(page: PageContext): PageToken[] | undefined;
}
