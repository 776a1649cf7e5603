import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { getPath, isPortageError, PortageError, type Connector, type Entity } from '@portage/core';
import type { FetchClient, Logger, Page, PageState } from '@portage/fetch';
import {
  addEntityProgress,
  clearPass,
  databaseNow,
  deleteCheckpoint,
  loadCheckpoint,
  getRun,
  markDeleted,
  saveCheckpoint,
  serverStartedAt,
  startRun,
  sweepUnseen,
  writeRecords,
  type Checkpoint,
  type Connection,
  type CopyIn,
  type PortageDatabase,
} from '@portage/persist';
import { applyPageSize } from './apply-page-size.js';
import { applyTenant } from './apply-tenant.js';
import { mapChildren } from './map-children.js';
import { mapPage, type MappedPage, type MappedRecord } from './map-page.js';
import { checkpointWindow, MARKS_WINDOW, type SyncJobData, type SyncMarks } from './sync-job.js';

/** What a sync job needs from its worker: the store, the connectors, a client per connection. */
export interface SyncContext {
  database: PortageDatabase;
  connectors: Readonly<Record<string, Connector>>;
  getConnection(id: string): Promise<Connection>;
  clientFor(connection: Connection, connector: Connector): Promise<FetchClient>;
  logger: Logger;
  now?: () => Date;
  /** When a group of pages commits: at this many records, or this long after its first page arrived. */
  commitEvery?: { records: number; maxDelayMs: number };
}

// Larger groups amortise each transaction's fixed statements (lock, checkpoint, counts):
// bench:sync measured 500 -> 2,000 records per group as ~25% less Postgres CPU per record.
const DEFAULT_COMMIT_EVERY = { records: 2000, maxDelayMs: 250 };

export interface SyncJobResult {
  runId: string;
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
}

/** A checkpoint: where the read stands, and the facts of the pass it belongs to. */
interface SavedState {
  page: PageState;
  since?: string;
  startedAt: string;
  /** When the full pass began by the database's clock: the sweep spares what was stored since. */
  sweepFrom?: string;
  /** When the database server had started, as the pass saw it (see passToResume). */
  bootedAt?: string;
  /** Full passes of nested child entities (stitching) run alongside the parent's. */
  childPassIds?: Record<string, string>;
}

/**
 * Runs one sync job: streams the entity's pages (resuming from the checkpoint a killed or
 * failed attempt left), and commits each page's records, change events, run counts and next
 * checkpoint in ONE transaction. The last page of a full pass also sweeps records the pass did
 * not see, in the same transaction, so a partial pass never deletes anything.
 *
 * @example await runSyncJob(context, { connectionId, entity: 'orders', kind: 'full' });
 */
export async function runSyncJob(context: SyncContext, job: SyncJobData, signal?: AbortSignal): Promise<SyncJobResult> {
  const { db } = context.database;
  const now = context.now ?? (() => new Date());
  const connection = await context.getConnection(job.connectionId);
  const connector = context.connectors[connection.platform];
  if (!connector) {
    throw new PortageError('CONFIG_INVALID', `no connector is registered for platform "${connection.platform}"`, { context: { entity: job.entity } });
  }
  const entity = (connector.entities as Record<string, Entity>)[job.entity];
  if (!entity) {
    const known = Object.keys(connector.entities).join(', ');
    throw new PortageError('CONFIG_INVALID', `connector "${connector.name}" has no entity "${job.entity}" (it has: ${known})`, { context: { entity: job.entity } });
  }
  const definition: Entity = applyTenant(applyPageSize(entity, job.pageSize), entity.tenant ?? connector.tenant, connection.tenant);
  const client = await context.clientFor(connection, connector);
  const key = { connectionId: job.connectionId, entity: job.entity, windowKey: checkpointWindow(job.kind) };

  // A checkpoint left by an earlier attempt wins over the job's own since: the pass goes on
  // with the window it started with, under the same pass id, counting towards the same run.
  const bootedAt = job.kind === 'full' ? (await serverStartedAt(db)).toISOString() : undefined;
  const saved = await passToResume(await loadCheckpoint(db, key));
  const resumed = saved?.state as SavedState | undefined;
  const passId = job.kind === 'full' ? (saved?.passId ?? randomUUID()) : undefined;
  const children = definition.children ?? [];
  const childPassIds: Record<string, string> =
    job.kind === 'full' ? (resumed?.childPassIds ?? Object.fromEntries(children.map((child) => [child.entity, randomUUID()]))) : {};
  const startedAt = resumed?.startedAt ?? now().toISOString();
  // Read before the first write of the pass; older checkpoints fall back to the worker's clock.
  const sweepFrom = resumed ? (resumed.sweepFrom ?? resumed.startedAt) : (await databaseNow(db)).toISOString();
  const commitEvery = context.commitEvery ?? DEFAULT_COMMIT_EVERY;
  const since = resumed ? resumed.since : job.since;
  // A pass resumed after its run ended (failed, dead-lettered, replayed) counts in a new run.
  const savedRun = saved?.runId ? await getRun(db, saved.runId) : undefined;
  const runId = savedRun?.status === 'running' ? savedRun.id : (job.runId ?? (await startRun(db, { connectionId: job.connectionId, kind: job.kind })));
  const result: SyncJobResult = { runId, pages: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  // A first full pass over an entity with nothing stored writes by COPY without the diff's
  // read, until a group meets a stored id (see writeRecords' assumeNew).
  let assumeNew = job.kind === 'full' && !resumed && (await entityIsEmpty(db, job.connectionId, job.entity));
  const log = context.logger.child({ runId, connectionId: job.connectionId, entity: job.entity, kind: job.kind });
  log.info({ since, resumedAtPage: resumed?.page.pageIndex }, resumed ? 'resuming sync from checkpoint' : 'starting sync');

  try {
    await syncDeletions();
    await syncPages();
  } catch (error) {
    // The worker records the failure against this run, which it cannot otherwise know.
    if (isPortageError(error)) error.context.runId = runId;
    throw error;
  }
  log.info(result, 'sync finished');
  return result;

  // `sync_seen` is UNLOGGED: after a Postgres restart it may have lost the ids of the pass
  // so far, and a sweep would then delete records that exist. Such a pass starts over.
  async function passToResume(checkpoint: Checkpoint | undefined): Promise<Checkpoint | undefined> {
    const state = checkpoint?.state as SavedState | undefined;
    if (!checkpoint || !state || job.kind !== 'full' || state.bootedAt === bootedAt) return checkpoint;
    context.logger.warn({ connectionId: job.connectionId, entity: job.entity }, 'the database restarted during this full pass: starting the pass over');
    await db.transaction().execute(async (trx) => {
      if (checkpoint.passId) await clearPass(trx, checkpoint.passId);
      for (const childPassId of Object.values(state.childPassIds ?? {})) await clearPass(trx, childPassId);
      await deleteCheckpoint(trx, key);
    });
    return undefined;
  }

  // Tombstones first: should reading them fail, the job fails before its high-water mark moves.
  async function syncDeletions(): Promise<void> {
    const source = definition.deletions;
    if (job.kind !== 'incremental' || !source || !since) return;
    for await (const page of client.paginate(source, { since: new Date(since), ...(signal ? { signal } : {}) })) {
      const externalIds = page.records.map((tombstone) => String(getPath(tombstone, source.idPath)));
      await db.transaction().execute(async (trx) => {
        const { deleted } = await markDeleted(trx, { connectionId: job.connectionId, entity: job.entity, externalIds, runId });
        await addEntityProgress(trx, runId, job.entity, { deleted });
        result.deleted += deleted;
      });
    }
  }

  async function syncPages(): Promise<void> {
    const pages = client.paginate(definition, {
      ...(since ? { since: new Date(since) } : {}),
      ...(resumed ? { resume: resumed.page } : {}),
      ...(signal ? { signal } : {}),
    });
    // Pages commit in groups (a checkpoint per group, never part of a page) and one group's
    // commit runs while the next group is fetched and mapped. A slow platform still commits
    // page by page: a group closes after `maxDelayMs` whatever its size.
    let group: Page[] = [];
    let groupRecords = 0;
    let groupOpenedAt = 0;
    let inFlight: Promise<void> | undefined;
    const flush = async () => {
      const mapped = mapGroup(group);
      group = [];
      groupRecords = 0;
      await inFlight;
      inFlight = commitGroup(mapped);
      // Awaited by the next flush or at the end; meanwhile a failure must not count as unhandled.
      inFlight.catch(() => undefined);
    };
    try {
      for await (const page of pages) {
        if (group.length === 0) groupOpenedAt = performance.now();
        group.push(page);
        groupRecords += page.records.length;
        if (!page.next || groupRecords >= commitEvery.records || performance.now() - groupOpenedAt >= commitEvery.maxDelayMs) await flush();
      }
      if (group.length > 0) await flush();
    } catch (error) {
      // The group being committed still lands (or fails) before the job reports.
      await inFlight?.catch(() => undefined);
      throw error;
    }
    await inFlight;
  }

  function mapGroup(group: Page[]): MappedGroup {
    const records: MappedRecord[] = [];
    const rejected: MappedPage['rejected'] = [];
    const nested = new Map<string, MappedPage>();
    for (const page of group) {
      const mapped = mapPage(definition, job.entity, page.records);
      records.push(...mapped.records);
      rejected.push(...mapped.rejected);
      for (const [childEntity, children] of mapChildren(definition.children ?? [], page.records)) {
        const into = nested.get(childEntity) ?? { records: [], rejected: [] };
        into.records.push(...children.records);
        into.rejected.push(...children.rejected);
        nested.set(childEntity, into);
      }
    }
    return { firstIndex: group[0]!.index, pages: group.length, next: group.at(-1)!.next, records, rejected, nested };
  }

  // One transaction: the group's records, change events, run counts and the next checkpoint.
  // Durability is relaxed (synchronous_commit off): a commit lost to a Postgres crash loses
  // the checkpoint with the records it covers, so the job re-reads those pages; nothing
  // stored can disagree with the checkpoint.
  async function commitGroup(mapped: MappedGroup): Promise<void> {
    const { records, rejected, nested } = mapped;
    await inSyncTransaction(context.database, async (trx, copyIn) => {
      await assertStillOwner(trx, key, mapped.firstIndex);
      const input = { connectionId: job.connectionId, entity: job.entity, runId, ...(passId ? { passId } : {}), assumeNew, records };
      const counts = await writeRecords(trx, input, { copyIn });
      if (counts.created < records.length) assumeNew = false;
      for (const [childEntity, group] of nested) {
        const childPassId = childPassIds[childEntity];
        const childInput = { connectionId: job.connectionId, entity: childEntity, runId, ...(childPassId ? { passId: childPassId } : {}), records: group.records };
        const childCounts = await writeRecords(trx, childInput, { copyIn });
        await addEntityProgress(trx, runId, childEntity, childCounts);
        for (const { error } of group.rejected) {
          await addEntityProgress(trx, runId, childEntity, { error: { code: error.code, action: error.action, message: error.message, at: now().toISOString() } });
        }
      }
      let deleted = 0;
      if (mapped.next) {
        const state: SavedState = {
          page: mapped.next,
          ...(since ? { since } : {}),
          startedAt,
          sweepFrom,
          ...(bootedAt ? { bootedAt } : {}),
          ...(children.length && passId ? { childPassIds } : {}),
        };
        await saveCheckpoint(trx, key, { state, ...(passId ? { passId } : {}), runId });
      } else {
        if (passId) {
          const sweep = { connectionId: job.connectionId, entity: job.entity, passId, runId, passStartedAt: new Date(sweepFrom) };
          deleted = (await sweepUnseen(trx, sweep)).deleted;
          for (const [childEntity, childPassId] of Object.entries(childPassIds)) {
            const childDeleted = await sweepUnseen(trx, { ...sweep, entity: childEntity, passId: childPassId });
            await addEntityProgress(trx, runId, childEntity, { deleted: childDeleted.deleted });
          }
        }
        await deleteCheckpoint(trx, key);
        await saveMarks(trx, job, startedAt);
      }
      for (const { error } of rejected) {
        await addEntityProgress(trx, runId, job.entity, { error: { code: error.code, action: error.action, message: error.message, at: now().toISOString() } });
      }
      await addEntityProgress(trx, runId, job.entity, { ...counts, deleted, pages: mapped.pages });
      result.created += counts.created;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
      result.deleted += deleted;
    });
    result.pages += mapped.pages;
    result.rejected += rejected.length;
  }
}

/** A sync transaction: with a COPY channel where the database has one (Postgres, not PGlite). */
async function inSyncTransaction(database: PortageDatabase, work: (trx: Transaction, copyIn: CopyIn | undefined) => Promise<void>): Promise<void> {
  if (database.transactionWithCopy) await database.transactionWithCopy(work);
  else await database.db.transaction().execute((trx) => work(trx, undefined));
}
type Transaction = Parameters<typeof writeRecords>[0];

async function entityIsEmpty(db: PortageDatabase['db'], connectionId: string, entity: string): Promise<boolean> {
  const row = await db.selectFrom('records').select(sql<number>`1`.as('one')).where('connection_id', '=', connectionId).where('entity', '=', entity).limit(1).executeTakeFirst();
  return row === undefined;
}

/** A group of consecutive pages, mapped, ready to commit in one transaction. */
interface MappedGroup extends MappedPage {
  firstIndex: number;
  pages: number;
  next?: PageState;
  nested: Map<string, MappedPage>;
}

/**
 * Fencing: pg-boss hands an expired job to another worker even if the first one is only slow.
 * Under a lock on the (connection, entity), the checkpoint must still point at the page this
 * worker is about to commit; if another worker moved it, this one stops instead of writing
 * records and change events twice.
 */
async function assertStillOwner(trx: Parameters<typeof saveCheckpoint>[0], key: Parameters<typeof loadCheckpoint>[1], pageIndex: number): Promise<void> {
  // One round trip: the lock, and relaxed durability for this transaction (see commitGroup).
  await sql`select pg_advisory_xact_lock(hashtext(${`${key.connectionId}:${key.entity}:${key.windowKey}`})), set_config('synchronous_commit', 'off', true)`.execute(trx);
  const current = await loadCheckpoint(trx, key);
  const expected = (current?.state as SavedState | undefined)?.page.pageIndex ?? 0;
  if (expected !== pageIndex) {
    throw new PortageError('CONFLICT', `another worker took over this sync of ${key.entity} (it is at page ${expected}, this one at ${pageIndex}): stopping this copy`, {
      context: { entity: key.entity },
    });
  }
}

// The planner's high-water marks. A full pass also counts as an incremental read from its start.
async function saveMarks(executor: Parameters<typeof saveCheckpoint>[0], job: SyncJobData, startedAt: string): Promise<void> {
  const key = { connectionId: job.connectionId, entity: job.entity, windowKey: MARKS_WINDOW };
  const previous = ((await loadCheckpoint(executor, key))?.state ?? {}) as SyncMarks;
  const marks: SyncMarks = { ...previous, lastIncrementalAt: startedAt, ...(job.kind === 'full' ? { lastFullCompletedAt: startedAt } : {}) };
  await saveCheckpoint(executor, key, { state: marks });
}
