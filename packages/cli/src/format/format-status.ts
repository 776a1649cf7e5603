import type { SyncRun, SyncRunEntity } from '@portage/persist';
import type { ConnectionStatus } from './connection-status.js';
import { formatDuration } from './format-duration.js';
import { formatInstant } from './format-instant.js';
import { formatRunError } from './format-run-error.js';
import { formatTable } from './format-table.js';
import { createPalette, type Palette } from './create-palette.js';

/** Errors shown per entity; the rest are counted (all are in `--format json`). */
const ERRORS_SHOWN = 3;

function statusText(status: SyncRun['status'], paint: Palette): string {
  if (status === 'succeeded') return paint.green(status);
  if (status === 'failed') return paint.red(status);
  return paint.yellow(status);
}

function healthText(connection: ConnectionStatus['connection'], paint: Palette): string {
  const colour = connection.health === 'healthy' ? paint.green : connection.health === 'degraded' ? paint.yellow : paint.red;
  return colour(connection.health) + (connection.healthReason ? ` (${connection.healthReason})` : '');
}

function entityLines(entities: readonly SyncRunEntity[], paint: Palette): string {
  if (entities.length === 0) return '      no pages written yet\n';
  const rows = entities.map((entity) => [entity.entity, ...[entity.created, entity.updated, entity.unchanged, entity.deleted, entity.pages].map(String)]);
  let text = formatTable(['ENTITY', 'ADDED', 'UPDATED', 'UNCHANGED', 'DELETED', 'PAGES'], rows, { indent: '      ', rightAligned: [1, 2, 3, 4, 5] });
  for (const entity of entities) {
    for (const error of entity.errors.slice(0, ERRORS_SHOWN)) text += `      ${paint.red('error')} ${entity.entity}: ${formatRunError(error)}\n`;
    const more = entity.errors.length - ERRORS_SHOWN;
    if (more > 0) text += `      ... and ${more} more error${more === 1 ? '' : 's'} for ${entity.entity} (see --format json)\n`;
  }
  return text;
}

/**
 * Pure: `portage status` as plain text: per connection its health, then its runs (kind,
 * status, times, duration) each followed by its per-entity counts and errors.
 *
 * @example
 * formatStatus([{ connection, runs }], { color: false, now: new Date() });
 * // connection 0b8e...  shop  tenant acme  health: healthy
 * //   RUN  KIND  STATUS  STARTED  FINISHED  DURATION
 * //   ...
 */
export function formatStatus(statuses: readonly ConnectionStatus[], options: { color: boolean; now: Date }): string {
  const paint = createPalette(options.color);
  if (statuses.length === 0) return 'no connections yet: create one with `portage connect`\n';
  return statuses
    .map(({ connection, runs }) => {
      let text = `${paint.bold(`connection ${connection.id}`)}  ${connection.platform}  tenant ${connection.tenant}  health: ${healthText(connection, paint)}\n`;
      if (runs.length === 0) return `${text}  no runs yet: start one with \`portage sync ${connection.id}\`\n`;
      const rows = runs.map((run) => [
        run.id,
        run.kind,
        statusText(run.status, paint),
        formatInstant(run.startedAt),
        run.finishedAt ? formatInstant(run.finishedAt) : '-',
        formatDuration((run.finishedAt ?? options.now).getTime() - run.startedAt.getTime()) + (run.finishedAt ? '' : ' so far'),
      ]);
      const [header, ...runLines] = formatTable(['RUN', 'KIND', 'STATUS', 'STARTED', 'FINISHED', 'DURATION'], rows, { indent: '  ' }).split(/(?<=\n)/);
      text += header ?? '';
      runs.forEach((run, index) => {
        text += runLines[index] ?? '';
        if (run.error) text += `      ${paint.red('error')}: ${formatRunError(run.error)}\n`;
        text += entityLines(run.entities, paint);
      });
      return text;
    })
    .join('\n');
}
