import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSilenceMonitor, createWebhookHandler, DEFAULT_MAX_BODY_BYTES } from '@portage/intake';
import { createCredentialCipher } from '@portage/persist';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import { stopRequested } from '../io/stop-requested.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage serve [--port 8787] [--host 127.0.0.1] [options]

Receives platform webhooks at POST /webhooks/<connection id>. Each delivery's signature is
checked with the connection's signing secret (set it with \`portage webhook-secret\`) by the
scheme its connector declares; a bad one gets 401 and is stored nowhere. A good one is stored
and an incremental sync of each entity it touches is queued for the workers, in one
transaction, before the 200; a redelivered event is acknowledged and queues nothing.

A silence monitor marks a connection's webhooks silent (a health change event) when no event
came for longer than its max silence; the workers' scheduled resyncs go on regardless.

  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1; put a TLS proxy in front)
  --max-body <bytes>     larger deliveries get 413 (default ${DEFAULT_MAX_BODY_BYTES})
  --silence-check <cron|off>
                         when the silence monitor runs, as pg-boss cron fired once per
                         cluster (default "*/5 * * * *"; off: none)
  --log-level <level>    JSON logs on stderr: debug, info (default), warn, error

environment:
  PORTAGE_ENCRYPTION_KEY the key the signing secrets were stored with

${COMMON_HELP}
`;

/**
 * `portage serve`: the webhook intake on an HTTP server, plus the silence monitor.
 *
 * @example await serveCommand.run(['--port', '8787'], { ...io, signal: controller.signal });
 */
export const serveCommand: Command = {
  name: 'serve',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('serve', argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      'max-body': { type: 'string' },
      'silence-check': { type: 'string' },
      'log-level': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError('serve', `unexpected argument "${positionals[0]}"`);
    const port = parseInteger('serve', '--port', values.port, { min: 0, max: 65_535, fallback: 8787 });
    const maxBodyBytes = parseInteger('serve', '--max-body', values['max-body'], { min: 1024, max: 64 * 1024 * 1024, fallback: DEFAULT_MAX_BODY_BYTES });
    const host = values.host ?? '127.0.0.1';
    const silenceCheck = values['silence-check'] ?? '*/5 * * * *';
    const level = values['log-level'] ?? (values.verbose ? 'debug' : 'info');
    if (!['debug', 'info', 'warn', 'error'].includes(level)) throw usageError('serve', `--log-level must be debug, info, warn or error, got "${level}"`);

    return withRuntime(io, values, async (runtime) => {
      const { config } = runtime.requireConfig();
      // Without the key no signature could be checked: refuse to start rather than answer 500s.
      const cipher = createCredentialCipher(io.env.PORTAGE_ENCRYPTION_KEY);
      const logger = runtime.logger(level);
      const database = runtime.database();
      const queue = await runtime.queue({ supervise: silenceCheck !== 'off' });
      const handler = createWebhookHandler({ database, queue, connectors: config.connectors, connections: runtime.connections(), cipher, maxBodyBytes, logger });
      if (silenceCheck !== 'off') await createSilenceMonitor({ database, queue, every: silenceCheck, logger }).start();

      const server = createServer(handler);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const platforms = Object.entries(config.connectors).filter(([, connector]) => connector.webhooks).map(([name]) => name);
      io.stdout.write(
        `serving webhooks on http://${hostText}:${address.port}/webhooks/<connection id> for ${platforms.join(', ') || 'no platform (no connector declares webhooks)'}; ${silenceCheck === 'off' ? 'silence monitor off' : `silence check on "${silenceCheck}"`} (stop with Ctrl-C)\n`,
      );

      await stopRequested(io);
      io.stdout.write('serve stopping\n');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      io.stdout.write('serve stopped\n');
      return 0;
    });
  },
};
