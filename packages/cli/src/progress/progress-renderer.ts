import type { EntityProgress } from './entity-progress.js';

/**
 * Shows progress: `update` on every poll, `finish` once at the end.
 *
 * @example const renderer: ProgressRenderer = createPlainProgress({ write: (line) => process.stdout.write(line) });
 */
export interface ProgressRenderer {
  update(views: readonly EntityProgress[]): void;
  finish(views: readonly EntityProgress[]): void;
}
