/** Runs `fn` and returns records per second. */
export async function recordsPerSecond(fn: () => Promise<number>): Promise<{ records: number; seconds: number; rate: number }> {
  const started = performance.now();
  const records = await fn();
  const seconds = (performance.now() - started) / 1000;
  return { records, seconds, rate: records / seconds };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatRate(rate: number): string {
  return `${Math.round(rate).toLocaleString('en-US')} records/s`;
}
