import type { Answer } from './answer.js';

/**
 * The answers of keyed writes, by idempotency key, as Stripe keeps them: a repeat of the same
 * request gets the first answer again (nothing is written twice); the same key on a different
 * request is refused.
 *
 * @example
 * const cache = new IdempotencyCache();
 * cache.remember('key-1', 'POST /records {...}', answer);
 * cache.lookup('key-1', 'POST /records {...}'); // { answer }
 */
export class IdempotencyCache {
  readonly #answers = new Map<string, { fingerprint: string; answer: Answer }>();

  /** The answer stored for `key`, `'mismatch'` when the key was used for another request, else undefined. */
  lookup(key: string, fingerprint: string): { answer: Answer } | 'mismatch' | undefined {
    const stored = this.#answers.get(key);
    if (!stored) return undefined;
    return stored.fingerprint === fingerprint ? { answer: stored.answer } : 'mismatch';
  }

  remember(key: string, fingerprint: string, answer: Answer): void {
    this.#answers.set(key, { fingerprint, answer });
  }

  get size(): number {
    return this.#answers.size;
  }
}
