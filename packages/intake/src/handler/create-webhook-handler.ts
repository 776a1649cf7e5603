import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPortageError, type Connector, type ConnectorWebhooks } from '@portage/core';
import {
  createWebhookSubscriptionStore,
  recordWebhookDelivery,
  type Connection,
  type ConnectionStore,
  type CredentialCipher,
  type PortageDatabase,
} from '@portage/persist';
import { ensureSyncQueues, type JobQueue } from '@portage/refresh';
import { readWebhookEvents } from '../events/read-webhook-events.js';
import { BodyTooLargeError, readRawBody } from '../http/read-raw-body.js';
import { verifyWebhookSignature } from '../signatures/verify-webhook-signature.js';
import { enqueueWebhookSyncs } from './enqueue-webhook-syncs.js';
import { SILENT_LOGGER, type IntakeLogger } from './intake-logger.js';

/**
 * The largest body accepted by default: 1 MiB, far above any platform's single delivery.
 *
 * @example createWebhookHandler({ ...options, maxBodyBytes: DEFAULT_MAX_BODY_BYTES * 2 });
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The planner's default overlap: re-read five minutes before the mark (clock skew, late indexing). */
const DEFAULT_OVERLAP_MS = 5 * 60_000;

/** Request headers stored with an event; signatures and anything credential-like never are. */
const KEPT_HEADERS = ['content-type', 'user-agent'] as const;

const ROUTE = /^\/webhooks\/([^/?#]+)\/?$/;

/**
 * Options of {@link createWebhookHandler}.
 *
 * @example const options: WebhookHandlerOptions = { database, queue, connectors: { shop }, connections, cipher };
 */
export interface WebhookHandlerOptions {
  database: PortageDatabase;
  /** Started; sync jobs go to it in the same transaction as the event. */
  queue: JobQueue;
  /** Connector per platform name; a connector without `webhooks` receives none. */
  connectors: Readonly<Record<string, Connector>>;
  connections: ConnectionStore;
  /** The key signing secrets were stored with (the connections' credential cipher). */
  cipher: CredentialCipher;
  /** Larger bodies get 413; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /** Incremental syncs start this long before the entity's high-water mark; default 5 minutes. */
  overlapMs?: number;
  logger?: IntakeLogger;
  /** The clock signatures' timestamps are judged by (tests inject one). */
  now?: () => Date;
}

/**
 * A Node request listener: mount it on `http.createServer`, or call it from a framework's route.
 *
 * @example http.createServer(handler).listen(8787);
 */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => void;

interface Target {
  connection: Connection;
  webhooks: ConnectorWebhooks;
  secret: string;
}

/**
 * Webhook intake for `POST /webhooks/<connection id>`:
 *
 * 1. the raw body is read (over `maxBodyBytes`: 413);
 * 2. its signature is verified by the connector's declared scheme with the connection's
 *    signing secret (bad or missing: 401, nothing stored, no reason given);
 * 3. the raw event is stored and ONE incremental sync job per affected entity is enqueued, in
 *    one transaction; then 200. A redelivery of a stored event (same event id) gets 200 and
 *    enqueues nothing. A delivery with no events (a platform's handshake) gets 200 and stores
 *    nothing.
 *
 * Unknown connections, connections without a subscription (`portage webhook-secret`) and
 * platforms whose connector declares no `webhooks` get 404; other methods 405.
 *
 * @example
 * const handler = createWebhookHandler({ database, queue, connectors: { stripe }, connections, cipher: createCredentialCipher() });
 * http.createServer(handler).listen(8787, '127.0.0.1');
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const logger = options.logger ?? SILENT_LOGGER;
  const now = options.now ?? (() => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const subscriptions = createWebhookSubscriptionStore(options.database, options.cipher);
  // pg-boss refuses jobs for a queue that does not exist yet; made once, on first use.
  let queuesReady: Promise<void> | undefined;
  const ensureQueues = () => (queuesReady ??= ensureSyncQueues(options.queue).catch((error: unknown) => {
    queuesReady = undefined;
    throw error;
  }));

  async function targetOf(connectionId: string): Promise<Target | undefined> {
    const connection = await options.connections.get(connectionId).catch((error: unknown) => {
      if (isPortageError(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    const webhooks = connection ? options.connectors[connection.platform]?.webhooks : undefined;
    if (!connection || !webhooks) return undefined;
    const secret = await subscriptions.signingSecret(connectionId);
    return secret === undefined ? undefined : { connection, webhooks, secret };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://intake.invalid').pathname;
    const match = ROUTE.exec(path);
    if (!match) return respond(res, 404, { error: 'not found: deliveries go to POST /webhooks/<connection id>' });
    if (req.method !== 'POST') return respond(res, 405, { error: 'method not allowed: use POST' }, { allow: 'POST' });
    const connectionId = safeDecode(match[1]!);

    const target = connectionId === undefined ? undefined : await targetOf(connectionId);
    if (!target || connectionId === undefined) {
      req.resume();
      return respond(res, 404, { error: 'no webhook subscription for this connection' });
    }

    let body: Buffer;
    try {
      body = await readRawBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return respond(res, 413, { error: `the body is larger than ${maxBodyBytes} bytes` }, { connection: 'close' });
      }
      throw error;
    }

    if (!verifyWebhookSignature(target.webhooks.signature, target.secret, body, req.headers, now())) {
      // The sender learns nothing about why; the log has no secret, header or body either.
      logger.warn({ connectionId, platform: target.connection.platform }, 'webhook delivery rejected: invalid signature');
      return respond(res, 401, { error: 'invalid signature' });
    }

    let payload: unknown;
    let events: ReturnType<typeof readWebhookEvents>;
    try {
      payload = JSON.parse(body.toString('utf8'));
      events = readWebhookEvents(target.webhooks, payload, body);
    } catch (error) {
      logger.warn({ connectionId, platform: target.connection.platform, code: isPortageError(error) ? error.code : 'MALFORMED_RESPONSE' }, 'webhook delivery rejected: unreadable body');
      return respond(res, 400, { error: 'the body is not a webhook event this connector can read' });
    }
    if (!events) return respond(res, 200, { received: 0 });

    const delivery = { connectionId, eventId: events.eventId, eventType: events.eventType, entities: events.entities, body: body.toString('utf8'), headers: keptHeaders(req) };
    if (events.entities.length > 0) await ensureQueues();
    let jobs: string[] = [];
    const recorded = await recordWebhookDelivery(options.database, delivery, async (transaction) => {
      jobs = await enqueueWebhookSyncs({ transaction, queue: options.queue, connectionId, entities: events.entities, overlapMs });
    });
    logger.info(
      { connectionId, eventId: events.eventId, eventType: events.eventType, entities: events.entities, duplicate: recorded.duplicate, deliveries: recorded.deliveries, jobs: jobs.length },
      recorded.duplicate ? 'webhook event redelivered: already stored' : 'webhook event stored',
    );
    respond(res, 200, { received: events.count, duplicate: recorded.duplicate });
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Not stored: a non-2xx answer makes the platform deliver again later.
      logger.error({ code: isPortageError(error) ? error.code : 'UNKNOWN', err: error instanceof Error ? error.message : String(error) }, 'webhook delivery failed');
      if (!res.headersSent) respond(res, 500, { error: 'the event could not be stored: it will be accepted when delivered again' });
      else res.destroy();
    });
  };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function keptHeaders(req: IncomingMessage): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

function respond(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
