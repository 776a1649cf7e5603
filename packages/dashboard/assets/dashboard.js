// The dashboard page's script: draws the two charts from /api/charts and runs the replay
// buttons. Plain browser JavaScript, served as is (no build step, no network but this server).
(function () {
  'use strict';

  const body = document.body;
  const connection = body.dataset.connection || '';
  const TOKEN_KEY = 'portage-dashboard-token';

  // A token in the URL fragment (#token=...) never reaches the server or its logs: keep it
  // for this tab and take it out of the address bar.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const tokenInput = document.getElementById('action-token');
  if (tokenInput) {
    tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || '';
    tokenInput.addEventListener('input', () => sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim()));
  }

  async function replay(button) {
    const id = button.dataset.replay;
    const status = document.querySelector('[data-replay-status="' + CSS.escape(id) + '"]');
    const token = tokenInput ? tokenInput.value.trim() : '';
    if (!token) {
      status.className = 'replay-status failed';
      status.textContent = 'Paste the action token at the top of the page first.';
      return;
    }
    button.disabled = true;
    status.className = 'replay-status';
    status.textContent = 'Replaying…';
    try {
      const response = await fetch('/api/dead-letters/' + encodeURIComponent(id) + '/replay', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token },
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok && answer.status === 'replayed') {
        status.className = 'replay-status ok';
        status.textContent = 'Replayed as job ' + answer.newJobId;
        button.textContent = 'Replayed';
        return;
      }
      status.className = 'replay-status failed';
      status.textContent = (answer.error && answer.error.message) || answer.message || 'Replay failed (HTTP ' + response.status + ')';
      button.disabled = response.status === 409;
    } catch (error) {
      status.className = 'replay-status failed';
      status.textContent = 'Replay failed: ' + error;
      button.disabled = false;
    }
  }

  for (const button of document.querySelectorAll('button[data-replay]')) {
    button.addEventListener('click', () => void replay(button));
  }

  function shortTime(iso) {
    return iso.slice(5, 16).replace('T', ' ');
  }

  async function drawCharts() {
    if (typeof Chart === 'undefined') return;
    const response = await fetch('/api/charts' + (connection ? '?connection=' + encodeURIComponent(connection) : ''));
    if (!response.ok) return;
    const series = await response.json();
    Chart.defaults.font.family = getComputedStyle(body).fontFamily;
    Chart.defaults.animation = false;
    const runs = series.recordsPerRun;
    new Chart(document.getElementById('records-chart'), {
      type: 'bar',
      data: {
        labels: runs.map((run) => shortTime(run.startedAt)),
        datasets: [
          { label: 'added', data: runs.map((run) => run.added), backgroundColor: '#2f9e62', stack: 'changes', maxBarThickness: 56 },
          { label: 'updated', data: runs.map((run) => run.updated), backgroundColor: '#3b78d8', stack: 'changes', maxBarThickness: 56 },
          { label: 'deleted', data: runs.map((run) => run.deleted), backgroundColor: '#d9534f', stack: 'changes', maxBarThickness: 56 },
          // Unchanged records dwarf the changes: listed in the legend, shown on a click.
          { label: 'unchanged', data: runs.map((run) => run.unchanged), type: 'line', borderColor: '#9aa3b1', backgroundColor: '#9aa3b1', pointRadius: 2, hidden: true, stack: 'unchanged' },
        ],
      },
      options: { maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } }, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'records' } } } },
    });
    const days = series.errorRate;
    new Chart(document.getElementById('errors-chart'), {
      type: 'bar',
      data: {
        labels: days.map((day) => day.day.slice(5)),
        datasets: [
          { label: 'failed runs %', data: days.map((day) => Math.round(day.failureRate * 1000) / 10), type: 'line', borderColor: '#b42318', backgroundColor: '#b42318', yAxisID: 'rate', tension: 0.2, pointRadius: 2 },
          { label: 'errors', data: days.map((day) => day.errors), backgroundColor: '#f0a39c', yAxisID: 'count' },
          { label: 'runs', data: days.map((day) => day.runs), backgroundColor: '#c9d6ea', yAxisID: 'count' },
        ],
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          count: { position: 'left', beginAtZero: true, grace: '10%', ticks: { precision: 0 } },
          rate: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: (value) => value + '%' } },
        },
      },
    });
    body.dataset.charts = 'drawn';
  }

  drawCharts().catch((error) => {
    body.dataset.charts = 'failed';
    console.error('charts failed', error);
  });
})();
