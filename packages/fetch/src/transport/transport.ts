/** What goes on the wire: an absolute URL, final headers and a serialised body. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Cancels the request (the caller gave up). */
  signal?: AbortSignal;
  /**
   * Longest wait for the response headers, and for each part of the body after them: a
   * stalled server fails with a timeout. Enforced by the transport, natively where it can.
   */
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names (the client relies on it); repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Streamed so the client can stop reading past the response-size limit. */
  body: AsyncIterable<Uint8Array>;
}

/**
 * The only thing the fetch client needs from an HTTP library: one function. Errors thrown for
 * network failures keep the library's `code` (ECONNRESET, UND_ERR_SOCKET, ...) on `cause` or
 * on the error itself; a timeout is an error whose `code` or `name` says so (ETIMEDOUT,
 * UND_ERR_HEADERS_TIMEOUT, UND_ERR_BODY_TIMEOUT, or a `TimeoutError`).
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;
