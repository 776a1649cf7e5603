import { describe, it, expect } from 'vitest';
import { createSemaphore } from './semaphore.js';

/** Lets every pending promise callback run; no clock involved. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createSemaphore', () => {
  it('grants up to the limit, then queues', async () => {
    const slots = createSemaphore(2);
    await slots.acquire();
    await slots.acquire();
    let third = false;
    void slots.acquire().then(() => (third = true));
    await settle();
    expect({ active: slots.active, waiting: slots.waiting, third }).toEqual({ active: 2, waiting: 1, third: false });
  });

  it('serves waiters first come, first served', async () => {
    const slots = createSemaphore(1);
    const release = await slots.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      slots.acquire().then((next) => {
        order.push(n);
        next();
      }),
    );
    release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect(slots.active).toBe(0);
  });

  it('hands a freed slot to a waiter, not to a newcomer', async () => {
    const slots = createSemaphore(1);
    const release = await slots.acquire();
    const order: string[] = [];
    const queued = slots.acquire().then((r) => (order.push('queued'), r));
    release();
    const newcomer = slots.acquire().then((r) => (order.push('newcomer'), r));
    (await queued)();
    (await newcomer)();
    expect(order).toEqual(['queued', 'newcomer']);
  });

  it('treats a second release as a no-op', async () => {
    const slots = createSemaphore(1);
    const release = await slots.acquire();
    release();
    release();
    await slots.acquire();
    let second = false;
    void slots.acquire().then(() => (second = true));
    await settle();
    expect({ active: slots.active, second }).toEqual({ active: 1, second: false });
  });

  it('rejects an aborted waiter with the reason and leaves the queue', async () => {
    const slots = createSemaphore(1);
    const release = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(slots.waiting).toBe(0);
    release();
    expect(slots.active).toBe(0);
  });

  it('rejects at once when the signal is already aborted, taking no slot', async () => {
    const slots = createSemaphore(1);
    const reason = new Error('too late');
    await expect(slots.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(slots.active).toBe(0);
  });

  it('ignores an abort after the slot was granted', async () => {
    const slots = createSemaphore(1);
    const controller = new AbortController();
    const release = await slots.acquire(controller.signal);
    controller.abort();
    expect(slots.active).toBe(1);
    release();
    expect(slots.active).toBe(0);
  });

  it.each([0, -1, 1.5, NaN])('rejects a limit of %s', (limit) => {
    expect(() => createSemaphore(limit)).toThrow(RangeError);
  });

  it('accepts an unlimited limit', async () => {
    const slots = createSemaphore(Infinity);
    await Promise.all(Array.from({ length: 100 }, () => slots.acquire()));
    expect(slots.active).toBe(100);
  });
});
