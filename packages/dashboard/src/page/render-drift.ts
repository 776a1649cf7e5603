import type { DriftState } from '../data/load-drift-report.js';
import { formatAgo, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';

/**
 * The latest drift report: per connector its status and the upstream changes that touch it.
 *
 * @example renderDrift(model.drift, model.now);
 */
export function renderDrift(drift: DriftState, now: Date): SafeHtml {
  if (drift.state === 'none') {
    return html`<p class="empty" id="no-drift">No drift report yet: run <code>portage drift --json-out ${drift.path ?? 'drift.json'}</code>${drift.path ? '' : html` and start the dashboard with <code>--drift-report drift.json</code>`}.</p>`;
  }
  if (drift.state === 'unreadable') return html`<p class="empty bad">The drift report ${drift.path} could not be read: ${drift.problem}.</p>`;
  const { report } = drift;
  const verdict = report.breaking
    ? html`<span class="badge status-failed">Breaking change touches a connector</span>`
    : report.failed
      ? html`<span class="badge health-degraded">Some connectors not checked</span>`
      : html`<span class="badge status-succeeded">No breaking change</span>`;
  return html`<p>${verdict} <span class="muted" title="${formatInstant(report.writtenAt)}">written ${formatAgo(report.writtenAt, now)} to ${drift.path}</span></p>
  <table class="grid" id="drift-table">
    <thead><tr><th>Connector</th><th>Status</th><th class="num">Breaking</th><th class="num">Non-breaking</th><th class="num">Touching it</th><th>Changes that touch it</th></tr></thead>
    <tbody>${report.connectors.map(
      (connector) => html`<tr data-platform="${connector.platform}">
        <td><strong>${connector.platform}</strong></td>
        <td><span class="badge ${connector.status === 'breaking' ? 'status-failed' : connector.status === 'ok' ? 'status-succeeded' : 'health-degraded'}">${connector.status}</span></td>
        <td class="num">${connector.counts?.breaking ?? '-'}</td><td class="num">${connector.counts?.nonBreaking ?? '-'}</td><td class="num">${connector.counts?.touching ?? '-'}</td>
        <td>${connector.error ? html`<div class="bad">${connector.error}</div>` : ''}${connector.changes.length === 0 && !connector.error ? html`<span class="muted">none</span>` : ''}<ul class="changes">${connector.changes.map(
          (change) => html`<li>${change.breaking ? html`<span class="badge status-failed">breaking</span> ` : ''}<code>${change.id}</code> <code>${change.operation}</code>${change.location ? html` <code>${change.location}</code>` : ''}: ${change.reason}${change.entities.length > 0 ? html` <span class="muted">(entity ${change.entities.join(', ')})</span>` : ''}</li>`,
        )}</ul>${connector.moreChanges > 0 ? html`<div class="muted">and ${connector.moreChanges} more in the report file</div>` : ''}${connector.fixtureProblems > 0 ? html`<div class="bad">${connector.fixtureProblems} recorded response(s) the newer spec no longer allows</div>` : ''}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}
