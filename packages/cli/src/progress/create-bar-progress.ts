import cliProgress from 'cli-progress';
import { formatProgressLine } from './format-progress-line.js';
import type { EntityProgress } from './entity-progress.js';
import type { ProgressRenderer } from './progress-renderer.js';

/**
 * Progress in a terminal: a cli-progress multibar with one live line per entity (pages and
 * records written so far, then how it ended), redrawn in place.
 *
 * @example
 * const progress = createBarProgress(process.stdout, ['orders', 'products'], { color: true });
 * progress.update(views); progress.finish(views);
 */
export function createBarProgress(stream: NodeJS.WritableStream, entities: readonly string[], options: { color: boolean }): ProgressRenderer {
  const width = Math.max(0, ...entities.map((entity) => entity.length));
  const multibar = new cliProgress.MultiBar({
    stream,
    // Totals are unknown (platforms rarely say how many records there are), so each line is
    // the counts themselves rather than a bar filling up.
    format: (_options, _params, payload: { view: EntityProgress }) => formatProgressLine(payload.view, { width, color: options.color }),
    hideCursor: false,
    clearOnComplete: false,
    fps: 4,
  });
  const bars = new Map(
    entities.map((entity) => {
      const view: EntityProgress = { entity, state: 'queued', pages: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, errorCount: 0 };
      return [entity, multibar.create(1, 0, { view })] as const;
    }),
  );
  const draw = (views: readonly EntityProgress[]) => {
    for (const view of views) bars.get(view.entity)?.update(view.pages, { view });
  };
  return {
    update: draw,
    finish: (views) => {
      draw(views);
      multibar.update();
      multibar.stop();
    },
  };
}
