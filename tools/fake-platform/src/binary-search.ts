/**
 * The first index in `[0, length)` where `isAtOrPast` holds, or `length` when it never does.
 * `isAtOrPast` must be false for a prefix and true for the rest, as it is for "key >= x" over
 * a sorted array. O(log length).
 *
 * @example firstIndex(sorted.length, (i) => sorted[i]! >= 5) // where 5 would be inserted
 */
export function firstIndex(length: number, isAtOrPast: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrPast(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
