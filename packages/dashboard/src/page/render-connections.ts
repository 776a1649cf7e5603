import type { ConnectionView } from '../views/connection-view.js';
import { healthBadge, statusBadge } from './badges.js';
import { formatAgo, formatCount, formatDuration, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';

/**
 * The connections table: health, last sync and what it brought, a link to each one's runs.
 *
 * @example renderConnections(model.connections, model.selected?.connection.id, model.now);
 */
export function renderConnections(connections: readonly ConnectionView[], selectedId: string | undefined, now: Date): SafeHtml {
  if (connections.length === 0) {
    return html`<p class="empty">No connections yet: create one with <code>portage connect</code>.</p>`;
  }
  return html`<table class="grid" id="connections-table">
  <thead><tr><th>Connection</th><th>Health</th><th>Last sync</th><th>Status</th><th class="num">Added</th><th class="num">Updated</th><th class="num">Unchanged</th><th class="num">Deleted</th><th class="num">Duration</th><th></th></tr></thead>
  <tbody>${connections.map((connection) => row(connection, connection.id === selectedId, now))}</tbody>
</table>`;
}

function row(connection: ConnectionView, selected: boolean, now: Date): SafeHtml {
  const run = connection.lastRun;
  const counts = run
    ? html`<td class="num" data-field="added">${formatCount(run.totals.added)}</td><td class="num" data-field="updated">${formatCount(run.totals.updated)}</td><td class="num" data-field="unchanged">${formatCount(run.totals.unchanged)}</td><td class="num" data-field="deleted">${formatCount(run.totals.deleted)}</td><td class="num">${formatDuration(run.durationMs)}</td>`
    : html`<td class="num muted" colspan="5">no runs yet</td>`;
  return html`<tr data-connection="${connection.id}"${selected ? html` class="selected"` : ''}>
    <td><strong>${connection.platform}</strong> · ${connection.tenant}<div class="id">${connection.id}</div></td>
    <td>${healthBadge(connection.health)}${connection.healthReason ? html`<div class="reason">${connection.healthReason}</div>` : ''}</td>
    <td>${run ? html`<span title="${formatInstant(run.startedAt)}">${formatAgo(run.startedAt, now)}</span><div class="muted">${run.kind}${connection.lastSucceededAt ? html` · last success ${formatAgo(connection.lastSucceededAt, now)}` : ' · no success yet'}</div>` : html`<span class="muted">never</span>`}</td>
    <td>${run ? statusBadge(run.status) : ''}</td>
    ${counts}
    <td><a href="?connection=${encodeURIComponent(connection.id)}#runs">Runs</a></td>
  </tr>`;
}
