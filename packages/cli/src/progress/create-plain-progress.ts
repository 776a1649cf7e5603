import { formatProgressLine } from './format-progress-line.js';
import type { EntityProgress } from './entity-progress.js';
import type { ProgressRenderer } from './progress-renderer.js';

/** Options of {@link createPlainProgress}. */
export interface PlainProgressOptions {
  write(text: string): unknown;
  /** Least time between two lines of a still-running entity (default 5 s): logs stay short. */
  intervalMs?: number;
  now?: () => number;
}

const FINAL = new Set(['succeeded', 'failed', 'no-run']);

/**
 * Progress for logs and pipes: a line when an entity changes state, while it runs at most one
 * per `intervalMs`, and its final line exactly once.
 *
 * @example
 * const progress = createPlainProgress({ write: (text) => process.stdout.write(text) });
 * progress.update(views); // orders: 3 pages, +1500 ~0 =0 -0
 */
export function createPlainProgress(options: PlainProgressOptions): ProgressRenderer {
  const intervalMs = options.intervalMs ?? 5000;
  const now = options.now ?? Date.now;
  const printed = new Map<string, { line: string; state: string; at: number }>();

  function show(views: readonly EntityProgress[], force: boolean): void {
    const width = Math.max(0, ...views.map((view) => view.entity.length));
    for (const view of views) {
      const line = formatProgressLine(view, { width });
      const last = printed.get(view.entity);
      if (last?.line === line || (last && FINAL.has(last.state))) continue;
      // Waiting is the default: the first line of an entity is when it has pages to show.
      if (view.state === 'queued') continue;
      const due = force || !last || last.state !== view.state || FINAL.has(view.state) || now() - last.at >= intervalMs;
      if (!due) continue;
      options.write(`${line}\n`);
      printed.set(view.entity, { line, state: view.state, at: now() });
    }
  }

  return {
    update: (views) => show(views, false),
    finish: (views) => show(views, true),
  };
}
