/** A job as a handler sees it. */
export interface QueuedJob<T> {
  id: string;
  data: T;
  /** Attempts already failed before this one. */
  retryCount: number;
  retryLimit: number;
}

export interface QueueOptions {
  /** Per singleton key, at most one job queued and one active (pg-boss "stately"). */
  singletonPerKey?: boolean;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** Where jobs go when their retries are spent. */
  deadLetter?: string;
  expireInSeconds?: number;
}

export interface SendOptions {
  singletonKey?: string;
  startAfter?: Date;
  /**
   * Where the job's insert runs instead of the queue's own pool, e.g. the caller's open
   * transaction (`sqlExecutorFor(trx)` of @portage/persist), so the job commits or rolls back
   * with the caller's rows.
   */
  db?: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
}

/**
 * The whole job-queue dependency of Portage: pg-boss sits behind it (one adapter file), so an
 * upgrade to pg-boss 12 touches one place.
 */
export interface JobQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  ensureQueue(name: string, options: QueueOptions): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for jobs of `name`, `concurrency` at a time. Throwing fails the job (retry, then dead letter). */
  work<T>(name: string, options: { concurrency: number; pollingIntervalSeconds?: number }, handler: (job: QueuedJob<T>) => Promise<void>): Promise<void>;
  schedule<T extends object>(name: string, cron: string, data: T, key: string): Promise<void>;
  /** Jobs waiting in a (dead-letter) queue, oldest first. */
  list<T>(name: string, limit: number): Promise<Array<QueuedJob<T> & { createdOn: Date; output?: unknown }>>;
  /** Whether a job with this singleton key is queued, waiting to retry, or running. */
  pending(name: string, singletonKey: string): Promise<boolean>;
  /** Removes one job from a queue (after it was replayed elsewhere). */
  remove(name: string, id: string): Promise<void>;
}
