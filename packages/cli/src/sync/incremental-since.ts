import { loadCheckpoint, type PortageDatabase } from '@portage/persist';
import { MARKS_WINDOW, type SyncMarks } from '@portage/refresh';

/**
 * Where an incremental sync of an entity starts when `--since` is not given: the high-water
 * mark its last completed run left; `undefined` (everything) when it never ran.
 *
 * @example const since = await incrementalSince(database, connectionId, 'orders'); // '2026-11-23T11:00:00.000Z'
 */
export async function incrementalSince(database: PortageDatabase, connectionId: string, entity: string): Promise<string | undefined> {
  const marks = (await loadCheckpoint(database.db, { connectionId, entity, windowKey: MARKS_WINDOW }))?.state as SyncMarks | undefined;
  return marks?.lastIncrementalAt;
}
