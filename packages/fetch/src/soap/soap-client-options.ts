import type { Logger } from '../log/index.js';
import type { RetryPolicy } from '../retry/index.js';
import type { Transport } from '../transport/transport.js';
import type { SoapFaultRule } from './soap-fault-codes.js';

/**
 * One SOAP header: raw XML, or a JSON value soap serialises (optionally under an element
 * `name` in `namespace`, declared with `xmlns`, e.g. `xmlns:ns1="urn:..."`).
 */
export type SoapHeader = string | { value: Record<string, unknown>; name?: string; namespace?: string; xmlns?: string };

/** What a header builder is told about the call it builds headers for. */
export interface SoapHeaderContext {
  operation: string;
  /** 1 for the first attempt; a retry builds fresh headers (a new nonce, timestamp and signature). */
  attempt: number;
}

export interface SoapClientOptions {
  /** Local path of the WSDL; its imports are read from beside it. Read once, at creation. */
  wsdl: string;
  /** Absolute URL calls go to; default: the WSDL's `soap:address`. */
  endpoint?: string;
  /**
   * Base URL for SOAP entities (`request.path` is the endpoint's path under it), used when no
   * `endpoint` is given, like the fetch client's `baseUrl`.
   */
  baseUrl?: string;
  /** Service and port to use when the WSDL has several; default: the first port with the operation. */
  service?: string;
  port?: string;
  /**
   * SOAP headers built per call, e.g. NetSuite's tokenPassport from the connection's
   * credentials. Their string values are redacted from every error and log line.
   */
  headers?: (call: SoapHeaderContext) => readonly SoapHeader[] | Promise<readonly SoapHeader[]>;
  /** HTTP headers sent with every call. */
  httpHeaders?: Record<string, string>;
  /**
   * Called on an expired-session fault (AUTH_EXPIRED): renew the session and resolve true to
   * retry once with fresh headers; a second rejection is AUTH_INVALID.
   */
  onAuthExpired?: () => Promise<boolean>;
  /** More secrets to keep out of errors and logs. */
  secrets?: () => readonly string[];
  /** Connector fault rules, tried before the shared table. */
  faults?: readonly SoapFaultRule[];
  /** Per attempt, headers and body included (default 60 s: SOAP searches are slow). */
  timeoutMs?: number;
  /** Largest answer read (default 50 MiB). */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Calls in flight at once (default 1: NetSuite and others cap concurrent sessions per user). */
  concurrency?: number;
  rateLimit?: { requests: number; intervalMs: number };
  /** Defaults to undici. */
  transport?: Transport;
  logger?: Logger;
  connectionId?: string;
  /** Injected for tests. */
  clock?: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void>; random(): number };
}

export const DEFAULT_SOAP_TIMEOUT_MS = 60_000;
export const DEFAULT_SOAP_CONCURRENCY = 1;
