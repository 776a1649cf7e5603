import type { IncomingMessage } from 'node:http';
import { errorAnswer, jsonAnswer, type Answer } from './answer.js';
import type { FakeRecord } from './dataset.js';
import type { RecordTarget } from './record-store.js';
import type { RequestRecord } from './request-log.js';
import type { WriteFaults, WriteStats } from './write-traffic.js';

/** What the control endpoints drive: the in-process platform's own methods. */
export interface ControlledPlatform {
  insert(count: number): FakeRecord[];
  update(target: RecordTarget): FakeRecord[];
  remove(target: RecordTarget): string[];
  snapshot(): FakeRecord[];
  requestCount(): number;
  requests(): RequestRecord[];
  writeStats(): WriteStats;
  setWriteFaults(faults: WriteFaults): Required<WriteFaults>;
  resetWriteStats(): void;
}

// A `{ ids }` body naming every record of a 200k benchmark is about 3 MB.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Answers `/_control/*`, which lets a test drive a platform running in another process:
 * `POST insert` with `{ count }`, `POST update` and `POST remove` with `{ count }` or `{ ids }`,
 * each answering `{ data }` as the method returns it; `GET snapshot` answers `{ data: records }`
 * and `GET requests` answers `{ count, data: requests }`. The export endpoints: `GET writes`
 * answers their stats, `POST writes-reset` zeroes them, `POST write-faults` with
 * `{ delayMs?, dropResponses?, idempotency? }` sets what they do wrong and answers all settings.
 *
 * @example
 * // POST /_control/update {"ids":["rec_0000003"]} -> { data: [{ id: 'rec_0000003', ... }] }
 * await answerControl(req, '/_control/update', platform);
 */
export async function answerControl(req: IncomingMessage, path: string, platform: ControlledPlatform): Promise<Answer> {
  const action = path.slice('/_control/'.length);
  const method = req.method ?? 'GET';
  if (method === 'GET' && action === 'snapshot') return jsonAnswer(200, { data: platform.snapshot() });
  if (method === 'GET' && action === 'requests') return jsonAnswer(200, { count: platform.requestCount(), data: platform.requests() });
  if (method === 'GET' && action === 'writes') return jsonAnswer(200, platform.writeStats());
  if (method === 'POST' && action === 'writes-reset') {
    platform.resetWriteStats();
    return jsonAnswer(200, platform.writeStats());
  }
  if (method === 'POST' && action === 'write-faults') {
    const faults = readFaults(await readBody(req).catch(() => ''));
    return typeof faults === 'string' ? errorAnswer(400, faults) : jsonAnswer(200, platform.setWriteFaults(faults));
  }
  if (method !== 'POST' || !['insert', 'update', 'remove'].includes(action)) return errorAnswer(404, `no control endpoint ${method} ${path}`);
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    return errorAnswer(400, `expected a JSON body: ${(error as Error).message}`);
  }
  const target = readTarget(body, action !== 'insert');
  if (typeof target === 'string') return errorAnswer(400, target);
  if (action === 'insert') return jsonAnswer(200, { data: platform.insert(target as number) });
  return jsonAnswer(200, { data: action === 'update' ? platform.update(target) : platform.remove(target) });
}

/** `{ count }` (an integer >= 0) or, where allowed, `{ ids }` (strings); otherwise why not. */
function readTarget(body: unknown, idsAllowed: boolean): RecordTarget | string {
  const { count, ids } = (body ?? {}) as { count?: unknown; ids?: unknown };
  if (Number.isInteger(count) && (count as number) >= 0) return count as number;
  if (idsAllowed && Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return ids as string[];
  return idsAllowed ? 'expected { "count": n } or { "ids": ["..."] }' : 'expected { "count": n }';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString();
}

/** `{ delayMs?, dropResponses?, idempotency? }`, or what is wrong with it. */
function readFaults(text: string): WriteFaults | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'expected a JSON body { delayMs?, dropResponses?, idempotency? }';
  }
  const { delayMs, dropResponses, idempotency, ...rest } = (value ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return `unknown write fault "${unknown[0]}": use delayMs, dropResponses, idempotency`;
  const count = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0);
  if (!count(delayMs) || !count(dropResponses)) return 'delayMs and dropResponses are integers >= 0';
  if (idempotency !== undefined && typeof idempotency !== 'boolean') return 'idempotency is true or false';
  return {
    ...(delayMs !== undefined && { delayMs: delayMs as number }),
    ...(dropResponses !== undefined && { dropResponses: dropResponses as number }),
    ...(idempotency !== undefined && { idempotency }),
  };
}
