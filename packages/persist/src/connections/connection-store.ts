import { PortageError, type Credentials } from '@portage/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { insertChangeEvents } from '../change-events/insert-change-events.js';
import type { CredentialCipher } from '../crypto/credential-cipher.js';
import { inTransaction } from '../database/in-transaction.js';
import { isUuid } from '../database/is-uuid.js';
import type { ConnectionHealth, ConnectionsTable, PortageTables } from '../database/tables.js';

/**
 * A connection as the rest of Portage sees it: never with its credentials.
 *
 * @example const connection: Connection = await store.get(id);
 */
export interface Connection {
  id: string;
  platform: string;
  tenant: string;
  health: ConnectionHealth;
  healthReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What `create` needs.
 *
 * @example const input: NewConnection = { platform: 'shopify', tenant: 'acme', credentials: { type: 'bearer', token } };
 */
export interface NewConnection {
  platform: string;
  tenant: string;
  credentials: Credentials;
}

/**
 * Connections with their credentials encrypted at rest.
 *
 * @example const store: ConnectionStore = createConnectionStore(database, createCredentialCipher());
 */
export interface ConnectionStore {
  create(input: NewConnection): Promise<Connection>;
  /** @throws PortageError NOT_FOUND */
  get(id: string): Promise<Connection>;
  /** Oldest first. */
  list(): Promise<Connection[]>;
  /** Decrypted; keep them out of logs. @throws PortageError NOT_FOUND */
  credentials(id: string): Promise<Credentials>;
  /** @throws PortageError NOT_FOUND */
  updateCredentials(id: string, credentials: Credentials): Promise<void>;
  /**
   * Sets the health and, when it changes, writes a `health` change event
   * (`{ from, to, reason }`) in the same transaction. Pass `executor` to join a transaction.
   * A new reason with an unchanged health is stored without an event.
   *
   * @returns whether the health changed.
   * @throws PortageError NOT_FOUND
   */
  setHealth(id: string, health: ConnectionHealth, reason?: string, executor?: Kysely<PortageTables>): Promise<boolean>;
}

const HEALTH_VALUES: ReadonlySet<string> = new Set<ConnectionHealth>(['healthy', 'degraded', 'needs_reauth', 'disabled']);

const PUBLIC_COLUMNS = ['id', 'platform', 'tenant', 'health', 'health_reason', 'created_at', 'updated_at'] as const;

/**
 * The store of connections. Credentials go through `cipher` on the way in and out, so the
 * `credentials` column only ever holds ciphertext.
 *
 * @example
 * const store = createConnectionStore(database, createCredentialCipher());
 * const connection = await store.create({ platform: 'stripe', tenant: 'acme', credentials: { type: 'bearer', token } });
 * await store.setHealth(connection.id, 'needs_reauth', 'refresh token revoked');
 */
export function createConnectionStore(database: { db: Kysely<PortageTables> }, cipher: CredentialCipher): ConnectionStore {
  const { db } = database;

  return {
    async create(input) {
      const platform = requireText(input.platform, 'platform');
      const tenant = requireText(input.tenant, 'tenant');
      const row = await db
        .insertInto('connections')
        .values({ platform, tenant, credentials: cipher.encrypt(requireCredentials(input.credentials)) })
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirstOrThrow();
      return toConnection(row);
    },

    async get(id) {
      const row = isUuid(id)
        ? await db.selectFrom('connections').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()
        : undefined;
      return toConnection(row ?? notFound(id));
    },

    async list() {
      const rows = await db.selectFrom('connections').select(PUBLIC_COLUMNS).orderBy('created_at').orderBy('id').execute();
      return rows.map(toConnection);
    },

    async credentials(id) {
      const row = isUuid(id)
        ? await db.selectFrom('connections').select('credentials').where('id', '=', id).executeTakeFirst()
        : undefined;
      return cipher.decrypt<Credentials>((row ?? notFound(id)).credentials);
    },

    async updateCredentials(id, credentials) {
      const text = cipher.encrypt(requireCredentials(credentials));
      const result = isUuid(id)
        ? await db
            .updateTable('connections')
            .set({ credentials: text, updated_at: sql<Date>`now()` })
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined;
      if (!result || result.numUpdatedRows === 0n) notFound(id);
    },

    async setHealth(id, health, reason, executor = db) {
      if (!HEALTH_VALUES.has(health)) {
        throw new PortageError('VALIDATION_FAILED', `health must be one of ${[...HEALTH_VALUES].join(', ')}`, {
          context: { health },
        });
      }
      if (!isUuid(id)) notFound(id);
      const healthReason = reason ?? null;
      return inTransaction(executor, async (trx) => {
        // Locked so two workers reporting at once cannot both see the old health and both
        // write an event for the same transition.
        const current = await trx
          .selectFrom('connections')
          .select(['health', 'health_reason'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) notFound(id);
        if (current.health === health && current.health_reason === healthReason) return false;

        await trx
          .updateTable('connections')
          .set({ health, health_reason: healthReason, updated_at: sql<Date>`now()` })
          .where('id', '=', id)
          .execute();
        if (current.health === health) return false;

        await insertChangeEvents(trx, [
          {
            connectionId: id,
            entity: null,
            externalId: null,
            kind: 'health',
            payloadJson: JSON.stringify({ from: current.health, to: health, reason: healthReason }),
            runId: null,
          },
        ]);
        return true;
      });
    },
  };
}

function toConnection(row: Pick<Selectable<ConnectionsTable>, (typeof PUBLIC_COLUMNS)[number]>): Connection {
  return {
    id: row.id,
    platform: row.platform,
    tenant: row.tenant,
    health: row.health,
    healthReason: row.health_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function notFound(id: string): never {
  throw new PortageError('NOT_FOUND', `connection ${String(id)} does not exist: check the id or create the connection first`, {
    context: { connectionId: id },
  });
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PortageError('VALIDATION_FAILED', `${field} must be a non-empty string`, { context: { field } });
  }
  return value;
}

function requireCredentials(credentials: unknown): Credentials {
  if (typeof credentials !== 'object' || credentials === null || typeof (credentials as { type?: unknown }).type !== 'string') {
    // Never echo the value: it is a secret.
    throw new PortageError('VALIDATION_FAILED', 'credentials must be an object with a type, such as { type: "bearer", token }');
  }
  return credentials as Credentials;
}
