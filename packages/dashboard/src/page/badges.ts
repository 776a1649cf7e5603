import { html, type SafeHtml } from './html.js';

const HEALTH_LABELS: Record<string, string> = { healthy: 'Healthy', degraded: 'Degraded', needs_reauth: 'Needs re-auth', disabled: 'Disabled' };
const STATUS_LABELS: Record<string, string> = { succeeded: 'Succeeded', failed: 'Failed', running: 'Running' };

/**
 * A connection's health as a coloured badge.
 *
 * @example healthBadge('needs_reauth'); // <span class="badge health-needs_reauth">Needs re-auth</span>
 */
export function healthBadge(health: string): SafeHtml {
  return html`<span class="badge health-${cssToken(health)}">${HEALTH_LABELS[health] ?? health}</span>`;
}

/**
 * A run's status as a coloured badge.
 *
 * @example statusBadge('failed');
 */
export function statusBadge(status: string): SafeHtml {
  return html`<span class="badge status-${cssToken(status)}">${STATUS_LABELS[status] ?? status}</span>`;
}

/**
 * An error code as a badge, with the HTTP status beside it when known.
 *
 * @example codeBadge('UPSTREAM_UNAVAILABLE', 503);
 */
export function codeBadge(code: string, status?: number | null): SafeHtml {
  return html`<span class="badge code">${code}</span>${status ? html` <span class="muted">HTTP ${status}</span>` : ''}`;
}

// Class names only from known words: anything else becomes "other".
function cssToken(value: string): string {
  return /^[a-z_]+$/.test(value) ? value : 'other';
}
