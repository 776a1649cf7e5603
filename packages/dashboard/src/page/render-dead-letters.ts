import type { DeadLetterView } from '../views/dead-letter-view.js';
import { codeBadge } from './badges.js';
import { formatAgo, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';

/**
 * The dead-letter queue with a replay button per job (disabled, with a note, when the
 * dashboard is read-only).
 *
 * @example renderDeadLetters(model.deadLetters, model.actionsEnabled, model.now);
 */
export function renderDeadLetters(deadLetters: { jobs: DeadLetterView[]; problem?: string }, actionsEnabled: boolean, now: Date): SafeHtml {
  if (deadLetters.problem) return html`<p class="empty bad">The dead-letter queue could not be read: ${deadLetters.problem}</p>`;
  if (deadLetters.jobs.length === 0) return html`<p class="empty">The dead-letter queue is empty.</p>`;
  const note = actionsEnabled
    ? html`<p class="note">Replay sends a job back to the sync queue; it resumes from its last checkpoint and counts in a new run. Fix the cause first.</p>`
    : html`<p class="note" id="read-only-note">Read-only: replay is off. Start the dashboard with <code>PORTAGE_DASHBOARD_TOKEN</code> set (or <code>--actions</code>) to replay jobs here, or use <code>portage dlq replay</code>.</p>`;
  return html`${note}<table class="grid" id="dead-letters-table">
  <thead><tr><th>Job</th><th>Connection</th><th>Error</th><th>What to do</th><th>Replay</th></tr></thead>
  <tbody>${deadLetters.jobs.map(
    (job) => html`<tr data-job="${job.id}">
      <td><code class="id">${job.id}</code><div class="muted" title="${formatInstant(job.createdOn)}">dead-lettered ${formatAgo(job.createdOn, now)}</div></td>
      <td>${job.platform ? html`<strong>${job.platform}</strong> · ${job.tenant}` : html`<span class="muted">${job.connectionId}</span>`}<div class="muted">${job.entity} (${job.kind})</div></td>
      <td class="message">${job.failure
        ? html`${job.failure.code ? codeBadge(job.failure.code) : ''} ${job.failure.message}${job.failure.platformMessage ? html`<div class="platform-says">Platform says: “${job.failure.platformMessage}”</div>` : ''}${job.failure.trackingId ? html`<div>Tracking id <code class="tracking">${job.failure.trackingId}</code></div>` : ''}`
        : html`<span class="muted">no error recorded</span>`}</td>
      <td class="advice"><strong>${job.whatToDo.title}</strong><div>${job.whatToDo.detail}</div></td>
      <td><button type="button" class="replay" data-replay="${job.id}"${actionsEnabled ? '' : html` disabled title="read-only: start the dashboard with an action token"`}>Replay</button><div class="replay-status" data-replay-status="${job.id}" role="status"></div></td>
    </tr>`,
  )}</tbody>
</table>`;
}
