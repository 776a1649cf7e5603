import { formatCount, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { PageModel } from './page-model.js';
import { renderConnections } from './render-connections.js';
import { renderDeadLetters } from './render-dead-letters.js';
import { renderDrift } from './render-drift.js';
import { renderErrors } from './render-errors.js';
import { renderRuns } from './render-runs.js';

/**
 * Pure: the whole dashboard page. Every value from the store, the queue or the drift report
 * is escaped (see `html`); the page's script (`/assets/dashboard.js`) draws the charts from
 * `/api/charts` and runs the replay buttons.
 *
 * @example response.end(renderPage(model));
 */
export function renderPage(model: PageModel): string {
  const selectedId = model.selected?.connection.id;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portage · sync status</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/chart.umd.min.js" defer></script>
<script src="/assets/dashboard.js" defer></script>
</head>
<body data-connection="${selectedId ?? ''}" data-actions="${model.actionsEnabled ? 'enabled' : 'read-only'}">
<header class="top">
  <div><h1>Portage <span class="muted">sync status</span></h1><div class="muted">as of ${formatInstant(model.now.toISOString())} · <a href="">reload</a></div></div>
  ${model.actionsEnabled
    ? html`<label class="token">Action token <input type="password" id="action-token" autocomplete="off" placeholder="paste the token printed at start"></label>`
    : html`<span class="badge health-disabled" title="start the dashboard with PORTAGE_DASHBOARD_TOKEN to enable replay">Read-only</span>`}
</header>
<main>
${summary(model)}
<section class="charts">
  <figure class="card"><figcaption>Records per run${model.selected ? html` · ${model.selected.connection.platform} · ${model.selected.connection.tenant}` : ''}</figcaption><div class="chart-box"><canvas id="records-chart" role="img" aria-label="records added, updated and deleted per run"></canvas></div></figure>
  <figure class="card"><figcaption>Error rate per day · all connections</figcaption><div class="chart-box"><canvas id="errors-chart" role="img" aria-label="failed runs and errors per day"></canvas></div></figure>
</section>
<section id="connections"><h2>Connections</h2>${renderConnections(model.connections, selectedId, model.now)}</section>
<section id="runs"><h2>Runs</h2>${renderRuns(model.selected)}</section>
<section id="errors"><h2>Errors <span class="muted">latest first</span></h2>${renderErrors(model.errors, model.now)}</section>
<section id="dead-letters"><h2>Dead-letter queue <span class="muted">${formatCount(model.deadLetters.jobs.length)} waiting</span></h2>${renderDeadLetters(model.deadLetters, model.actionsEnabled, model.now)}</section>
<section id="drift"><h2>Drift report</h2>${renderDrift(model.drift, model.now)}</section>
</main>
<footer class="muted">JSON of everything shown: <a href="/api/connections">/api/connections</a> · <a href="/api/errors">/api/errors</a> · <a href="/api/dead-letters">/api/dead-letters</a> · <a href="/api/drift">/api/drift</a></footer>
</body>
</html>
`.text;
}

function summary(model: PageModel): SafeHtml {
  const byHealth = (health: string) => model.connections.filter((connection) => connection.health === health).length;
  const attention = byHealth('needs_reauth') + byHealth('degraded');
  const drift = model.drift.state === 'ok' ? (model.drift.report.breaking ? 'Breaking' : model.drift.report.failed ? 'Incomplete' : 'OK') : model.drift.state === 'none' ? 'No report' : 'Unreadable';
  return html`<section class="cards" id="summary">
  <div class="card"><div class="label">Connections</div><div class="value" data-field="connections">${formatCount(model.connections.length)}</div>
    <div class="chips"><span class="badge health-healthy">${byHealth('healthy')} healthy</span> <span class="badge health-degraded">${byHealth('degraded')} degraded</span> <span class="badge health-needs_reauth">${byHealth('needs_reauth')} need re-auth</span> <span class="badge health-disabled">${byHealth('disabled')} disabled</span></div></div>
  <div class="card"><div class="label">Runs, last 24 h</div><div class="value" data-field="runs-24h">${formatCount(model.activity.runs)}</div><div class="muted"><span data-field="failed-24h">${formatCount(model.activity.failed)}</span> failed</div></div>
  <div class="card${model.activity.errors > 0 ? ' warn' : ''}"><div class="label">Errors, last 24 h</div><div class="value" data-field="errors-24h">${formatCount(model.activity.errors)}</div><div class="muted">${attention} connection${attention === 1 ? ' needs' : 's need'} attention</div></div>
  <div class="card${model.deadLetters.jobs.length > 0 ? ' warn' : ''}"><div class="label">Dead letters</div><div class="value" data-field="dead-letters">${formatCount(model.deadLetters.jobs.length)}</div><div class="muted">jobs whose retries are spent</div></div>
  <div class="card${drift === 'Breaking' ? ' warn' : ''}"><div class="label">Drift</div><div class="value small">${drift}</div><div class="muted">latest <code>portage drift</code> report</div></div>
</section>`;
}
