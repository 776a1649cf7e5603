import type { IHttpClient } from 'soap';
import { readBody } from '../http/read-body.js';
import type { Transport } from '../transport/transport.js';

/** What happened on the wire for one SOAP call, kept so failures are classified from facts. */
export type SoapExchange =
  | { kind: 'pending' }
  | { kind: 'answered'; status: number; headers: Record<string, string>; text: string }
  | { kind: 'failed'; error: unknown };

export interface ExchangeOptions {
  transport: Transport;
  timeoutMs: number;
  maxResponseBytes: number;
  signal?: AbortSignal;
}

/**
 * A `soap` HTTP client for one call that sends through Portage's transport (timeouts, size
 * limit, abort) instead of soap's axios, and records the exchange. Every status is handed to
 * soap to parse (a fault arrives with a 500); the caller classifies from the record.
 *
 * @example
 * const { httpClient, exchange } = recordingHttpClient({ transport, timeoutMs: 30_000, maxResponseBytes: 1 << 20 });
 * new Client(wsdl, endpoint, { httpClient });
 */
export function recordingHttpClient(options: ExchangeOptions): { httpClient: IHttpClient; exchange: () => SoapExchange } {
  let exchange: SoapExchange = { kind: 'pending' };
  const httpClient: IHttpClient = {
    request: (url, data, callback, exheaders) => {
      void send(url, String(data), lowerCase(exheaders)).then(
        (answer) => {
          exchange = { kind: 'answered', ...answer };
          callback(null, { status: answer.status, headers: answer.headers, data: answer.text }, answer.text);
        },
        (error: unknown) => {
          exchange = { kind: 'failed', error };
          callback(error);
        },
      );
      // soap ignores the return value of a callback-style client.
      return undefined as unknown as ReturnType<IHttpClient['request']>;
    },
  };
  async function send(url: string, body: string, headers: Record<string, string>) {
    const res = await options.transport({
      method: 'POST',
      url,
      headers,
      body,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const bytes = await readBody(res.body, options.maxResponseBytes, { method: 'POST' }, res.headers['content-length']);
    return { status: res.status, headers: res.headers, text: bytes.toString('utf8') };
  }
  return { httpClient, exchange: () => exchange };
}

function lowerCase(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}
