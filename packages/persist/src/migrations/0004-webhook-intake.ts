import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Webhook intake: `webhook_subscriptions` (one per connection: its signing secret, encrypted,
 * and how long it may stay quiet) and `webhook_events` (every verified delivery, raw, unique
 * per connection and platform event id so a redelivery is recognised).
 *
 * @example const migrations = { '0004_webhook_intake': webhookIntake };
 */
export const webhookIntake: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('webhook_subscriptions')
      .addColumn('connection_id', 'uuid', (col) => col.primaryKey().references('connections.id').onDelete('cascade'))
      // Ciphertext from the credential cipher, never the secret itself.
      .addColumn('signing_secret', 'text', (col) => col.notNull())
      .addColumn('max_silence_seconds', 'integer', (col) => col.notNull().defaultTo(86_400).check(sql`max_silence_seconds > 0`))
      .addColumn('status', 'text', (col) =>
        col
          .notNull()
          .defaultTo('active')
          .check(sql`status in ('active', 'silent')`),
      )
      .addColumn('last_event_at', 'timestamptz')
      .addColumn('silent_since', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('webhook_events')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('connection_id', 'uuid', (col) => col.notNull().references('connections.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (col) => col.notNull())
      .addColumn('event_type', 'text', (col) => col.notNull())
      .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('enqueued', 'ignored')`))
      .addColumn('entities', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('headers', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('deliveries', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('last_received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      // The dedupe: a redelivery of the same event conflicts here and enqueues nothing.
      .addUniqueConstraint('webhook_events_connection_event_key', ['connection_id', 'event_id'])
      .execute();
    await db.schema.createIndex('webhook_events_connection_received_idx').on('webhook_events').columns(['connection_id', 'received_at desc']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('webhook_events').execute();
    await db.schema.dropTable('webhook_subscriptions').execute();
  },
};
