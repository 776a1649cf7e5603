import { PortageError } from '@portage/core';
import { createCredentialCipher, createWebhookSubscriptionStore } from '@portage/persist';
import { parseDuration } from '@portage/refresh';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { usageError } from '../args/usage-error.js';
import type { ResolvedIo } from '../io/cli-io.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage webhook-secret <connection id> (--from-env <VAR> | --stdin) [--max-silence <duration>]

Stores the secret a platform signs its webhook deliveries to this connection with (the one
the platform shows for the endpoint POST /webhooks/<connection id> of \`portage serve\`),
encrypted with PORTAGE_ENCRYPTION_KEY. Run it again to replace the secret. The secret is never
taken from the command line, where shell history and process listings would keep it.

  --from-env <VAR>          read the secret from this environment variable
  --stdin                   read the secret from standard input (one line)
  --max-silence <duration>  how long the connection may go without an event before it is
                            reported silent, e.g. "6 hours" (default 1 day; kept when
                            replacing a secret without it)

environment:
  PORTAGE_ENCRYPTION_KEY 32 random bytes in base64, the key connections are stored with

${COMMON_HELP}
`;

/**
 * `portage webhook-secret`: stores a connection's webhook signing secret, encrypted.
 *
 * @example await webhookSecretCommand.run([connectionId, '--from-env', 'SHOP_WEBHOOK_SECRET'], io);
 */
export const webhookSecretCommand: Command = {
  name: 'webhook-secret',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('webhook-secret', argv, {
      'from-env': { type: 'string' },
      stdin: { type: 'boolean' },
      'max-silence': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const [connectionId, extra] = positionals;
    if (!connectionId) throw usageError('webhook-secret', 'give the connection id');
    // Not echoed: a second argument is most likely the secret itself.
    if (extra !== undefined) throw usageError('webhook-secret', 'give only the connection id: the secret is read with --from-env or --stdin, never from the command line');
    const fromEnv = values['from-env'];
    if ((fromEnv === undefined) === (values.stdin !== true)) throw usageError('webhook-secret', 'give exactly one of --from-env <VAR> or --stdin');
    const maxSilenceSeconds = values['max-silence'] === undefined ? undefined : parseMaxSilence(values['max-silence']);

    return withRuntime(io, values, async (runtime) => {
      const { config } = runtime.requireConfig();
      const cipher = createCredentialCipher(io.env.PORTAGE_ENCRYPTION_KEY);
      const connection = await runtime.connections().get(connectionId);
      if (!config.connectors[connection.platform]?.webhooks) {
        throw new PortageError('CONFIG_INVALID', `the connector for platform "${connection.platform}" declares no webhooks: add a webhooks declaration to it before storing a secret`, {
          context: { connectionId },
        });
      }
      const secret = fromEnv !== undefined ? secretFromEnv(io, fromEnv) : await secretFromStdin(io);
      const subscription = await createWebhookSubscriptionStore(runtime.database(), cipher).setSecret(connectionId, secret, maxSilenceSeconds === undefined ? {} : { maxSilenceSeconds });
      io.stdout.write(
        `webhook secret stored for connection ${connectionId}: deliveries go to POST /webhooks/${connectionId} (silent after ${describeSeconds(subscription.maxSilenceSeconds)} without an event)\n`,
      );
      return 0;
    });
  },
};

function parseMaxSilence(text: string): number {
  const duration = parseDuration(text);
  if (duration.months > 0) throw usageError('webhook-secret', `--max-silence takes weeks, days, hours or minutes, not months or years (got "${text}")`);
  const seconds = Math.round(duration.ms / 1000);
  if (seconds < 60) throw usageError('webhook-secret', `--max-silence must be at least a minute, got "${text}"`);
  return seconds;
}

function secretFromEnv(io: ResolvedIo, name: string): string {
  const value = io.env[name];
  if (value === undefined || value.trim() === '') {
    throw new PortageError('CONFIG_INVALID', `the environment variable ${name} is not set or empty: export the signing secret in it, or use --stdin`);
  }
  return value.trim();
}

async function secretFromStdin(io: ResolvedIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const value = Buffer.concat(chunks).toString('utf8').trim();
  if (value === '') throw new PortageError('CONFIG_INVALID', 'standard input held no secret: pipe the signing secret in, e.g. from your secret manager');
  return value;
}

function describeSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
