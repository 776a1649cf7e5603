import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Export (write-back) state. `export_links`: per (connection, entity, the caller's local key),
 * the platform's id of the record once known, the idempotency key and body of the attempt in
 * progress (reused by every retry of it), and how the last export ended. `export_slots`: the
 * leases that cap how many export requests one connection has in flight across every worker
 * process.
 *
 * @example const migrations = { '0003_export_links': exportLinks };
 */
export const exportLinks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('export_links')
      .addColumn('connection_id', 'uuid', (col) => col.notNull().references('connections.id').onDelete('cascade'))
      .addColumn('entity', 'text', (col) => col.notNull())
      .addColumn('local_key', 'text', (col) => col.notNull())
      .addColumn('external_id', 'text')
      .addColumn('state', 'text', (col) =>
        col
          .notNull()
          .defaultTo('pending')
          .check(sql`state in ('pending', 'created', 'updated', 'conflict', 'failed')`),
      )
      // Bumped by every enqueue: a job holding an older number has been superseded.
      .addColumn('requested_seq', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('idempotency_key', 'text')
      .addColumn('attempt_hash', 'text')
      .addColumn('attempt_body', 'jsonb')
      // Set just before a create is sent, cleared once its outcome is known: while set, a retry
      // must find out whether the create landed before it may create again.
      .addColumn('create_sent_at', 'timestamptz')
      .addColumn('exported_hash', 'text')
      .addColumn('remote_updated_at', 'timestamptz')
      .addColumn('remote_hash', 'text')
      .addColumn('last_error', 'jsonb')
      .addColumn('exported_at', 'timestamptz')
      // Who is exporting this record right now, and until when: one export of a record at a
      // time, or a create and an update racing would both find no external id and create twice.
      .addColumn('lease_holder', 'uuid')
      .addColumn('lease_until', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('export_links_pkey', ['connection_id', 'entity', 'local_key'])
      .execute();
    // One local record per platform record: two local keys linked to one external id would
    // overwrite each other on the platform.
    await db.schema
      .createIndex('export_links_external_id_key')
      .on('export_links')
      .columns(['connection_id', 'entity', 'external_id'])
      .unique()
      .where(sql.ref('external_id'), 'is not', null)
      .execute();
    await db.schema
      .createIndex('export_links_state_idx')
      .on('export_links')
      .columns(['connection_id', 'state', 'updated_at'])
      .execute();

    // UNLOGGED: a lease is taken and given back around every export request, so skipping the
    // WAL flush halves an export's database time; the leases are worthless after a database
    // crash anyway (every holder's connection died with it), when Postgres empties the table.
    await db.schema
      .createTable('export_slots')
      .modifyFront(sql`unlogged`)
      .addColumn('connection_id', 'uuid', (col) => col.notNull().references('connections.id').onDelete('cascade'))
      .addColumn('slot', 'integer', (col) => col.notNull())
      .addColumn('holder', 'uuid', (col) => col.notNull())
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('export_slots_pkey', ['connection_id', 'slot'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('export_slots').execute();
    await db.schema.dropTable('export_links').execute();
  },
};
