import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './usage-error.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * The options every command takes.
 *
 * @example parseArgs({ args, options: { ...COMMON_OPTIONS, kind: { type: 'string' } } });
 */
export const COMMON_OPTIONS = {
  config: { type: 'string' },
  'database-url': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/**
 * The help lines of {@link COMMON_OPTIONS}, for each command's `--help`.
 *
 * @example `${usage}\n\n${COMMON_HELP}`
 */
export const COMMON_HELP = `common options:
  --config <path>        config module (default: ./portage.config.ts, .mts, .mjs or .js)
  --database-url <url>   Postgres URL (default: the config's database.url, then $DATABASE_URL,
                         then postgres://postgres@127.0.0.1:5432/postgres)
  -v, --verbose          more logging, and stack traces with errors
  -h, --help             this help`;

type CommandArgsConfig<O extends OptionsConfig> = { args: string[]; options: typeof COMMON_OPTIONS & O; allowPositionals: true; strict: true };

/**
 * What {@link parseCommandArgs} returns: typed values of the common and the command's options, and positionals.
 *
 * @example const { values, positionals }: ParsedCommandArgs<{ runs: { type: 'string' } }> = parseCommandArgs('status', argv, { runs: { type: 'string' } });
 */
export type ParsedCommandArgs<O extends OptionsConfig> = ReturnType<typeof parseArgs<CommandArgsConfig<O>>>;

/**
 * `parseArgs` (strict, positionals allowed) with the common options added and mistakes
 * turned into {@link usageError}.
 *
 * @example const { values, positionals } = parseCommandArgs('status', argv, { runs: { type: 'string' } });
 */
export function parseCommandArgs<const O extends OptionsConfig>(command: string, argv: readonly string[], options: O): ParsedCommandArgs<O> {
  try {
    const config: CommandArgsConfig<O> = { args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true };
    return parseArgs(config);
  } catch (error) {
    // Node's messages go on to explain `--` for positionals; the first sentence is the point.
    const reason = error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error);
    throw usageError(command, reason);
  }
}
