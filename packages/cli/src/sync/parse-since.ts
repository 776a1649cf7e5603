import { PortageError } from '@portage/core';
import { parseDuration } from '@portage/refresh';

/**
 * Pure: `--since` as an ISO instant: an instant as given, or a duration back from `now`
 * (`"7 days"`, `"P1M"`).
 *
 * @throws PortageError CONFIG_INVALID when it is neither.
 * @example parseSince('2 days', new Date('2026-11-23T12:00:00Z')); // '2026-11-21T12:00:00.000Z'
 */
export function parseSince(text: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return instant.toISOString();
  } else {
    try {
      const duration = parseDuration(text);
      const since = new Date(now);
      since.setUTCMonth(since.getUTCMonth() - duration.months);
      return new Date(since.getTime() - duration.ms).toISOString();
    } catch {
      // Reported below, with both accepted forms.
    }
  }
  throw new PortageError('CONFIG_INVALID', `--since "${text}" is neither an ISO 8601 instant (2026-11-01T00:00:00Z) nor a duration back from now ("7 days", "P1M")`, {
    context: { fieldPath: 'since' },
  });
}
