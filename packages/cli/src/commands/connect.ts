import { PortageError } from '@portage/core';
import { createCredentialCipher } from '@portage/persist';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { usageError } from '../args/usage-error.js';
import { parseCredentials } from '../args/parse-credentials.js';
import { readCredentialsText } from '../args/read-credentials-text.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage connect --platform <name> --tenant <name> --credentials <json|@file> [options]

Creates a connection (one customer's account on one platform) and prints its id. The
credentials are encrypted with PORTAGE_ENCRYPTION_KEY before they are stored.

  --platform <name>      a platform of the config's connectors
  --tenant <name>        who the account belongs to (your customer's id or name)
  --credentials <json>   the secrets, as the connector's auth needs them, e.g.
                         '{"apiKey":"..."}', or @path/to/file.json to keep them out of
                         shell history ("type" may be left out)
  --format <text|json>   print the id alone (default) or the connection as JSON

environment:
  PORTAGE_ENCRYPTION_KEY 32 random bytes in base64; create one with
                         node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"

${COMMON_HELP}
`;

/**
 * `portage connect`: creates a connection and prints its id (never its credentials).
 *
 * @example await connectCommand.run(['--platform', 'shop', '--tenant', 'acme', '--credentials', '{"apiKey":"k"}'], io);
 */
export const connectCommand: Command = {
  name: 'connect',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('connect', argv, {
      platform: { type: 'string' },
      tenant: { type: 'string' },
      credentials: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError('connect', `unexpected argument "${positionals[0]}"`);
    const { platform, tenant, credentials } = values;
    if (!platform || !tenant || credentials === undefined) throw usageError('connect', 'give --platform, --tenant and --credentials');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw usageError('connect', `--format must be text or json, got "${format}"`);

    return withRuntime(io, values, async (runtime) => {
      const { config } = runtime.requireConfig();
      const connector = config.connectors[platform];
      if (!connector) {
        throw new PortageError('CONFIG_INVALID', `the config has no connector for platform "${platform}": it has ${Object.keys(config.connectors).join(', ') || 'none'}`, {
          context: { fieldPath: 'platform' },
        });
      }
      // Checked before anything is read or written, so a missing key costs nothing.
      createCredentialCipher(io.env.PORTAGE_ENCRYPTION_KEY);
      const parsed = parseCredentials(await readCredentialsText(credentials, io.cwd), connector.auth);
      const connection = await runtime.connections().create({ platform, tenant, credentials: parsed });
      if (format === 'json') {
        const { id, health, createdAt } = connection;
        io.stdout.write(`${JSON.stringify({ id, platform: connection.platform, tenant: connection.tenant, health, createdAt: createdAt.toISOString() })}\n`);
      } else {
        io.stdout.write(`${connection.id}\n`);
      }
      return 0;
    });
  },
};
