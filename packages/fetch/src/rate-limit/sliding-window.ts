/** At most `requests` starts in any window of `intervalMs`. */
export interface WindowBudget {
  readonly requests: number;
  readonly intervalMs: number;
}

/**
 * Milliseconds until one more start fits every budget, given the past start times (ascending).
 * The N-th most recent start is the one that blocks: once it leaves the window, any window
 * ending at the new start holds at most N starts, counting the new one.
 *
 * A token bucket with a full burst of N is not enough here: it can spend N at the end of one
 * interval and, refilled, N more at the start of the next, so a window straddling the
 * boundary sees nearly 2N starts, which is exactly what strict per-window quotas reject.
 *
 * @example windowDelay([0, 400], [{ requests: 2, intervalMs: 1000 }], 700) // 300
 */
export function windowDelay(starts: readonly number[], budgets: readonly WindowBudget[], now: number): number {
  let delay = 0;
  for (const { requests, intervalMs } of budgets) {
    const blocking = starts[starts.length - requests];
    if (blocking === undefined) continue;
    // min(): a wall clock stepping backwards must not block longer than one interval.
    delay = Math.max(delay, Math.min(intervalMs, blocking + intervalMs - now));
  }
  return delay;
}

export interface SlidingWindow {
  /** Milliseconds until a start is allowed; 0 means now. */
  delayMs(now: number): number;
  /** Records a start; call only once `delayMs(now)` is 0. */
  record(now: number): void;
  /** Replaces the budgets; past starts still count against the new ones. */
  setBudgets(budgets: readonly WindowBudget[]): void;
  readonly budgets: readonly WindowBudget[];
}

/**
 * A log of start times checked against one or more budgets (e.g. 10/s and 1000/h). The log
 * keeps only what a budget can still see: the last max(requests) starts inside the longest
 * interval.
 *
 * @example
 * const window = createSlidingWindow([{ requests: 2, intervalMs: 1000 }]);
 * window.record(0); window.record(400);
 * window.delayMs(700); // 300
 */
export function createSlidingWindow(initial: readonly WindowBudget[] = []): SlidingWindow {
  const starts: number[] = [];
  let budgets = validate(initial);
  let keep = 0;
  let horizonMs = 0;
  const resize = (): void => {
    keep = Math.max(0, ...budgets.map((b) => b.requests));
    horizonMs = Math.max(0, ...budgets.map((b) => b.intervalMs));
  };
  resize();

  return {
    delayMs: (now) => windowDelay(starts, budgets, now),
    record(now) {
      if (keep === 0) return;
      starts.push(now);
      let drop = Math.max(0, starts.length - keep);
      while (drop < starts.length && starts[drop]! <= now - horizonMs) drop++;
      if (drop > 0) starts.splice(0, drop);
    },
    setBudgets(next) {
      budgets = validate(next);
      resize();
    },
    get budgets() {
      return budgets;
    },
  };
}

function validate(budgets: readonly WindowBudget[]): readonly WindowBudget[] {
  for (const { requests, intervalMs } of budgets) {
    if (!Number.isInteger(requests) || requests < 1) throw new RangeError(`requests must be a positive integer, got ${requests}`);
    if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError(`intervalMs must be positive, got ${intervalMs}`);
  }
  return budgets.map(({ requests, intervalMs }) => ({ requests, intervalMs }));
}
