import type { ConnectionView } from '../views/connection-view.js';
import type { RunView } from '../views/run-view.js';
import { healthBadge, statusBadge } from './badges.js';
import { formatCount, formatDuration, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';

/** Runs listed on the page; the API has more. */
export const RUNS_SHOWN = 10;

const FIELDS = ['added', 'updated', 'unchanged', 'deleted', 'pages', 'errors'] as const;

/**
 * The runs of one connection, newest first: a row per run with its totals, status and
 * duration, then a row per entity with what it added, updated, left unchanged and deleted.
 *
 * @example renderRuns(model.selected);
 */
export function renderRuns(selected: { connection: ConnectionView; runs: RunView[] } | null): SafeHtml {
  if (!selected) return html`<p class="empty">Pick a connection above to see its runs.</p>`;
  const { connection, runs } = selected;
  const title = html`<h3>${connection.platform} · ${connection.tenant} ${healthBadge(connection.health)}</h3>`;
  if (runs.length === 0) return html`${title}<p class="empty">This connection has not synced yet: start a sync with <code>portage sync ${connection.id}</code>.</p>`;
  return html`${title}<table class="grid runs" id="runs-table" data-connection="${connection.id}">
  <thead><tr><th>Started</th><th>Kind</th><th>Status</th><th>Entity</th><th class="num">Added</th><th class="num">Updated</th><th class="num">Unchanged</th><th class="num">Deleted</th><th class="num">Pages</th><th class="num">Errors</th><th class="num">Duration</th></tr></thead>
  ${runs.slice(0, RUNS_SHOWN).map(runRows)}
</table>${runs.length > RUNS_SHOWN ? html`<p class="note">The latest ${RUNS_SHOWN} runs; all ${runs.length} loaded are in <a href="/api/connections/${encodeURIComponent(connection.id)}/runs">/api/connections/${connection.id}/runs</a>.</p>` : ''}`;
}

function runRows(run: RunView): SafeHtml {
  const totals = FIELDS.map((field) => html`<td class="num" data-field="${field}">${formatCount(run.totals[field])}</td>`);
  const entities = run.entities.map(
    (entity) => html`<tr class="entity" data-run="${run.id}" data-entity="${entity.entity}">
      <td colspan="3"></td><td>${entity.entity}</td>${FIELDS.map((field) => html`<td class="num${field === 'errors' && entity.errors > 0 ? ' bad' : ''}" data-field="${field}">${formatCount(entity[field])}</td>`)}<td></td>
    </tr>`,
  );
  const label = run.entities.length === 1 ? '1 entity' : `${run.entities.length} entities`;
  return html`<tbody class="run">
    <tr class="run-total" data-run="${run.id}">
      <td>${formatInstant(run.startedAt)}</td><td>${run.kind}</td><td>${statusBadge(run.status)}</td><td class="muted">all (${label})</td>${totals}<td class="num" data-field="duration">${formatDuration(run.durationMs)}</td>
    </tr>
    ${entities}
  </tbody>`;
}
