import type { Transport } from '@portage/fetch';
import { SIGNATURE_HEADER, signPayload } from './sign-event.js';
import type { WebhookEvent } from './to-webhook-event.js';

/**
 * Header with the event id on every delivery: receivers dedupe on it (delivery is at least once).
 *
 * @example if (await alreadyProcessed(req.headers[EVENT_ID_HEADER])) return res.writeHead(200).end();
 */
export const EVENT_ID_HEADER = 'portage-event-id';

/** Longest excerpt of a failing response body kept in `last_error`. */
const MAX_REASON_BODY_CHARS = 200;
/** Read at most this much of any response: enough for the excerpt, bounded for a hostile receiver. */
const MAX_BODY_BYTES = 1024;

/**
 * Where events are posted. The secret signs each body and is never logged nor stored.
 *
 * @example const endpoint: WebhookEndpoint = { url: 'https://hooks.example.com/portage', secret: process.env.PORTAGE_WEBHOOK_SECRET! };
 */
export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/**
 * How one delivery went. `reason` is short and safe to store (`last_error`) and show.
 *
 * @example const outcome: DeliveryOutcome = { ok: false, reason: 'HTTP 503: try later' };
 */
export type DeliveryOutcome = { ok: true; status: number } | { ok: false; reason: string };

/**
 * How to deliver: transport, endpoint, deadline and clock.
 *
 * @example const options: DeliverEventOptions = { transport: createUndiciTransport(), endpoint, timeoutMs: 10_000, now: () => new Date() };
 */
export interface DeliverEventOptions {
  transport: Transport;
  endpoint: WebhookEndpoint;
  /** Deadline for the whole exchange, response body included. */
  timeoutMs: number;
  /** Clock for the signature timestamp. */
  now: () => Date;
}

/**
 * Posts one event to the endpoint, signed, and says whether the receiver took it (any 2xx).
 * Never throws for a failed delivery: timeouts, network errors and non-2xx answers become
 * `{ ok: false, reason }`, a reason built from the status or the error code only, so neither
 * the secret nor a long response body ends up stored.
 *
 * @example
 * const outcome = await deliverEvent(toWebhookEvent(row), { transport, endpoint, timeoutMs: 10_000, now: () => new Date() });
 * if (!outcome.ok) console.warn(`event ${row.id} failed: ${outcome.reason}`);
 */
export async function deliverEvent(event: WebhookEvent, options: DeliverEventOptions): Promise<DeliveryOutcome> {
  const { transport, endpoint, timeoutMs } = options;
  const body = JSON.stringify(event);
  const timestampSeconds = Math.floor(options.now().getTime() / 1000);
  try {
    const response = await transport({
      method: 'POST',
      url: endpoint.url,
      headers: {
        'content-type': 'application/json',
        [EVENT_ID_HEADER]: event.id,
        [SIGNATURE_HEADER]: signPayload(endpoint.secret, body, timestampSeconds),
      },
      body,
      timeoutMs,
      // The transport's timeoutMs bounds each phase; this bounds the whole exchange, so a
      // receiver that trickles its answer cannot hold a claimed event past its lease.
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read (a little of) every body: a fully read small body lets the socket be reused.
    const text = await readStart(response.body).catch(() => '');
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    const excerpt = redact(text.replace(/\s+/g, ' ').trim(), endpoint.secret).slice(0, MAX_REASON_BODY_CHARS);
    return { ok: false, reason: excerpt ? `HTTP ${response.status}: ${excerpt}` : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, reason: describeTransportError(error, timeoutMs) };
  }
}

async function readStart(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.byteLength;
    // Leaving the loop early destroys the stream: nothing more is downloaded.
    if (size >= MAX_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** A receiver that echoes what it got could echo the secret: never store it. */
function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The error's code (ECONNREFUSED, UND_ERR_SOCKET, ...) or name, never its message: messages
 * of HTTP libraries quote the URL, and an endpoint URL may carry credentials.
 */
function describeTransportError(error: unknown, timeoutMs: number): string {
  const codes = [codeOf(error), codeOf((error as { cause?: unknown } | null)?.cause)];
  const names = [nameOf(error), nameOf((error as { cause?: unknown } | null)?.cause)];
  if (codes.some((c) => c !== undefined && TIMEOUT_CODES.has(c)) || names.includes('TimeoutError')) {
    return `timeout after ${timeoutMs} ms`;
  }
  const code = codes.find((c) => c !== undefined) ?? names.find((n) => n !== undefined) ?? 'unknown';
  return `network error: ${code.slice(0, 60)}`;
}

function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}

function nameOf(value: unknown): string | undefined {
  const name = (value as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}
