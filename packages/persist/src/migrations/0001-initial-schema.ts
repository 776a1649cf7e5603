import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The first schema of `@portage/persist`. Table names are unqualified: the migrator runs
 * with the database's schema plugin, so the same migration serves every schema.
 * Never edit a migration that has shipped; add a new one.
 *
 * @example const migrations = { '0001_initial_schema': initialSchema };
 */
export const initialSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('connections')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('platform', 'text', (col) => col.notNull())
      .addColumn('tenant', 'text', (col) => col.notNull())
      .addColumn('credentials', 'text', (col) => col.notNull())
      .addColumn('health', 'text', (col) =>
        col
          .notNull()
          .defaultTo('healthy')
          .check(sql`health in ('healthy', 'degraded', 'needs_reauth', 'disabled')`),
      )
      .addColumn('health_reason', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('records')
      .addColumn('connection_id', 'uuid', (col) => col.notNull().references('connections.id').onDelete('cascade'))
      .addColumn('entity', 'text', (col) => col.notNull())
      .addColumn('external_id', 'text', (col) => col.notNull())
      .addColumn('data', 'jsonb', (col) => col.notNull())
      .addColumn('content_hash', 'text', (col) => col.notNull())
      .addColumn('remote_updated_at', 'timestamptz')
      .addColumn('first_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('deleted_at', 'timestamptz')
      // The primary key also serves the diff (ids of one batch), keyset listing and the sweep.
      .addPrimaryKeyConstraint('records_pkey', ['connection_id', 'entity', 'external_id'])
      .execute();

    // UNLOGGED: written once per record per full pass and useless after the pass, so WAL for
    // it would be pure cost. Postgres empties it after a crash (see SyncSeenTable).
    await db.schema
      .createTable('sync_seen')
      .modifyFront(sql`unlogged`)
      .addColumn('pass_id', 'uuid', (col) => col.notNull())
      .addColumn('external_id', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('sync_seen_pkey', ['pass_id', 'external_id'])
      .execute();

    await db.schema
      .createTable('checkpoints')
      .addColumn('connection_id', 'uuid', (col) => col.notNull())
      .addColumn('entity', 'text', (col) => col.notNull())
      .addColumn('window_key', 'text', (col) => col.notNull())
      .addColumn('state', 'jsonb', (col) => col.notNull())
      .addColumn('pass_id', 'uuid')
      .addColumn('run_id', 'uuid')
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('checkpoints_pkey', ['connection_id', 'entity', 'window_key'])
      .execute();

    await db.schema
      .createTable('sync_runs')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('connection_id', 'uuid', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('full', 'incremental')`))
      .addColumn('status', 'text', (col) =>
        col
          .notNull()
          .defaultTo('running')
          .check(sql`status in ('running', 'succeeded', 'failed')`),
      )
      .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('finished_at', 'timestamptz')
      .addColumn('error', 'jsonb')
      .execute();
    await db.schema
      .createIndex('sync_runs_connection_started_idx')
      .on('sync_runs')
      .columns(['connection_id', 'started_at desc'])
      .execute();

    await db.schema
      .createTable('sync_run_entities')
      .addColumn('run_id', 'uuid', (col) => col.notNull().references('sync_runs.id').onDelete('cascade'))
      .addColumn('entity', 'text', (col) => col.notNull())
      .addColumn('created', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('deleted', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('pages', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('errors', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
      .addPrimaryKeyConstraint('sync_run_entities_pkey', ['run_id', 'entity'])
      .execute();

    await db.schema
      .createTable('change_events')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('connection_id', 'uuid', (col) => col.notNull())
      .addColumn('entity', 'text')
      .addColumn('external_id', 'text')
      .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('created', 'updated', 'deleted', 'health')`))
      .addColumn('payload', 'jsonb', (col) => col.notNull())
      .addColumn('run_id', 'uuid')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('delivered_at', 'timestamptz')
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('last_error', 'text')
      .addColumn('dead_at', 'timestamptz')
      // Record events must name their record; only health events are about the connection.
      .addCheckConstraint(
        'change_events_subject_check',
        sql`kind = 'health' or (entity is not null and external_id is not null)`,
      )
      .execute();
    // Partial: the dispatcher only ever looks for pending events, which stay few while
    // delivered ones pile up.
    await db.schema
      .createIndex('change_events_undelivered_idx')
      .on('change_events')
      .column('next_attempt_at')
      .where(sql<boolean>`delivered_at is null and dead_at is null`)
      .execute();
  },
};
