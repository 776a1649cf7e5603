import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createDashboardServer } from '@portage/dashboard';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import { stopRequested } from '../io/stop-requested.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage dashboard [--port 8790] [--host 127.0.0.1] [--drift-report file] [--actions] [options]

Serves the sync status dashboard until stopped (Ctrl-C): a web page, and the same data as JSON
under /api, over the Postgres store. It shows each connection's health and last sync; its runs
with the records each entity added, updated, left unchanged and deleted, and how long they
took; the errors with their universal code, the platform's own message, its tracking id and
what to do; the dead-letter queue; the latest drift report; and charts of records per run and
of the error rate.

The dashboard is read-only unless it has an action token: then the page's Replay buttons (and
POST /api/dead-letters/<id>/replay with "Authorization: Bearer <token>") send dead-lettered
jobs back to the sync queue.

  --port <n>             port to listen on (default 8790; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1: this machine only; any
                         other address shows the page to the network: put your own
                         authenticating proxy in front)
  --drift-report <file>  the JSON report \`portage drift --json-out <file>\` writes, read on
                         each request (default $PORTAGE_DRIFT_REPORT)
  --actions              allow replay with a token generated now and printed once (unless
                         PORTAGE_DASHBOARD_TOKEN is set, which is then the token)
  --runs <n>             runs shown per connection (default 20, at most 200)

environment:
  PORTAGE_DASHBOARD_TOKEN  the action token; setting it allows replay
  PORTAGE_DRIFT_REPORT     the drift report file, unless --drift-report is given

${COMMON_HELP}
`;

/**
 * `portage dashboard`: the sync status page and its JSON API.
 *
 * @example await dashboardCommand.run(['--port', '0'], { ...io, signal: controller.signal });
 */
export const dashboardCommand: Command = {
  name: 'dashboard',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('dashboard', argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      'drift-report': { type: 'string' },
      actions: { type: 'boolean' },
      runs: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError('dashboard', `unexpected argument "${positionals[0]}"`);
    const port = parseInteger('dashboard', '--port', values.port, { min: 0, max: 65_535, fallback: 8790 });
    const runsPerConnection = parseInteger('dashboard', '--runs', values.runs, { min: 1, max: 200, fallback: 20 });
    const host = values.host ?? '127.0.0.1';
    const driftFile = values['drift-report'] ?? io.env.PORTAGE_DRIFT_REPORT;
    const driftReportPath = driftFile === undefined || driftFile === '' ? undefined : resolve(io.cwd, driftFile);
    const configured = io.env.PORTAGE_DASHBOARD_TOKEN?.trim() || undefined;
    const generated = configured === undefined && values.actions === true ? randomBytes(24).toString('base64url') : undefined;
    const actionToken = configured ?? generated;

    return withRuntime(io, values, async (runtime) => {
      const dashboard = createDashboardServer({
        database: runtime.database(),
        queue: await runtime.queue(),
        actionToken,
        driftReportPath,
        runsPerConnection,
        onAction: (line) => void io.stdout.write(`${line}\n`),
      });
      const url = await dashboard.listen({ port, host });
      io.stdout.write(`dashboard at ${url} (stop with Ctrl-C)\n`);
      if (generated !== undefined) {
        io.stdout.write(`action token, shown once: ${generated}\nopen ${url}#token=${generated} to replay dead letters from the page\n`);
      } else if (configured !== undefined) {
        io.stdout.write('replay allowed with the token in PORTAGE_DASHBOARD_TOKEN\n');
      } else {
        io.stdout.write('read-only: set PORTAGE_DASHBOARD_TOKEN or pass --actions to replay dead letters from the page\n');
      }
      io.stdout.write(driftReportPath ? `drift report: ${driftReportPath}\n` : 'no drift report configured (--drift-report <file>)\n');
      try {
        await stopRequested(io);
      } finally {
        await dashboard.close();
      }
      io.stdout.write('dashboard stopped\n');
      return 0;
    });
  },
};
