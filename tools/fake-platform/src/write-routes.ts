import { createHash } from 'node:crypto';
import { errorAnswer, jsonAnswer, type Answer } from './answer.js';
import type { FakeRecord } from './dataset.js';
import type { IdempotencyCache } from './idempotency-cache.js';
import type { RecordStore } from './record-store.js';
import type { WriteTraffic } from './write-traffic.js';

/** A request to the export endpoints, body already read. */
export interface WriteRouteRequest {
  method: string;
  url: URL;
  body: string;
  idempotencyKey: string | undefined;
}

type Fields = Partial<Omit<FakeRecord, 'id' | 'updated_at'>>;

const FIELD_TYPES: Record<keyof Fields, 'string' | 'number'> = {
  name: 'string',
  email: 'string',
  amount: 'number',
  currency: 'string',
  status: 'string',
  note: 'string',
};

/**
 * Whether a request goes to the export endpoints: `/records` and `/records/:id`.
 *
 * @example isWriteRoute(new URL('http://x/records/rec_0000001')); // true
 */
export function isWriteRoute(url: URL): boolean {
  return /^\/records(\/[^/]+)?$/.test(url.pathname);
}

/**
 * The export endpoints over `store`, like a real platform's customer API:
 * `POST /records` creates (201), `PATCH /records/:id` updates (200), `GET /records/:id` reads
 * one, `GET /records?email=` finds records by email (`{ data }`). Writes stamp `updated_at`
 * with now. With idempotency on, a write carrying `Idempotency-Key` is answered once and its
 * repeats get the stored answer (`Idempotent-Replayed: true`); the same key on another request
 * is a 400.
 *
 * @example const answer = routeWrite({ method: 'POST', url, body: '{"email":"a@example.test"}', idempotencyKey: 'k1' }, store, cache, traffic);
 */
export function routeWrite(request: WriteRouteRequest, store: RecordStore, cache: IdempotencyCache, traffic: WriteTraffic): Answer {
  const id = request.url.pathname.split('/')[2];
  if (request.method === 'GET') {
    if (id !== undefined) {
      const record = store.get(decodeURIComponent(id));
      return record ? jsonAnswer(200, record) : errorAnswer(404, `no record ${id}`);
    }
    const email = request.url.searchParams.get('email');
    if (email === null) return errorAnswer(400, 'give ?email= to find records');
    return jsonAnswer(200, { data: store.live.filter((record) => record.email === email) });
  }
  const isCreate = request.method === 'POST' && id === undefined;
  const isUpdate = request.method === 'PATCH' && id !== undefined;
  if (!isCreate && !isUpdate) return errorAnswer(405, `${request.method} is not allowed on ${request.url.pathname}`);

  const keyed = traffic.faults.idempotency && request.idempotencyKey !== undefined ? request.idempotencyKey : undefined;
  const fingerprint = `${request.method} ${request.url.pathname} ${createHash('sha256').update(request.body).digest('hex')}`;
  if (keyed !== undefined) {
    const stored = cache.lookup(keyed, fingerprint);
    if (stored === 'mismatch') return errorAnswer(400, 'keys for idempotent requests can only be used with the same parameters they were first used with');
    if (stored) {
      traffic.count('replayed');
      return { ...stored.answer, headers: { ...stored.answer.headers, 'idempotent-replayed': 'true' } };
    }
  }
  const fields = readFields(request.body, isCreate);
  if (typeof fields === 'string') return errorAnswer(422, fields);
  let answer: Answer;
  if (isCreate) {
    answer = jsonAnswer(201, store.create(fields));
    traffic.count('created');
  } else {
    const updated = store.patch(decodeURIComponent(id!), fields);
    answer = updated ? jsonAnswer(200, updated) : errorAnswer(404, `no record ${id}`);
    if (updated) traffic.count('updated');
  }
  // Like Stripe: a keyed request's answer is kept whatever it was, so a repeat gets it again.
  if (keyed !== undefined) cache.remember(keyed, fingerprint, answer);
  return answer;
}

/** The writable fields of a JSON body, or what is wrong with it. */
function readFields(body: string, isCreate: boolean): Fields | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'expected a JSON object body';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object body';
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    const type = FIELD_TYPES[name as keyof Fields];
    if (type === undefined) return `unknown field "${name}": writable fields are ${Object.keys(FIELD_TYPES).join(', ')}`;
    if (typeof field !== type) return `field "${name}" must be a ${type}`;
    fields[name] = field;
  }
  if (isCreate && typeof fields.email !== 'string') return 'a new record needs an email';
  return fields as Fields;
}
