import type { FakeRecord } from './dataset.js';
import type { RecordTarget } from './record-store.js';
import type { RequestRecord } from './request-log.js';
import type { WriteFaults, WriteStats } from './write-traffic.js';

/** The platform's mutations and stats, driven over HTTP: `FakePlatform`'s methods, made async. */
export interface PlatformControl {
  insert(count: number): Promise<FakeRecord[]>;
  update(target: string[] | number): Promise<FakeRecord[]>;
  remove(target: string[] | number): Promise<string[]>;
  snapshot(): Promise<FakeRecord[]>;
  requestCount(): Promise<number>;
  requests(): Promise<RequestRecord[]>;
  writeStats(): Promise<WriteStats>;
  setWriteFaults(faults: WriteFaults): Promise<Required<WriteFaults>>;
  resetWriteStats(): Promise<void>;
}

/**
 * Drives a fake platform in another process through its `/_control/*` endpoints.
 *
 * @example
 * const control = connectPlatformControl(platform.url);
 * await control.update(['rec_0000003']);
 */
export function connectPlatformControl(url: string): PlatformControl {
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/_control/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`fake platform control ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const target = (t: RecordTarget) => (typeof t === 'number' ? { count: t } : { ids: t });
  return {
    insert: async (count) => (await call<{ data: FakeRecord[] }>('insert', { count })).data,
    update: async (t) => (await call<{ data: FakeRecord[] }>('update', target(t))).data,
    remove: async (t) => (await call<{ data: string[] }>('remove', target(t))).data,
    snapshot: async () => (await call<{ data: FakeRecord[] }>('snapshot')).data,
    requestCount: async () => (await call<{ count: number }>('requests')).count,
    requests: async () => (await call<{ data: RequestRecord[] }>('requests')).data,
    writeStats: () => call<WriteStats>('writes'),
    setWriteFaults: (faults) => call<Required<WriteFaults>>('write-faults', faults),
    resetWriteStats: async () => {
      await call('writes-reset', {});
    },
  };
}
