import { PortageError } from '@portage/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CredentialCipher } from '../crypto/credential-cipher.js';
import { isUuid } from '../database/is-uuid.js';
import type { PortageTables } from '../database/tables.js';
import type { WebhookSubscriptionStatus, WebhookSubscriptionsTable } from './webhook-tables.js';

/**
 * How long a subscription may go without an event before the silence monitor flags it, when
 * none is given: a day.
 *
 * @example createWebhookSubscriptionStore(database, cipher).setSecret(id, secret, { maxSilenceSeconds: DEFAULT_MAX_SILENCE_SECONDS });
 */
export const DEFAULT_MAX_SILENCE_SECONDS = 86_400;

/**
 * A connection's webhook subscription as the rest of Portage sees it: never with its secret.
 *
 * @example const subscription: WebhookSubscription | undefined = await subscriptions.get(connectionId);
 */
export interface WebhookSubscription {
  connectionId: string;
  maxSilenceSeconds: number;
  status: WebhookSubscriptionStatus;
  lastEventAt: Date | null;
  silentSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Webhook subscriptions with their signing secrets encrypted at rest.
 *
 * @example const subscriptions: WebhookSubscriptionStore = createWebhookSubscriptionStore(database, createCredentialCipher());
 */
export interface WebhookSubscriptionStore {
  /**
   * Creates the connection's subscription, or replaces its secret (and, when given, its max
   * silence). The secret is encrypted before it is stored and never appears in an error.
   *
   * @throws PortageError NOT_FOUND (no such connection), VALIDATION_FAILED (empty secret, bad max silence)
   */
  setSecret(connectionId: string, signingSecret: string, options?: { maxSilenceSeconds?: number }): Promise<WebhookSubscription>;
  get(connectionId: string): Promise<WebhookSubscription | undefined>;
  /** Decrypted; keep it out of logs. Undefined when the connection has no subscription. */
  signingSecret(connectionId: string): Promise<string | undefined>;
  /** Oldest first. */
  list(): Promise<WebhookSubscription[]>;
}

const PUBLIC_COLUMNS = ['connection_id', 'max_silence_seconds', 'status', 'last_event_at', 'silent_since', 'created_at', 'updated_at'] as const;

/** What the cipher encrypts: an object, so the stored JSON says what it holds. */
interface StoredSecret {
  signingSecret: string;
}

/**
 * The store of webhook subscriptions: one per connection, holding the secret the platform
 * signs its deliveries with (through `cipher`, like connection credentials).
 *
 * @example
 * const subscriptions = createWebhookSubscriptionStore(database, createCredentialCipher());
 * await subscriptions.setSecret(connectionId, process.env.SHOP_WEBHOOK_SECRET!, { maxSilenceSeconds: 6 * 3600 });
 */
export function createWebhookSubscriptionStore(database: { db: Kysely<PortageTables> }, cipher: CredentialCipher): WebhookSubscriptionStore {
  const { db } = database;

  return {
    async setSecret(connectionId, signingSecret, options = {}) {
      if (typeof signingSecret !== 'string' || signingSecret.length === 0) {
        // Never echo the value: it is a secret.
        throw new PortageError('VALIDATION_FAILED', 'the webhook signing secret is empty: pass the secret the platform shows for this webhook endpoint');
      }
      const maxSilence = options.maxSilenceSeconds;
      if (maxSilence !== undefined && (!Number.isSafeInteger(maxSilence) || maxSilence < 1)) {
        throw new PortageError('VALIDATION_FAILED', `maxSilenceSeconds must be a positive whole number of seconds, got ${String(maxSilence)}`, {
          context: { maxSilenceSeconds: maxSilence },
        });
      }
      if (!isUuid(connectionId)) notFound(connectionId);
      const secret: StoredSecret = { signingSecret };
      const encrypted = cipher.encrypt(secret);
      try {
        const row = await db
          .insertInto('webhook_subscriptions')
          .values({ connection_id: connectionId, signing_secret: encrypted, max_silence_seconds: maxSilence ?? DEFAULT_MAX_SILENCE_SECONDS })
          .onConflict((conflict) =>
            conflict.column('connection_id').doUpdateSet((eb) => ({
              signing_secret: eb.ref('excluded.signing_secret'),
              ...(maxSilence !== undefined ? { max_silence_seconds: eb.ref('excluded.max_silence_seconds') } : {}),
              updated_at: sql<Date>`now()`,
            })),
          )
          .returning(PUBLIC_COLUMNS)
          .executeTakeFirstOrThrow();
        return toSubscription(row);
      } catch (error) {
        // foreign_key_violation: the connection does not exist.
        if ((error as { code?: string }).code === '23503') notFound(connectionId);
        throw error;
      }
    },

    async get(connectionId) {
      if (!isUuid(connectionId)) return undefined;
      const row = await db.selectFrom('webhook_subscriptions').select(PUBLIC_COLUMNS).where('connection_id', '=', connectionId).executeTakeFirst();
      return row ? toSubscription(row) : undefined;
    },

    async signingSecret(connectionId) {
      if (!isUuid(connectionId)) return undefined;
      const row = await db.selectFrom('webhook_subscriptions').select('signing_secret').where('connection_id', '=', connectionId).executeTakeFirst();
      return row ? cipher.decrypt<StoredSecret>(row.signing_secret).signingSecret : undefined;
    },

    async list() {
      const rows = await db.selectFrom('webhook_subscriptions').select(PUBLIC_COLUMNS).orderBy('created_at').orderBy('connection_id').execute();
      return rows.map(toSubscription);
    },
  };
}

function toSubscription(row: Pick<Selectable<WebhookSubscriptionsTable>, (typeof PUBLIC_COLUMNS)[number]>): WebhookSubscription {
  return {
    connectionId: row.connection_id,
    maxSilenceSeconds: row.max_silence_seconds,
    status: row.status,
    lastEventAt: row.last_event_at,
    silentSince: row.silent_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function notFound(connectionId: string): never {
  throw new PortageError('NOT_FOUND', `connection ${String(connectionId)} does not exist: check the id or create the connection first`, {
    context: { connectionId },
  });
}
