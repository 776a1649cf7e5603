import { formatRunError } from '../format/format-run-error.js';
import { createPalette } from '../format/create-palette.js';
import type { EntityProgress } from './entity-progress.js';

/**
 * Pure: one entity's progress on one line: pages, then records added (+), updated (~),
 * unchanged (=) and deleted (-), then how it ended. `width` pads the entity name so the
 * lines of several entities line up.
 *
 * @example formatProgressLine({ entity: 'orders', state: 'running', pages: 12, created: 5000, updated: 0, unchanged: 0, deleted: 0, errorCount: 0 });
 * // 'orders: 12 pages, +5000 ~0 =0 -0'
 */
export function formatProgressLine(view: EntityProgress, options: { width?: number; color?: boolean } = {}): string {
  const paint = createPalette(options.color ?? false);
  const name = `${view.entity}:`.padEnd((options.width ?? 0) + 1);
  if (view.state === 'queued') return `${name} ${paint.dim('queued')}`;
  if (view.state === 'no-run') return `${name} ${paint.red('ended without recording a run')} (see the worker's log)`;
  const counts = `${view.pages} page${view.pages === 1 ? '' : 's'}, +${view.created} ~${view.updated} =${view.unchanged} -${view.deleted}`;
  const errors = view.errorCount === 0 ? '' : `, ${view.errorCount} error${view.errorCount === 1 ? '' : 's'}`;
  switch (view.state) {
    case 'succeeded':
      return `${name} ${counts} (${paint.green('succeeded')}${errors})`;
    case 'failed':
      return `${name} ${counts} (${paint.red('failed')}${view.lastError ? `: ${formatRunError(view.lastError)}` : ''})`;
    default:
      // Rejected records and failed attempts that will be retried both land here.
      return `${name} ${counts}${errors}${view.lastError ? ` (${paint.yellow('last')}: ${view.lastError.code})` : ''}`;
  }
}
