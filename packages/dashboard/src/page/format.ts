/**
 * Pure: a count with thousands separators, as the page shows numbers: `12,345`.
 *
 * @example formatCount(12345); // '12,345'
 */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * Pure: an ISO instant to the second, in UTC: `2026-11-23 12:00:03 UTC`.
 *
 * @example formatInstant('2026-11-23T12:00:03.456Z'); // '2026-11-23 12:00:03 UTC'
 */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * Pure: how long ago an instant was, roughly: `just now`, `5 min ago`, `3 h ago`, `2 days ago`.
 *
 * @example formatAgo('2026-11-23T11:55:00Z', new Date('2026-11-23T12:00:00Z')); // '5 min ago'
 */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return seconds < -60 ? 'in the future' : 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/**
 * Pure: a duration as people read it: `850 ms`, `3.2 s`, `2 min 05 s`, `1 h 02 min`; `running`
 * for null (a run not finished).
 *
 * @example formatDuration(125_000); // '2 min 05 s'
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'running';
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
