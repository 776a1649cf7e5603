import pg from 'pg';

export interface JobWakeups {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const RECONNECT_DELAY_MS = 1000;

/**
 * Wakes idle workers when a job is sent, instead of leaving it until their next poll:
 * pg-boss 10 polls no faster than every 0.5 s and has no LISTEN/NOTIFY of its own (v12 has).
 * Senders `pg_notify(channel, queueName)` after each send; this listener, one connection per
 * process, calls `onWake(queueName)`. Polling stays the fallback: a lost connection only
 * delays jobs until the next poll, and the listener reconnects.
 *
 * @example const wakeups = createJobWakeups(url, 'portage_jobs_pgboss', (queue) => notifyWorkersOf(queue));
 */
export function createJobWakeups(connectionString: string, channel: string, onWake: (queue: string) => void): JobWakeups {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    const reconnect = () => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners();
      next.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), RECONNECT_DELAY_MS);
    };
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) onWake(message.payload);
    });
    next.on('error', reconnect);
    next.on('end', reconnect);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      reconnect();
      throw error;
    }
  };

  return {
    start: async () => {
      stopped = false;
      await connect();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      await current?.end().catch(() => undefined);
    },
  };
}
