import { PortageError } from '@portage/core';
import { createUndiciTransport, type Transport } from '@portage/fetch';
import type { PortageDatabase } from '../../database/create-database.js';
import { isUuid } from '../../database/is-uuid.js';
import { claimDueEvents, type ClaimedEvent } from './claim-due-events.js';
import { deliverEvent, type WebhookEndpoint } from './deliver-event.js';
import { listDeadEvents, type DeadEvent } from './list-dead-events.js';
import { recordDeliveryOutcome, releaseClaimedEvent, type RecordedOutcome } from './record-delivery-outcome.js';
import { replayDeadEvents } from './replay-dead-events.js';
import { DEFAULT_MAX_ATTEMPTS, nextAttemptDelayMs } from './retry-schedule.js';
import { toWebhookEvent } from './to-webhook-event.js';

/**
 * Options of {@link createOutboxDispatcher}; only `database` and `endpoint` are required.
 *
 * @example
 * const options: OutboxDispatcherOptions = { database, endpoint: { url, secret }, batchSize: 50, maxAttempts: 12 };
 */
export interface OutboxDispatcherOptions {
  /** A `PortageDatabase` (only `db` is used), migrated so `change_events` exists. */
  database: Pick<PortageDatabase, 'db'>;
  /** Where to post events, and the secret that signs them (never logged, never stored). */
  endpoint: WebhookEndpoint;
  /** HTTP transport; by default an undici one owned (and closed on `stop()`) by the dispatcher. */
  transport?: Transport;
  /** Events claimed per round. Default 100. */
  batchSize?: number;
  /** Deliveries in flight at once within a round. Default 10. */
  concurrency?: number;
  /** Failures after which an event is dead-lettered. Default {@link DEFAULT_MAX_ATTEMPTS}. */
  maxAttempts?: number;
  /** Deadline of one delivery, response included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Backoff between attempts (see `nextAttemptDelayMs`). Defaults: 1 s base, 1 h cap. */
  retry?: { baseMs?: number; maxMs?: number };
  /** The dispatcher's clock: due times, `delivered_at`/`dead_at`, signature timestamps. */
  now?: () => Date;
  /** Uniform in [0, 1), for the retry jitter. */
  random?: () => number;
  /** Deliver only this connection's events (one endpoint per customer). Default: all. */
  connectionId?: string;
  /** Called when a polling round fails (database down...); the loop keeps going. */
  onError?: (error: unknown) => void;
}

/**
 * What one round did. Events superseded by another dispatcher are not counted.
 *
 * @example
 * const { delivered, retried, dead } = await dispatcher.dispatchOnce();
 */
export interface DispatchResult {
  delivered: number;
  retried: number;
  dead: number;
}

/**
 * A running (or runnable) dispatcher: one round at a time, or a polling loop.
 *
 * @example
 * const dispatcher: OutboxDispatcher = createOutboxDispatcher({ database, endpoint });
 * await dispatcher.replayDead('all');
 */
export interface OutboxDispatcher {
  /** Claims the due events, posts them and records the outcomes. */
  dispatchOnce(): Promise<DispatchResult>;
  /** Polls until `stop()`: the next round starts `intervalMs` (default 1000) after one ends, at once while rounds deliver. */
  start(intervalMs?: number): void;
  /** Ends the polling loop; resolves once the round in progress is finished. */
  stop(): Promise<void>;
  /** The dead-letter queue, oldest first (default 100). */
  listDead(limit?: number): Promise<DeadEvent[]>;
  /** Re-queues dead events (ids, or all of them); returns how many. */
  replayDead(ids: readonly string[] | 'all'): Promise<number>;
}

/** Extra lease time beyond the worst-case round, for the database round trips in between. */
const LEASE_SLACK_MS = 60_000;

/**
 * Delivers change events from the `change_events` outbox to a webhook endpoint: signed JSON
 * posts, at least once, in order per record, retried with backoff, dead-lettered after
 * `maxAttempts` failures. Run as many dispatchers (processes, machines) as you like on one
 * database: an event is never posted by two of them at once. Receivers dedupe on the
 * `portage-event-id` header and check `portage-signature` with `verifySignature`.
 *
 * @example
 * const database = createDatabase({ connectionString: process.env.DATABASE_URL });
 * const dispatcher = createOutboxDispatcher({
 *   database,
 *   endpoint: { url: 'https://hooks.example.com/portage', secret: process.env.PORTAGE_WEBHOOK_SECRET! },
 * });
 * dispatcher.start(1000);
 * process.on('SIGTERM', async () => { await dispatcher.stop(); await database.destroy(); });
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const settings = normalizeOptions(options);
  const { db } = options.database;
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? warn;
  let ownedTransport: ReturnType<typeof createUndiciTransport> | undefined;
  const transport = (): Transport => options.transport ?? (ownedTransport ??= createUndiciTransport());

  async function dispatchOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { delivered: 0, retried: 0, dead: 0 };
    const claimedAt = performance.now();
    const claimedAtClock = now();
    const events = await claimDueEvents(db, {
      limit: settings.batchSize,
      now: claimedAtClock,
      leaseUntil: new Date(claimedAtClock.getTime() + settings.leaseMs),
      connectionId: options.connectionId,
    });

    // Events of one batch belong to distinct records (see claimDueEvents), so posting them in
    // parallel keeps per-record order.
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let event = events[next++]; event !== undefined; event = events[next++]) {
        const outcome = await handle(event, claimedAt);
        if (outcome !== 'superseded' && outcome !== 'released') result[outcome]++;
      }
    };
    const settled = await Promise.allSettled(Array.from({ length: Math.min(settings.concurrency, events.length) }, worker));
    // Every worker has finished before an error surfaces: no delivery outlives its round.
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    return result;
  }

  async function handle(event: ClaimedEvent, claimedAt: number): Promise<RecordedOutcome | 'released'> {
    // Measured on the monotonic clock, not `now()`: the lease is what keeps other
    // dispatchers away, and it runs in real time. A post that could end after the lease is
    // not started; the event goes back to the queue without counting an attempt.
    if (performance.now() - claimedAt + settings.timeoutMs > settings.leaseMs - LEASE_SLACK_MS / 2) {
      await releaseClaimedEvent(db, event, now());
      return 'released';
    }
    const outcome = await deliverEvent(toWebhookEvent(event), {
      transport: transport(),
      endpoint: options.endpoint,
      timeoutMs: settings.timeoutMs,
      now,
    });
    return recordDeliveryOutcome(db, event, outcome, {
      now: now(),
      maxAttempts: settings.maxAttempts,
      retry: { ...options.retry, ...(options.random ? { random: options.random } : {}) },
    });
  }

  // The polling loop: a chain of timeouts, so its rounds never overlap however long one takes.
  // Each start() makes a new loop object, so a loop being stopped cannot reschedule itself
  // even if start() is called again before its last round ends.
  let loop: { stopped: boolean; timer?: NodeJS.Timeout; round?: Promise<void> } | undefined;

  function start(intervalMs = 1000): void {
    if (!Number.isFinite(intervalMs) || intervalMs < 0) {
      throw new PortageError('CONFIG_INVALID', `the polling interval must be a number of ms >= 0, got ${String(intervalMs)}`);
    }
    if (loop !== undefined && !loop.stopped) return;
    const current: NonNullable<typeof loop> = { stopped: false };
    loop = current;
    const tick = (): void => {
      current.timer = undefined;
      current.round = dispatchOnce()
        .then(
          // A round that delivered something may have unblocked later events of the same
          // records, or left a backlog: go again at once. Failures alone never make a tight
          // loop, since failed events are pushed into the future.
          (result) => result.delivered > 0,
          (error: unknown) => {
            try {
              onError(error);
            } catch {
              // A throwing error handler must not end the loop.
            }
            return false;
          },
        )
        .then((busy) => {
          current.round = undefined;
          if (!current.stopped) current.timer = setTimeout(tick, busy ? 0 : intervalMs);
        });
    };
    current.timer = setTimeout(tick, 0);
  }

  async function stop(): Promise<void> {
    const current = loop;
    if (current !== undefined) {
      current.stopped = true;
      clearTimeout(current.timer);
      await current.round;
    }
    // start() may have been called again while we waited: its rounds still need the transport.
    if ((loop === undefined || loop.stopped) && ownedTransport) {
      const closing = ownedTransport;
      ownedTransport = undefined;
      await closing.close();
    }
  }

  return {
    dispatchOnce,
    start,
    stop,
    listDead: async (limit = 100) => {
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new PortageError('CONFIG_INVALID', `listDead limit must be a positive integer, got ${String(limit)}`);
      }
      return listDeadEvents(db, { limit, connectionId: options.connectionId });
    },
    replayDead: async (ids) => replayDeadEvents(db, ids, { now: now(), connectionId: options.connectionId }),
  };
}

function normalizeOptions(options: OutboxDispatcherOptions) {
  const { endpoint } = options;
  // Messages name the option, never its value: the URL may carry credentials, and the
  // secret is a secret.
  if (typeof endpoint?.secret !== 'string' || endpoint.secret.length === 0) {
    throw new PortageError('CONFIG_INVALID', 'endpoint.secret (the webhook signing secret) is required');
  }
  let protocol = '';
  try {
    protocol = new URL(endpoint.url).protocol;
  } catch {
    // Reported just below.
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new PortageError('CONFIG_INVALID', 'endpoint.url must be an absolute http(s) URL');
  }
  const positiveInteger = (name: string, value: number | undefined, fallback: number): number => {
    const resolved = value ?? fallback;
    if (!Number.isSafeInteger(resolved) || resolved < 1) {
      throw new PortageError('CONFIG_INVALID', `${name} must be a positive integer, got ${String(value)}`);
    }
    return resolved;
  };
  const batchSize = positiveInteger('batchSize', options.batchSize, 100);
  const concurrency = positiveInteger('concurrency', options.concurrency, 10);
  const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts, DEFAULT_MAX_ATTEMPTS);
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs, 10_000);
  if (options.connectionId !== undefined && !isUuid(options.connectionId)) {
    throw new PortageError('CONFIG_INVALID', 'connectionId must be a uuid');
  }
  // Fail now rather than in the middle of a round, after the receiver was already called.
  nextAttemptDelayMs(1, { ...options.retry, random: () => 0 });
  // Long enough for every worker to post its share of a full batch one after the other.
  const leaseMs = timeoutMs * Math.ceil(batchSize / concurrency) + LEASE_SLACK_MS;
  return { batchSize, concurrency, maxAttempts, timeoutMs, leaseMs };
}

function warn(error: unknown): void {
  // Database and driver errors only reach here (deliveries never throw), and they never
  // contain the signing secret.
  process.emitWarning(`outbox dispatch round failed: ${error instanceof Error ? error.message : String(error)}`, 'PortageOutboxWarning');
}
