import type { DriftState } from '../data/load-drift-report.js';
import type { RunActivity } from '../data/load-run-activity.js';
import type { ConnectionView } from '../views/connection-view.js';
import type { DeadLetterView } from '../views/dead-letter-view.js';
import type { ErrorView } from '../views/error-view.js';
import type { RunView } from '../views/run-view.js';

/**
 * Everything the page shows, loaded before it is rendered (rendering is pure).
 *
 * @example const page = renderPage(model);
 */
export interface PageModel {
  now: Date;
  /** Whether replay is possible (a token is configured). */
  actionsEnabled: boolean;
  connections: ConnectionView[];
  /** The connection whose runs are listed, with them (newest first). */
  selected: { connection: ConnectionView; runs: RunView[] } | null;
  errors: ErrorView[];
  /** `problem` when the queue could not be read. */
  deadLetters: { jobs: DeadLetterView[]; problem?: string };
  activity: RunActivity['last24h'];
  drift: DriftState;
}
