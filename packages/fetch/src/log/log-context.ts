import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Fields every log line written inside {@link withLogContext} carries, whichever logger writes
 * it: a worker puts the job's and run's ids here, and the fetch client's lines (one client per
 * connection, shared by its jobs) then join the worker's on `runId`. The object may be added to
 * while the work runs (the run id is known only once the job has started).
 *
 * @example const fields: LogContext = { jobId: job.id };
 */
export type LogContext = Record<string, string | number | undefined>;

// A chain, so a caller may still add to its own object after the work started.
interface Frame {
  fields: LogContext;
  parent: Frame | undefined;
}

const storage = new AsyncLocalStorage<Frame>();

/**
 * Runs `work` with `fields` on every line logged during it (by loggers from `createLogger`),
 * including lines of code it awaits. Nested contexts see their parent's fields too.
 *
 * @example
 * const fields: LogContext = { jobId: job.id };
 * await withLogContext(fields, () => runJob());
 */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ fields, parent: storage.getStore() }, work);
}

/**
 * The fields of the innermost {@link withLogContext}, own and inherited, without the undefined
 * ones; `{}` outside any.
 *
 * @example logger.info({ ...currentLogContext(), status }, 'done');
 */
export function currentLogContext(): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  // Innermost first: an inner context's field wins over the same field further out.
  for (let frame = storage.getStore(); frame; frame = frame.parent) {
    for (const [key, value] of Object.entries(frame.fields)) {
      if (value !== undefined && !(key in fields)) fields[key] = value;
    }
  }
  return fields;
}
