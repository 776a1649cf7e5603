import type { ErrorView } from '../views/error-view.js';
import { codeBadge } from './badges.js';
import { formatAgo, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';

/**
 * The latest errors, newest first: universal code, Portage's message and the platform's own,
 * the platform's tracking id, and what to do.
 *
 * @example renderErrors(model.errors, model.now);
 */
export function renderErrors(errors: readonly ErrorView[], now: Date): SafeHtml {
  if (errors.length === 0) return html`<p class="empty">No errors in the latest runs.</p>`;
  return html`<table class="grid" id="errors-table">
  <thead><tr><th>When</th><th>Connection</th><th>Code</th><th>What happened</th><th>Tracking id</th><th>What to do</th></tr></thead>
  <tbody>${errors.map(
    (error) => html`<tr data-run="${error.runId}"${error.entity ? html` data-entity="${error.entity}"` : ''}>
      <td><span title="${formatInstant(error.at)}">${formatAgo(error.at, now)}</span></td>
      <td><strong>${error.platform}</strong> · ${error.tenant}<div class="muted">${error.entity ?? 'whole run'}</div></td>
      <td>${codeBadge(error.code, error.status)}</td>
      <td class="message">${error.message}${error.platformMessage ? html`<div class="platform-says">Platform says: “${error.platformMessage}”${error.platformCode ? html` <span class="muted">(${error.platformCode})</span>` : ''}</div>` : ''}</td>
      <td>${error.trackingId ? html`<code class="tracking" data-field="tracking-id">${error.trackingId}</code>` : html`<span class="muted">none sent</span>`}</td>
      <td class="advice"><strong>${error.whatToDo.title}</strong><div>${error.whatToDo.detail}</div></td>
    </tr>`,
  )}</tbody>
</table>`;
}
