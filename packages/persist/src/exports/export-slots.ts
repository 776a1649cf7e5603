import { PortageError } from '@portage/core';
import { sql, type Kysely } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import type { PortageTables } from '../database/tables.js';

/**
 * One lease on a connection's export slot.
 *
 * @example const lease: ExportSlotLease = { connectionId, slot: 3, holder: randomUUID() };
 */
export interface ExportSlotLease {
  connectionId: string;
  slot: number;
  /** Whoever holds it (a random id per acquisition). */
  holder: string;
}

/**
 * Takes a free slot of `limit` slots of a connection for `leaseMs`, if one is free: a slot
 * is free when it was never taken, was released, or its lease ran out (its holder crashed).
 * Two callers racing for one slot cannot both get it: the insert's conflict check re-reads
 * the committed row. Returns the slot number, or undefined when all `limit` are held.
 *
 * @example const slot = await acquireExportSlot(db, { connectionId, limit: 5, holder, leaseMs: 60_000 });
 */
export async function acquireExportSlot(
  db: Kysely<PortageTables>,
  options: { connectionId: string; limit: number; holder: string; leaseMs: number },
): Promise<number | undefined> {
  assertUuid(options.connectionId, 'connectionId');
  assertUuid(options.holder, 'holder');
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new PortageError('CONFIG_INVALID', `an export concurrency limit is a whole number >= 1, got ${options.limit}`);
  }
  const held = await db
    .selectFrom('export_slots')
    .select('slot')
    .where('connection_id', '=', options.connectionId)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
  const taken = new Set(held.map((row) => row.slot));
  const free = Array.from({ length: options.limit }, (_, slot) => slot).filter((slot) => !taken.has(slot));
  // Random order, so racing callers rarely try the same slot first.
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  for (const slot of free) {
    const row = await db
      .insertInto('export_slots')
      .values({ connection_id: options.connectionId, slot, holder: options.holder, expires_at: leaseEnd(options.leaseMs) })
      .onConflict((conflict) =>
        conflict
          .columns(['connection_id', 'slot'])
          .doUpdateSet({ holder: options.holder, expires_at: leaseEnd(options.leaseMs) })
          .where('export_slots.expires_at', '<=', sql<Date>`now()`),
      )
      .returning('slot')
      .executeTakeFirst();
    if (row) return row.slot;
  }
  return undefined;
}

/**
 * Extends a held lease by `leaseMs` from now. False when the lease was lost (it ran out and
 * another holder took the slot).
 *
 * @example if (!(await renewExportSlot(db, lease, 60_000))) logger.warn('export slot lease lost');
 */
export async function renewExportSlot(db: Kysely<PortageTables>, lease: ExportSlotLease, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable('export_slots')
    .set({ expires_at: leaseEnd(leaseMs) })
    .where('connection_id', '=', lease.connectionId)
    .where('slot', '=', lease.slot)
    .where('holder', '=', lease.holder)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Gives a slot back (only if still held by `holder`).
 *
 * @example await releaseExportSlot(db, lease);
 */
export async function releaseExportSlot(db: Kysely<PortageTables>, lease: ExportSlotLease): Promise<void> {
  await db
    .deleteFrom('export_slots')
    .where('connection_id', '=', lease.connectionId)
    .where('slot', '=', lease.slot)
    .where('holder', '=', lease.holder)
    .execute();
}

function leaseEnd(leaseMs: number) {
  return sql<Date>`now() + ${Math.max(1, Math.round(leaseMs))} * interval '1 millisecond'`;
}
