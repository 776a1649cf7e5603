import { afterEach, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from './fake-platform.js';
import { connectPlatformControl } from './platform-control.js';

let platform: FakePlatform | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const post = (body: unknown, headers: Record<string, string> = {}) => fetch(`${platform!.url}/records`, { method: 'POST', ...json(body, headers) });
const patch = (id: string, body: unknown) => fetch(`${platform!.url}/records/${id}`, { method: 'PATCH', ...json(body) });

describe('fake platform export endpoints', () => {
  it('creates, reads, finds by email and updates a record, stamping updated_at', async () => {
    platform = await startFakePlatform({ records: 3 });
    const created = await post({ name: 'Ada Lovelace', email: 'ada@example.test' });
    expect(created.status).toBe(201);
    const record = (await created.json()) as { id: string; updated_at: string; email: string };
    expect(record).toMatchObject({ id: 'rec_0000004', name: 'Ada Lovelace', email: 'ada@example.test' });
    expect(await (await fetch(`${platform.url}/records/${record.id}`)).json()).toEqual(record);
    expect(await (await fetch(`${platform.url}/records?email=ada%40example.test`)).json()).toEqual({ data: [record] });

    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = (await (await patch(record.id, { name: 'Ada King' })).json()) as { name: string; updated_at: string };
    expect(updated.name).toBe('Ada King');
    expect(updated.updated_at > record.updated_at).toBe(true);
    expect(platform.writeStats()).toMatchObject({ created: 1, updated: 1 });
  });

  it('rejects unknown fields and missing records', async () => {
    platform = await startFakePlatform({ records: 1 });
    expect((await post({ email: 'a@example.test', shoeSize: 9 })).status).toBe(422);
    expect((await post({ name: 'no email' })).status).toBe(422);
    expect((await patch('rec_9999999', { name: 'x' })).status).toBe(404);
    expect((await fetch(`${platform.url}/records/rec_9999999`)).status).toBe(404);
  });

  it('answers a repeated Idempotency-Key with the first answer, and refuses the key on another request', async () => {
    platform = await startFakePlatform({ records: 0 });
    const first = await post({ email: 'a@example.test' }, { 'idempotency-key': 'k1' });
    const again = await post({ email: 'a@example.test' }, { 'idempotency-key': 'k1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(platform.snapshot()).toHaveLength(1);
    expect((await post({ email: 'b@example.test' }, { 'idempotency-key': 'k1' })).status).toBe(400);
    expect(platform.writeStats()).toMatchObject({ created: 1, replayed: 1 });
  });

  it('without idempotency support, a repeat creates again', async () => {
    platform = await startFakePlatform({ records: 0, idempotency: false });
    await post({ email: 'a@example.test' }, { 'idempotency-key': 'k1' });
    await post({ email: 'a@example.test' }, { 'idempotency-key': 'k1' });
    expect(platform.snapshot()).toHaveLength(2);
  });

  it('drops the answer of a committed write when told to, over the control routes', async () => {
    platform = await startFakePlatform({ records: 0 });
    const control = connectPlatformControl(platform.url);
    await control.setWriteFaults({ dropResponses: 1 });
    const answered = fetch(`${platform.url}/records`, { method: 'POST', ...json({ email: 'a@example.test' }), signal: AbortSignal.timeout(300) });
    await expect(answered).rejects.toMatchObject({ name: 'TimeoutError' });
    // The write landed though its answer never came; the hanging request ends when the client gives up.
    await expect.poll(() => control.writeStats()).toMatchObject({ created: 1, dropped: 1, inFlight: 0 });
    expect(platform.snapshot()).toHaveLength(1);
  }, 10_000);

  it('counts the most export requests in flight at once', async () => {
    platform = await startFakePlatform({ records: 0 });
    platform.setWriteFaults({ delayMs: 100 });
    await Promise.all([post({ email: 'a@example.test' }), post({ email: 'b@example.test' }), post({ email: 'c@example.test' })]);
    expect(platform.writeStats()).toMatchObject({ maxInFlight: 3, maxWritesInFlight: 3, inFlight: 0 });
    platform.resetWriteStats();
    await post({ email: 'd@example.test' });
    expect(platform.writeStats()).toMatchObject({ maxInFlight: 1, created: 1 });
  });
});
