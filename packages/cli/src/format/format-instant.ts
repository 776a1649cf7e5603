/**
 * Pure: an instant to the second, in UTC: `2026-11-23 12:00:03Z`.
 *
 * @example formatInstant(new Date('2026-11-23T12:00:03.456Z')); // '2026-11-23 12:00:03Z'
 */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
